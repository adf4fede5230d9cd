package th.go.ita.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./ita start [--reset]}: starts the whole system and keeps it running until Ctrl-C or
 * SIGTERM, then stops every part cleanly.
 */
public final class Launcher {

    private Launcher() {
    }

    /** Kafka, zonky and Vert.x are chatty at INFO; their logs are not what a user needs to see. */
    static void quietLibraries() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("java.util.logging.config.file", "");
    }

    public static void main(String[] args) throws Exception {
        quietLibraries();
        Path root = Path.of(System.getProperty("ita.project.root", System.getProperty("user.dir")));
        LauncherConfig config;
        try {
            config = LauncherConfig.from(root, List.of(args), System::getenv);
        } catch (IllegalArgumentException e) {
            System.err.println("ita: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("ITA Online: starting the local stack (data in " + config.dataDir() + ")");
        long t = System.nanoTime();
        LocalStack stack;
        try {
            stack = LocalStack.start(config, System.out::println);
        } catch (Exception e) {
            System.err.println("ita: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nITA Online: stopping...");
            stack.close();
            System.out.println("ITA Online: stopped.");
            stopped.countDown();
        }, "ita-shutdown"));
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf("%nITA Online is ready in %.0f s: %s%n", seconds, config.gatewayUrl());
        // For `./ita bench`, which reports the stack's start time beside what it measures itself.
        java.nio.file.Files.writeString(config.logDir().resolve("stack-ready-seconds.txt"),
                String.format(java.util.Locale.ROOT, "%.1f%n", seconds));
        System.out.println(DemoLogins.TEXT);
        System.out.println("Keycloak admin console (demo only): " + config.keycloakUrl() + "/admin  admin / admin");
        System.out.println("Logs: " + config.logDir() + "    Stop: Ctrl-C");
        stopped.await();
    }
}
