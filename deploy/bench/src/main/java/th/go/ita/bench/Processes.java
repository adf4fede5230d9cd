package th.go.ita.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The stack's processes on this machine, read from /proc (Linux): resident memory and CPU time.
 */
final class Processes {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private Processes() {
    }

    /**
     * survey, scoring, evidence, activity, keycloak and the launcher (with Kafka and the gateway):
     * whichever process listens on each of the target's ports, so another stack on this machine
     * (other ports) is never mistaken for this one.
     */
    static Map<String, Long> discover(Target target) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("survey", target.surveyPort());
        ports.put("scoring", target.scoringPort());
        ports.put("evidence", target.evidencePort());
        ports.put("activity", target.activityPort());
        ports.put("keycloak", target.keycloakPort());
        ports.put("launcher+kafka+gateway", target.kafkaPort());
        Map<Long, Integer> inodes = new java.util.HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                    String[] f = line.trim().split("\\s+");
                    String local = f[1];
                    int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
                    if ("0A".equals(f[3]) && ports.containsValue(port)) {
                        inodes.put(Long.parseLong(f[9]), port);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table
            }
        }
        Map<Integer, Long> owners = new java.util.HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try (Stream<Path> fds = Files.list(p.resolve("fd"))) {
                    for (Path fd : fds.toList()) {
                        try {
                            String link = Files.readSymbolicLink(fd).toString();
                            if (link.startsWith("socket:[")) {
                                Integer port = inodes.get(Long.parseLong(link.substring(8, link.length() - 1)));
                                if (port != null) {
                                    owners.putIfAbsent(port, Long.parseLong(p.getFileName().toString()));
                                }
                            }
                        } catch (IOException | RuntimeException gone) {
                            // closed meanwhile
                        }
                    }
                } catch (IOException | RuntimeException notOurs) {
                    // gone or not readable
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, Long> found = new LinkedHashMap<>();
        ports.forEach((name, port) -> {
            if (owners.containsKey(port)) {
                found.put(name, owners.get(port));
            }
        });
        return found;
    }

    /** PostgreSQL's server processes (children of the launcher): their RSS summed counts shared buffers more than once. */
    static List<Long> postgres(long launcherPid) {
        return ProcessHandle.of(launcherPid).stream().flatMap(ProcessHandle::descendants)
                .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .map(ProcessHandle::pid).toList();
    }

    /** Resident set size in MB, or -1 when the process is gone. */
    static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** User plus system CPU time the process used so far, in milliseconds, or -1. */
    static double cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000.0 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Samples RSS of each process while a load runs and keeps the peak. */
    static final class Peak implements AutoCloseable {
        private final Map<String, Long> pids;
        final Map<String, Double> peak = new ConcurrentHashMap<>();
        private final Thread sampler;
        private volatile boolean running = true;

        Peak(Map<String, Long> pids) {
            this.pids = pids;
            sampler = new Thread(() -> {
                while (running) {
                    pids.forEach((name, pid) -> peak.merge(name, rssMb(pid), Math::max));
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-rss");
            sampler.setDaemon(true);
            sampler.start();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            sampler.join();
        }
    }
}
