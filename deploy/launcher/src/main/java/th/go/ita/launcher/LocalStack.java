package th.go.ita.launcher;

import th.go.ita.embedded.EmbeddedKafkaBroker;
import th.go.ita.embedded.EmbeddedKeycloak;
import th.go.ita.embedded.EmbeddedPostgresServer;
import th.go.ita.embedded.KeycloakOptions;
import th.go.ita.embedded.PortCheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The whole system on one machine, started in dependency order, each part only once the one before
 * it is healthy: PostgreSQL, Kafka, Keycloak, the four services, then the gateway with the SPA.
 * Closing stops everything in reverse order and leaves no process behind.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(180);

    private final LauncherConfig config;
    private final Consumer<String> progress;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private LeftoverProcesses leftovers;
    private EmbeddedKafkaBroker kafka;
    private EmbeddedPostgresServer postgres;

    private LocalStack(LauncherConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    public static LocalStack start(LauncherConfig config, Consumer<String> progress) throws Exception {
        LocalStack stack = new LocalStack(config, progress);
        try {
            stack.startAll();
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        leftovers = new LeftoverProcesses(config.dataDir());
        int stopped = leftovers.stopAll();
        if (stopped > 0) {
            progress.accept("  stopped " + stopped + " process(es) an earlier run left behind");
        }
        leftovers.record(ProcessHandle.current());
        checkPorts();
        if (config.reset()) {
            for (String dir : List.of("postgres", "kafka", "logs", "keycloak-realm", "evidence-files")) {
                deleteRecursively(config.dataDir().resolve(dir));
            }
            progress.accept("  data cleared (--reset): " + config.dataDir());
        }
        Files.createDirectories(config.logDir());

        long t = System.nanoTime();
        postgres = EmbeddedPostgresServer.start(config.dataDir().resolve("postgres"), config.postgresPort());
        started.push(postgres);
        for (String db : Stream.concat(config.services().stream().map(LauncherConfig.ServiceSpec::database),
                Stream.of("keycloak")).toList()) {
            postgres.ensureDatabase(db);
        }
        ready("PostgreSQL 17", "localhost:" + postgres.port(), t);

        t = System.nanoTime();
        kafka = EmbeddedKafkaBroker.start(config.dataDir().resolve("kafka"), config.kafkaPort());
        started.push(kafka);
        ready("Kafka (KRaft)", kafka.bootstrapServers(), t);

        t = System.nanoTime();
        EmbeddedKeycloak keycloak = new EmbeddedKeycloak(KeycloakOptions.builder()
                .distributionZip(requireFile(config.keycloakZip(), "the Keycloak distribution"))
                .installDir(config.dataDir().resolve("keycloak"))
                .httpPort(config.keycloakPort())
                .managementPort(config.keycloakManagementPort())
                .jdbcUrl(postgres.jdbcUrl("keycloak"))
                .dbUsername(EmbeddedPostgresServer.USER)
                .realmFile(realmForThisGateway())
                // Demo-only credentials of Keycloak's master realm; see README.
                .bootstrapAdmin("admin", "admin")
                .logFile(config.logDir().resolve("keycloak.log"))
                .javaHome(Path.of(System.getProperty("java.home")))
                .build());
        started.push(keycloak);
        keycloak.start();
        keycloak.processHandle().ifPresent(h -> processes.put("keycloak", h));
        for (ProcessHandle handle : keycloak.processHandle().stream().toList()) {
            leftovers.record(handle);
        }
        ready("Keycloak", config.keycloakUrl(), t);

        t = System.nanoTime();
        for (LauncherConfig.ServiceSpec spec : config.services()) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(spec.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgresServer.USER);
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", config.keycloakUrl() + "/realms/ita");
            // ./ita start is a demonstration: demo secrets and the demo realm are allowed (ita.demo).
            env.put("ITA_DEMO", "true");
            env.put("ITA_DEMO_DATA_ENABLED", String.valueOf(config.demoData()));
            // Uploaded OIT evidence lives with the rest of the data, so --reset and backups cover it.
            env.put("ITA_EVIDENCE_STORAGE_DIR", config.dataDir().resolve("evidence-files").toString());
            ServiceProcess service = ServiceProcess.start(spec.name(), spec.app(config.projectRoot()), spec.port(), env,
                    config.logDir().resolve(spec.name() + ".log"));
            started.push(service);
            services.put(spec.name(), service);
            processes.put(spec.name(), service.handle());
            leftovers.record(service.handle());
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(SERVICE_START_TIMEOUT);
            ready(service.name(), "localhost:" + service.port(), t);
        }

        t = System.nanoTime();
        Gateway gateway = Gateway.start(config.gatewayPort(), config.frontendDist(), config.services(), envJs(),
                config.keycloakUrl(), config.exposeManagement());
        started.push(gateway);
        ready("gateway + frontend", config.gatewayUrl(), t);
    }

    /** Runtime settings of the SPA, so the same build runs behind any address. */
    String envJs() {
        return "window.__ITA_ENV__ = " + "{\"keycloakUrl\":\"" + config.keycloakUrl()
                + "\",\"realm\":\"ita\",\"clientId\":\"ita-frontend\",\"apiBase\":\"/api\"};\n";
    }

    /** The realm allows redirects to the gateway's own address only, whichever port it has. */
    private Path realmForThisGateway() throws IOException {
        String realm = Files.readString(requireFile(config.realmFile(), "the Keycloak realm"), StandardCharsets.UTF_8);
        Path out = config.dataDir().resolve("keycloak-realm/ita-realm.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, realm.replace("http://localhost:8080", config.gatewayUrl()), StandardCharsets.UTF_8);
        return out;
    }

    private void checkPorts() {
        PortCheck.requireFree("the gateway (ITA_PORT)", config.gatewayPort());
        PortCheck.requireFree("PostgreSQL (ITA_POSTGRES_PORT)", config.postgresPort());
        PortCheck.requireFree("Kafka (ITA_KAFKA_PORT)", config.kafkaPort());
        PortCheck.requireFree("Keycloak (ITA_KEYCLOAK_PORT)", config.keycloakPort());
        PortCheck.requireFree("Keycloak health (ITA_KEYCLOAK_MANAGEMENT_PORT)", config.keycloakManagementPort());
        for (LauncherConfig.ServiceSpec spec : config.services()) {
            PortCheck.requireFree(spec.name() + " (ITA_" + spec.database().toUpperCase() + "_PORT)", spec.port());
        }
    }

    private static Path requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(what + " is missing (" + file + "): run `./ita build`");
        }
        return file;
    }

    private void ready(String component, String where, long startedNanos) {
        progress.accept(String.format("  ✓ %-20s %-32s ready in %5.1f s", component, where,
                (System.nanoTime() - startedNanos) / 1e9));
    }

    /** Child processes by component, for status and memory reports. */
    public Map<String, ProcessHandle> processes() {
        return processes;
    }

    public LauncherConfig config() {
        return config;
    }

    /** The database server this stack runs: the end-to-end test restarts it under load. */
    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    /** Kills a service (SIGKILL), as a crash would, for the end-to-end test; {@link #startAgain} brings it back. */
    public void crash(String name) throws InterruptedException {
        services.get(name).crash();
    }

    /** Starts a crashed service again on the same settings; returns once it is ready. */
    public void startAgain(String name) throws Exception {
        ServiceProcess service = services.get(name);
        service.startAgain();
        processes.put(name, service.handle());
        leftovers.record(service.handle());
        service.awaitReady(SERVICE_START_TIMEOUT);
    }

    /** The broker this stack runs in-process: the end-to-end test stops and starts it as an outage. */
    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                progress.accept("  ! while stopping: " + e.getMessage());
            }
        }
        try {
            if (leftovers != null) {
                leftovers.forget();
            }
        } catch (IOException e) {
            progress.accept("  ! " + e.getMessage());
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
