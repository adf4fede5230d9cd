package th.go.ita.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The test resource every service uses: real PostgreSQL and a real Kafka broker, started once per
 * test JVM, with a database of the service's own ({@code database} init argument).
 *
 * <pre>
 * &#64;WithTestResource(value = ItaTestStack.class, initArgs = &#64;ResourceArg(name = "database", value = "scoring"))
 * </pre>
 */
public class ItaTestStack implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaBroker kafka;

    private String database = "ita";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (postgres == null) {
                Path dir = Files.createTempDirectory("ita-test-pg");
                postgres = EmbeddedPostgresServer.start(dir.resolve("data"), 0);
            }
            if (kafka == null) {
                kafka = EmbeddedKafkaBroker.start(null);
            }
            postgres.ensureDatabase(database);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded test stack", e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        config.put("quarkus.datasource.password", "");
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        // Tests that talk to the broker directly (KafkaCompanion, admin client) read it from here.
        System.setProperty("embedded.kafka.bootstrap-servers", kafka.bootstrapServers());
        return config;
    }

    @Override
    public synchronized void stop() {
        // Left running until the JVM exits: the next Quarkus boot in this JVM reuses it, and
        // zonky's shutdown hook stops PostgreSQL cleanly.
    }

    /**
     * The broker of this JVM, so a test can {@link EmbeddedKafkaBroker#stop()} it and
     * {@link EmbeddedKafkaBroker#restart()} it at the same address (then wait until it is back).
     */
    public static EmbeddedKafkaBroker kafka() {
        return kafka;
    }
}
