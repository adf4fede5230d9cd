package th.go.ita.embedded;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak, run from its distribution zip as a child process ({@code kc.sh start-dev}),
 * keeping its realms and users in PostgreSQL so that users invited at run time survive restarts.
 * The realm file is imported on the first start; on later starts Keycloak finds the realm in the
 * database and skips the import.
 *
 * <pre>
 * EmbeddedKeycloak keycloak = new EmbeddedKeycloak(KeycloakOptions.builder()
 *         .distributionZip(zip).installDir(dir).jdbcUrl(postgres.jdbcUrl("keycloak"))
 *         .realmFile(Path.of("deploy/keycloak/ita-realm.json")).build());
 * keycloak.start();                 // blocks until /health/ready answers 200
 * keycloak.issuer("ita");           // http://localhost:8180/realms/ita
 * keycloak.close();                 // SIGTERM to the process tree, SIGKILL after 30 s
 * </pre>
 */
public final class EmbeddedKeycloak implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedKeycloak.class.getName());
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 40;

    /**
     * Inherited variables that kc.sh or Keycloak would read and that would silently change what
     * runs: {@code JAVA} wins over JAVA_HOME, {@code DEBUG=true} opens a debug port, and any
     * {@code KC_*} is a Keycloak option.
     */
    private static final List<String> SCRUBBED_ENV = List.of("JAVA", "JAVA_OPTS", "JAVA_OPTS_APPEND",
            "JAVA_OPTS_KC_HEAP", "JAVA_ADD_OPENS", "JAVA_LOCALE", "DEBUG", "DEBUG_PORT", "DEBUG_SUSPEND",
            "PRINT_ENV", "QUARKUS_PROFILE");

    private final KeycloakOptions options;
    private Process process;
    private Thread shutdownHook;

    public EmbeddedKeycloak(KeycloakOptions options) {
        this.options = options;
    }

    public KeycloakOptions options() {
        return options;
    }

    /**
     * Unpacks the distribution if needed, starts Keycloak and waits until it is ready. Does nothing
     * when already running; after {@link #close()} it starts again on the same install and database.
     *
     * @throws PortCheck.PortInUseException when the HTTP or management port is taken
     * @throws IllegalStateException        when Keycloak exits or is not ready in time; the message
     *                                      holds the end of its log
     */
    public synchronized EmbeddedKeycloak start() throws IOException, InterruptedException {
        if (isRunning()) {
            return this;
        }
        PortCheck.requireFree("Keycloak", options.httpPort());
        PortCheck.requireFree("Keycloak (management/health)", options.managementPort());
        Path install = options.installDir();
        KeycloakDistribution.ensureInstalled(options.distributionZip(), install);
        // After a database restart Keycloak's pool still holds the dead connections, and whoever
        // borrows one gets a 500 (a failed login): each connection is checked before it is lent.
        Files.writeString(install.resolve("conf/quarkus.properties"),
                "quarkus.datasource.jdbc.validate-on-borrow=true\n", StandardCharsets.UTF_8);
        boolean importRealm = copyRealmFile(install);

        List<String> command = new ArrayList<>(List.of(
                "/bin/sh", install.resolve("bin/kc.sh").toAbsolutePath().toString(),
                "start-dev",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + options.httpPort(),
                "--http-management-port=" + options.managementPort(),
                "--health-enabled=true",
                "--hostname-strict=false",
                "--db=postgres",
                "--db-url=" + options.jdbcUrl(),
                "--db-username=" + options.dbUsername()));
        if (importRealm) {
            command.add("--import-realm");
        }
        command.addAll(options.extraArgs());

        ProcessBuilder builder = new ProcessBuilder(command).directory(install.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("KC_") || SCRUBBED_ENV.contains(name));
        env.put("JAVA_HOME", options.javaHome().toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", options.bootstrapAdminUsername());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", options.bootstrapAdminPassword());
        if (!options.dbPassword().isEmpty()) {
            // In the environment rather than on the command line, where ps would show it.
            env.put("KC_DB_PASSWORD", options.dbPassword());
        }

        Path log = options.logFile().toAbsolutePath();
        Files.createDirectories(log.getParent());
        Files.writeString(log, "==== " + Instant.now() + " ita: " + String.join(" ", command) + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));

        long started = System.nanoTime();
        process = builder.start();
        process.getOutputStream().close();
        shutdownHook = new Thread(this::stopProcess, "keycloak-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            awaitReady(started);
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "Keycloak ready at {0} in {1} ms (log: {2})",
                baseUrl(), (System.nanoTime() - started) / 1_000_000, log);
        return this;
    }

    /** {@code http://localhost:<httpPort>}: the address browsers and services use. */
    public String baseUrl() {
        return "http://localhost:" + options.httpPort();
    }

    /**
     * The {@code iss} of this realm's tokens, e.g. {@code http://localhost:8180/realms/ita}. Keycloak
     * runs with {@code hostname-strict=false}, so the issuer follows the host a client used: use
     * "localhost" everywhere (not 127.0.0.1), or tokens will not match.
     */
    public String issuer(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    /** {@code http://localhost:<managementPort>/health/ready}. */
    public String readinessUrl() {
        return "http://localhost:" + options.managementPort() + "/health/ready";
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The started process (kc.sh, which becomes or starts Keycloak's JVM), while running. */
    public synchronized Optional<ProcessHandle> processHandle() {
        return isRunning() ? Optional.of(process.toHandle()) : Optional.empty();
    }

    /** Stops Keycloak gracefully and leaves no process behind. Safe to call more than once. */
    @Override
    public synchronized void close() {
        stopProcess();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or ran; nothing to undo
            }
            shutdownHook = null;
        }
        process = null;
    }

    private boolean copyRealmFile(Path install) throws IOException {
        Path importDir = install.resolve("data").resolve("import");
        // Only the configured realm is imported: clear files an earlier configuration left.
        KeycloakDistribution.deleteRecursively(importDir);
        if (options.realmFile() == null) {
            return false;
        }
        if (!Files.isRegularFile(options.realmFile())) {
            throw new IOException("Realm file not found: " + options.realmFile());
        }
        Files.createDirectories(importDir);
        String name = options.realmFile().getFileName().toString();
        Files.copy(options.realmFile(), importDir.resolve(name.endsWith(".json") ? name : name + ".json"),
                StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    private void awaitReady(long startedNanos) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(readinessUrl()))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = startedNanos + options.startTimeout().toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " before it was ready. End of " + options.logFile() + ":\n" + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak was not ready within " + options.startTimeout().toSeconds()
                        + " s (" + readinessUrl() + "). End of " + options.logFile() + ":\n" + logTail());
            }
            Thread.sleep(250);
        }
    }

    /** SIGTERM to Keycloak's JVM and to kc.sh, up to 30 s for them to exit, then SIGKILL. */
    private void stopProcess() {
        Process p = process;
        if (p == null) {
            return;
        }
        // Collected first: once kc.sh exits, its JVM is no longer its descendant.
        List<ProcessHandle> tree = new ArrayList<>();
        try (Stream<ProcessHandle> descendants = p.descendants()) {
            descendants.forEach(tree::add);
        }
        tree.add(p.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ProcessHandle handle : tree) {
            awaitExit(handle, deadline);
        }
        List<ProcessHandle> stubborn = tree.stream().filter(ProcessHandle::isAlive).toList();
        if (!stubborn.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Keycloak did not stop within {0} s; killing {1}",
                    STOP_TIMEOUT.toSeconds(), stubborn.stream().map(ProcessHandle::pid).toList());
            stubborn.forEach(ProcessHandle::destroyForcibly);
            long killDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            stubborn.forEach(handle -> awaitExit(handle, killDeadline));
        }
    }

    private static void awaitExit(ProcessHandle handle, long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0 || !handle.isAlive()) {
            return;
        }
        try {
            handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception timedOutOrFailed) {
            // handled by the caller's isAlive check
        }
    }

    /** The last lines of the log, read from its end so a long log costs nothing. */
    String logTail() {
        Path log = options.logFile();
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[size];
            file.seek(length - size);
            file.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R");
            return String.join("\n", Arrays.asList(lines).subList(Math.max(0, lines.length - LOG_TAIL_LINES), lines.length));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }
}
