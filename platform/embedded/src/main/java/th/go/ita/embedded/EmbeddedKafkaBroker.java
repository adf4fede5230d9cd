package th.go.ita.embedded;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real Kafka broker in KRaft mode (one combined broker + controller node) inside this JVM,
 * built with Kafka's own test kit so it is the same server code that runs in production.
 * <p>
 * Clients reach it at one stable address that survives {@link #stop()} and {@link #restart()}:
 * that is how tests show that events committed while Kafka is down are delivered when it is back.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /** Fixed so that a kept data directory is recognised as the same cluster on the next run. */
    private static final String CLUSTER_ID = "aXRhLW9ubGluZS1rYWZrYQ";

    private final Path baseDirectory;
    private final boolean temporary;
    private final StableAddress address;
    private KafkaClusterTestKit cluster;

    private EmbeddedKafkaBroker(Path baseDirectory, boolean temporary, StableAddress address) {
        this.baseDirectory = baseDirectory;
        this.temporary = temporary;
        this.address = address;
    }

    /**
     * @param baseDirectory where logs and metadata live; kept between runs when not null,
     *                      a temporary folder deleted on {@link #close()} when null
     * @param port          the address clients use; 0 for any free port
     */
    public static EmbeddedKafkaBroker start(Path baseDirectory, int port) throws Exception {
        if (port != 0) {
            PortCheck.requireFree("Kafka", port);
        }
        boolean temporary = baseDirectory == null;
        Path dir = temporary ? Files.createTempDirectory("ita-kafka") : baseDirectory;
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir, temporary, new StableAddress(port));
        try {
            broker.startCluster();
        } catch (Exception e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** A broker at any free port. */
    public static EmbeddedKafkaBroker start(Path baseDirectory) throws Exception {
        return start(baseDirectory, 0);
    }

    private void startCluster() throws Exception {
        Files.createDirectories(baseDirectory);
        boolean alreadyFormatted;
        try (Stream<Path> files = Files.walk(baseDirectory)) {
            alreadyFormatted = files.anyMatch(p -> p.getFileName().toString().equals("meta.properties"));
        }
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setClusterId(CLUSTER_ID)
                .setBaseDirectory(baseDirectory)
                .build();
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                .setDeleteOnClose(false)
                .setConfigProp("advertised.listeners", "EXTERNAL://localhost:" + address.port())
                // One broker: internal topics cannot have more replicas than that.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("auto.create.topics.enable", "true")
                .setConfigProp("num.partitions", "3")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        if (!alreadyFormatted) {
            kit.format();
        }
        kit.startup();
        // The kit's own address is the broker's real, per-start port; ours forwards to it.
        String real = kit.bootstrapServers().split(",")[0];
        address.target(Integer.parseInt(real.substring(real.lastIndexOf(':') + 1)));
        kit.waitForReadyBrokers();
        cluster = kit;
    }

    public String bootstrapServers() {
        return "localhost:" + address.port();
    }

    public synchronized boolean isRunning() {
        return cluster != null;
    }

    /** Stops the broker, keeping its data and address: to clients, Kafka is down. */
    public synchronized void stop() throws Exception {
        if (cluster != null) {
            KafkaClusterTestKit kit = cluster;
            cluster = null;
            address.target(0);
            kit.close();
        }
    }

    /** Starts a stopped broker again at the same address, with the data it had. */
    public synchronized void restart() throws Exception {
        if (cluster == null) {
            startCluster();
        }
    }

    @Override
    public synchronized void close() throws Exception {
        try {
            stop();
        } finally {
            address.close();
            if (temporary) {
                try (Stream<Path> paths = Files.walk(baseDirectory)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // a temporary folder left behind is harmless
                }
            }
        }
    }
}
