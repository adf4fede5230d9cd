package th.go.ita.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import th.go.ita.embedded.EmbeddedPostgresServer;
import th.go.ita.embedded.PortCheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23's test: {@code ./ita backup} of the running demo stack; afterwards the office goes on (a
 * response, an evidence version, a review); {@code ./ita restore} into an empty folder gives back
 * every table of every database (Keycloak's too) and every evidence file exactly as at the backup,
 * and the whole stack starts on it: the answer given after the backup is gone, so its code takes
 * an answer again, and the item is back to awaiting review.
 */
final class BackupAndRestore {

    private static final String UNIT = StackApi.UNIT;

    private final LauncherConfig config;
    private final Function<String, String> tokens;
    private final StackApi api;

    BackupAndRestore(LauncherConfig config, Function<String, String> tokens) {
        this.config = config;
        this.tokens = tokens;
        this.api = new StackApi(config);
    }

    /** @return the stack started on the restored data (the one given is stopped) */
    LocalStack run(LocalStack running) throws Exception {
        String admin = tokens.apply("admin");
        String editor = tokens.apply("evidence.kalasin2");
        String auditor = tokens.apply("auditor");
        String round = api.openRound(admin, "Backup");
        api.awaitEvidenceKnows(round, editor);
        api.send("PUT", "/api/evidence/units/" + UNIT + "/auditors/auditor", tokens.apply("area.kalasin2"), null);
        String code = api.call("POST", "/api/survey/rounds/" + round + "/units/" + UNIT + "/access-codes",
                tokens.apply("unit.kalasin2"), Map.of("count", 1), 201).path("codes").get(0).asText();
        JsonNode questionnaire = api.call("GET", "/api/survey/rounds/" + round + "/questionnaires/IIT?unit=" + UNIT, null, null, 200);
        String items = "/api/evidence/units/" + UNIT + "/rounds/" + round + "/items/";
        api.call("POST", items + "O1/links", editor, Map.of("url", "https://www.kalasin2.go.th/oit/o1", "label", "โครงสร้าง"), 201);
        api.call("POST", items + "O1/submit", editor, null, 200);
        // Keycloak's token endpoint writes sessions: take every token the checks below need now.
        List<String> later = List.of(editor, auditor);

        Path archive = Path.of("target", "stack-backup.zip").toAbsolutePath();
        Map<String, Map<String, String>> atBackup = null;
        Map<String, String> filesAtBackup = null;
        // The stack's scheduled jobs may write during the copy; a backup is compared only with a state
        // that stood still across it.
        for (int attempt = 1; attempt <= 4 && atBackup == null; attempt++) {
            Files.deleteIfExists(archive);
            Map<String, Map<String, String>> before = digests(config.postgresPort());
            Map<String, String> filesBefore = files(config.dataDir().resolve("evidence-files"));
            long t = System.nanoTime();
            BackupManifest manifest = Backup.write(config, archive, System.out::println);
            System.out.printf("[measure] backup of the running stack: %d files, %.1f MB read, archive %.1f MB, %.1f s%n",
                    manifest.files().size(), manifest.bytes() / 1e6, Files.size(archive) / 1e6, (System.nanoTime() - t) / 1e9);
            assertEquals(0, manifest.eventsInFlight(), "every consumer had caught up before the copy began");
            if (before.equals(digests(config.postgresPort())) && filesBefore.equals(files(config.dataDir().resolve("evidence-files")))) {
                atBackup = before;
                filesAtBackup = filesBefore;
            } else {
                Thread.sleep(3000);
            }
        }
        assertTrue(atBackup != null, "the stack stood still across one of four backups");
        assertTrue(atBackup.keySet().containsAll(List.of("survey", "scoring", "evidence", "activity", "keycloak")), atBackup.keySet().toString());

        api.answer(round, code, questionnaire, new Random(23));
        api.call("POST", items + "O2/links", later.get(0), Map.of("url", "https://www.kalasin2.go.th/oit/o2", "label", "ผู้บริหาร"), 201);
        api.call("POST", items + "O1/review", later.get(1), Map.of("verdict", "PASSED"), 200);
        running.close();

        Path restored = Files.createTempDirectory("ita-restored");
        long t = System.nanoTime();
        Restore.run(archive, restored, false, System.out::println);
        System.out.printf("[measure] restore into an empty folder: %.1f s%n", (System.nanoTime() - t) / 1e9);
        int port = PortCheck.freePort();
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(restored.resolve("postgres"), port)) {
            Map<String, Map<String, String>> back = digests(port);
            assertEquals(atBackup, back, "every table of every database as at the backup");
            System.out.printf("[measure] restored and compared: %d databases, %d tables identical%n", back.size(),
                    back.values().stream().mapToInt(Map::size).sum());
        }
        assertEquals(filesAtBackup, files(restored.resolve("evidence-files")), "every evidence file as at the backup");

        Map<String, String> env = new java.util.HashMap<>();
        env.put("ITA_DATA_DIR", restored.toString());
        env.put("ITA_PORT", String.valueOf(config.gatewayPort()));
        env.put("ITA_POSTGRES_PORT", String.valueOf(config.postgresPort()));
        env.put("ITA_KAFKA_PORT", String.valueOf(config.kafkaPort()));
        env.put("ITA_KEYCLOAK_PORT", String.valueOf(config.keycloakPort()));
        env.put("ITA_KEYCLOAK_MANAGEMENT_PORT", String.valueOf(config.keycloakManagementPort()));
        for (LauncherConfig.ServiceSpec spec : config.services()) {
            env.put("ITA_" + spec.database().toUpperCase() + "_PORT", String.valueOf(spec.port()));
        }
        LauncherConfig again = LauncherConfig.from(config.projectRoot(), List.of(), env::get);
        t = System.nanoTime();
        LocalStack stack = LocalStack.start(again, System.out::println);
        System.out.printf("[measure] whole stack ready on the restored data in %.1f s%n", (System.nanoTime() - t) / 1e9);
        try {
            JsonNode item = api.call("GET", items + "O1", tokens.apply("evidence.kalasin2"), null, 200);
            assertEquals("SUBMITTED", item.path("status").asText(), "the review given after the backup is not there: " + item);
            JsonNode o2 = api.call("GET", items + "O2", tokens.apply("evidence.kalasin2"), null, 200);
            assertEquals(0, o2.path("versions").size(), "the evidence added after the backup is not there: " + o2);
            // The answer given after the backup is gone, and with it the spending of its code.
            api.answer(round, code, questionnaire, new Random(24));
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /** Row digests of every table of every database of the cluster. */
    static Map<String, Map<String, String>> digests(int port) throws Exception {
        String server = "jdbc:postgresql://localhost:" + port + "/";
        List<String> databases = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server + "postgres", EmbeddedPostgresServer.USER, "");
             ResultSet rs = c.createStatement().executeQuery("SELECT datname FROM pg_database WHERE NOT datistemplate")) {
            while (rs.next()) {
                databases.add(rs.getString(1));
            }
        }
        Map<String, Map<String, String>> all = new TreeMap<>();
        for (String database : databases) {
            try (Connection c = DriverManager.getConnection(server + database, EmbeddedPostgresServer.USER, "")) {
                all.put(database, TableDigest.of(c));
            }
        }
        return all;
    }

    static Map<String, String> files(Path dir) throws Exception {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), HexFormat.of().formatHex(Backup.sha256().digest(Files.readAllBytes(file))));
            }
        }
        return files;
    }
}
