package th.go.ita.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./ita bench [--short]}: measures the stack {@code ./ita start} runs on this machine, prints
 * one table and writes results.csv, results.json and report.html under
 * {@code deploy/bench/target/results/<time>/}. See deploy/bench/README.md.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--short");
        Path root = Path.of(System.getProperty("ita.project.root", System.getProperty("user.dir")));
        Target target = Target.from(root, System::getenv);
        Map<String, Long> pids = Processes.discover(target);
        if (!pids.containsKey("survey")) {
            System.err.println("ita bench: no running survey-service found; start the stack first (./ita start)");
            System.exit(2);
        }
        Double startSeconds = null;
        Path started = target.dataDir().resolve("logs/stack-ready-seconds.txt");
        if (Files.isRegularFile(started)) {
            startSeconds = Double.valueOf(Files.readString(started).strip());
        }
        Path out = root.resolve("deploy/bench/target/results")
                .resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
        Settings settings = quick ? Settings.quick() : Settings.full();
        for (String arg : args) {
            if (arg.startsWith("--trees=")) {
                settings = settings.withTrees(java.util.Arrays.stream(arg.substring(8).split(",")).mapToInt(Integer::parseInt).toArray());
            }
        }
        Results results = run(target, settings, pids, startSeconds);
        results.write(out);
        System.out.println("\nWritten: " + out.resolve("results.csv") + ", results.json, report.html");
    }

    /**
     * Runs every measurement against {@code target} and prints the table.
     *
     * @param pids         the stack's processes by name (survey, scoring, evidence, activity, keycloak, launcher…)
     * @param startSeconds how long the stack took to be ready, when known
     */
    public static Results run(Target target, Settings settings, Map<String, Long> pids, Double startSeconds)
            throws Exception {
        Results results = new Results();
        long began = System.nanoTime();
        results.machine("cores", Runtime.getRuntime().availableProcessors());
        results.machine("load average before (1/5/15 min)", loadAverage());
        results.machine("mode", settings.isShort() ? "short" : "full");
        results.machine("java", System.getProperty("java.version"));
        results.machine("note", "a shared machine: other work runs beside the stack, so numbers are noisy");
        Api api = new Api(target);
        Map<String, Long> watched = new LinkedHashMap<>(pids);
        pids.entrySet().stream().filter(e -> e.getKey().startsWith("launcher")).findFirst().ifPresent(l -> {
            List<Long> postgres = Processes.postgres(l.getValue());
            for (int i = 0; i < postgres.size(); i++) {
                watched.put("postgres#" + i, postgres.get(i));
            }
        });
        Map<String, Double> idle = new LinkedHashMap<>();
        watched.forEach((name, pid) -> idle.put(name, Processes.rssMb(pid)));

        String round;
        Processes.Peak peak = new Processes.Peak(watched);
        progress("intake and the raw INSERT baseline, then the respondent path");
        try {
            round = new Intake(api, results, settings, pids).run();
        } finally {
            peak.close();
        }
        api.forgetTokens();
        progress("score freshness, idle and under intake load");
        new Freshness(api, results, settings).run(round);
        api.forgetTokens();
        Pages pages = new Pages(api, results, settings);
        progress("public pages and upload");
        pages.publicPages();
        pages.upload(round);
        progress("unit trees: imports and dashboards");
        new Trees(api, results, settings).run();

        List<String> names = new ArrayList<>(idle.keySet());
        double pgIdle = 0;
        double pgPeak = 0;
        for (String name : names) {
            if (name.startsWith("postgres#")) {
                pgIdle += idle.get(name);
                pgPeak += peak.peak.getOrDefault(name, Double.NaN);
                continue;
            }
            results.add("memory", name + " RSS idle", "", idle.get(name), "MB");
            results.add("memory", name + " RSS peak under intake load", "", peak.peak.getOrDefault(name, Double.NaN), "MB");
        }
        if (pgIdle > 0) {
            results.add("memory", "postgres processes RSS idle (summed)", "", pgIdle, "MB", "", "shared buffers counted in each");
            results.add("memory", "postgres processes RSS peak (summed)", "", pgPeak, "MB", "", "");
        }
        if (startSeconds != null) {
            results.add("stack", "start to ready (built)", "", startSeconds, "s", "< 60", "");
        }
        results.machine("load average after (1/5/15 min)", loadAverage());
        results.machine("run took", Results.number((System.nanoTime() - began) / 1e9) + " s");
        System.out.println();
        System.out.print(results.table());
        return results;
    }

    private static void progress(String what) {
        System.out.println("bench: " + what + " (load average " + loadAverage() + ")");
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
