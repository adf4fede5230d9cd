package th.go.ita.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Quarkus service run as a child process from its packaged app, health-gated. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final ProcessBuilder builder;
    private volatile Process process;

    private ServiceProcess(String name, int port, Path log, ProcessBuilder builder) throws IOException {
        this.name = name;
        this.port = port;
        this.log = log;
        this.builder = builder;
        this.process = launch();
    }

    private Process launch() throws IOException {
        Process started = builder.start();
        started.getOutputStream().close();
        return started;
    }

    public static ServiceProcess start(String name, Path app, int port, Map<String, String> env, Path log)
            throws IOException {
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(name + " is not built (" + app + " is missing): run `./ita build`");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(System.getenv("ITA_SERVICE_JAVA_OPTS")));
        command.addAll(List.of("-jar", app.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return new ServiceProcess(name, port, log, builder);
    }

    /**
     * The services' JVM flags: ITA_SERVICE_JAVA_OPTS when set (deploy/bench compares settings
     * with it), else the defaults.
     */
    static List<String> jvmOptions(String override) {
        if (override != null && !override.isBlank()) {
            return List.of(override.strip().split("\\s+"));
        }
        // Small heaps and the serial collector: four services idle on a laptop next to Keycloak.
        return List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    /** Kills the service at once (SIGKILL: no shutdown hooks, nothing flushed), as a crash would. */
    public void crash() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts the service again with the same settings after a {@link #crash()}; then {@link #awaitReady}. */
    public void startAgain() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        process = launch();
    }

    /** Waits until the service's readiness (database and Kafka) reports UP. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + "; see its log: " + log + "\n" + LogTail.of(log, 30));
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds()
                + " s; see its log: " + log + "\n" + LogTail.of(log, 30));
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
