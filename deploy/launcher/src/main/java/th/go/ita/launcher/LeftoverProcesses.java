package th.go.ita.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Remembers the processes a run started ({@code <data>/run/pids}), so that when a launcher dies
 * without its shutdown hook (kill -9, a JVM crash), the next start stops what it left behind
 * instead of failing on ports in use or a locked PostgreSQL data folder.
 */
final class LeftoverProcesses {

    private final Path pidFile;
    private final Path postmasterPid;

    LeftoverProcesses(Path dataDir) {
        this.pidFile = dataDir.resolve("run/pids");
        this.postmasterPid = dataDir.resolve("postgres/postmaster.pid");
    }

    /** Stops every process an earlier run recorded that is still alive. @return how many were stopped */
    int stopAll() throws IOException, InterruptedException {
        List<Long> recorded = recorded();
        // The first line is the launcher that started them: still running means it is not a leftover.
        if (!recorded.isEmpty() && recorded.get(0) != ProcessHandle.current().pid()) {
            Optional<ProcessHandle> launcher = ProcessHandle.of(recorded.get(0)).filter(ProcessHandle::isAlive)
                    .filter(p -> commandLine(p).contains("java"));
            if (launcher.isPresent()) {
                throw new IllegalStateException("ITA Online is already running from " + pidFile.getParent().getParent()
                        + " (launcher pid " + recorded.get(0) + "): stop it first, or use another ITA_DATA_DIR");
            }
        }
        List<ProcessHandle> alive = new ArrayList<>();
        for (long pid : recorded.subList(Math.min(1, recorded.size()), recorded.size())) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(LeftoverProcesses::ours).ifPresent(alive::add);
        }
        for (ProcessHandle process : alive) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        for (ProcessHandle process : alive) {
            try {
                process.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
        return alive.size();
    }

    /** Call first with the launcher itself, then with each process it starts. */
    void record(ProcessHandle process) throws IOException {
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, process.pid() + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    void forget() throws IOException {
        Files.deleteIfExists(pidFile);
    }

    private List<Long> recorded() throws IOException {
        List<Long> pids = new ArrayList<>();
        if (Files.exists(pidFile)) {
            for (String line : Files.readAllLines(pidFile, StandardCharsets.UTF_8)) {
                parse(line).ifPresent(pids::add);
            }
            // PostgreSQL is started by pg_ctl, not as our child: its own pid file names it.
            if (Files.exists(postmasterPid)) {
                Files.readAllLines(postmasterPid, StandardCharsets.UTF_8).stream().findFirst()
                        .flatMap(LeftoverProcesses::parse).ifPresent(pids::add);
            }
        }
        return pids;
    }

    /** Only processes that look like ours: a recycled pid must never stop someone else's program. */
    private static boolean ours(ProcessHandle process) {
        String command = commandLine(process);
        return command.contains("quarkus-run.jar") || command.contains("kc.sh") || command.contains("keycloak")
                || command.contains("postgres");
    }

    /** As the process itself states it (/proc on Linux, where argv[0] can be a server's own name). */
    private static String commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException e) {
            // fall back to what the JDK reports
        }
        return process.info().commandLine().orElse("");
    }

    private static Optional<Long> parse(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
