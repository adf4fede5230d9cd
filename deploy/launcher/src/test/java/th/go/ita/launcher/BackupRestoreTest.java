package th.go.ita.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.go.ita.embedded.EmbeddedPostgresServer;
import th.go.ita.embedded.PortCheck;
import th.go.ita.launcher.Backup.BackupException;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backup and restore on a real PostgreSQL 17: what comes back is the state at the backup, in every
 * database, with every evidence file, also when writes go on during the copy; a damaged or cut-off
 * archive, or a folder that holds data, changes nothing.
 */
class BackupRestoreTest {

    @TempDir
    Path work;

    private EmbeddedPostgresServer postgres;
    private LauncherConfig config;

    @BeforeEach
    void startWithData() throws Exception {
        Path data = work.resolve("data");
        int port = PortCheck.freePort();
        config = LauncherConfig.from(work, List.of(), Map.of("ITA_DATA_DIR", data.toString(),
                "ITA_POSTGRES_PORT", String.valueOf(port))::get);
        postgres = EmbeddedPostgresServer.start(data.resolve("postgres"), port);
        for (String db : List.of("survey", "evidence")) {
            postgres.ensureDatabase(db);
        }
        sql("survey", "CREATE TABLE survey_response (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), answers jsonb NOT NULL)",
                "INSERT INTO survey_response (answers) SELECT jsonb_build_object('i1', g % 4) FROM generate_series(1, 20000) g");
        sql("evidence", "CREATE TABLE evidence_version (id bigserial PRIMARY KEY, sha256 text NOT NULL)",
                "INSERT INTO evidence_version (sha256) VALUES ('aa'), ('bb')");
        Files.createDirectories(data.resolve("evidence-files/aa"));
        Files.writeString(data.resolve("evidence-files/aa/report.pdf"), "%PDF-1.4 the office's report");
    }

    @AfterEach
    void stop() throws Exception {
        postgres.close();
    }

    @Test
    void aRestoreBringsBackEveryTableAndFileAsTheyWereAtTheBackup() throws Exception {
        Map<String, Map<String, String>> before = digests(postgres.port());
        Path archive = work.resolve("office.zip");
        BackupManifest manifest = Backup.write(config, archive, line -> { });
        assertEquals(20000L, manifest.databases().get("survey").rows().get("public.survey_response"));
        assertTrue(manifest.files().stream().anyMatch(f -> f.path().equals("evidence-files/aa/report.pdf")));
        assertTrue(manifest.files().stream().anyMatch(f -> f.path().equals("postgres/backup_label")));
        assertFalse(Files.exists(work.resolve("office.zip.partial")));
        assertEquals(-1, manifest.eventsInFlight(), "no Kafka here: the manifest says events in flight are unknown");

        // After the backup the office goes on: a response, a new evidence version and its file.
        sql("survey", "INSERT INTO survey_response (answers) VALUES ('{\"i1\": 9}')");
        sql("evidence", "INSERT INTO evidence_version (sha256) VALUES ('cc')");
        Files.writeString(config.dataDir().resolve("evidence-files/aa/later.pdf"), "%PDF later");
        assertNotEquals(before, digests(postgres.port()));

        Path restored = work.resolve("restored");
        Restore.run(archive, restored, false, line -> { });
        assertEquals(Files.readString(config.dataDir().resolve("evidence-files/aa/report.pdf")),
                Files.readString(restored.resolve("evidence-files/aa/report.pdf")));
        assertFalse(Files.exists(restored.resolve("evidence-files/aa/later.pdf")), "a file added after the backup");
        int port = PortCheck.freePort();
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(restored.resolve("postgres"), port)) {
            assertEquals(before, digests(port), "every table of every database as at the backup");
            // The restored cluster takes writes: sequences went on from where they were.
            try (Connection c = DriverManager.getConnection(second.jdbcUrl("evidence"), EmbeddedPostgresServer.USER, "");
                 Statement s = c.createStatement()) {
                s.execute("INSERT INTO evidence_version (sha256) VALUES ('dd')");
            }
        }
    }

    /** The office keeps answering while the copy runs: the restored cluster is one consistent instant between. */
    @Test
    void writesDuringTheCopyComeBackAsOneConsistentInstant() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        Thread writer = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("survey"), EmbeddedPostgresServer.USER, "");
                 Statement s = c.createStatement()) {
                while (writing.get()) {
                    // Each transaction writes a response to both tables or to neither.
                    s.execute("BEGIN; INSERT INTO survey_response (answers) VALUES ('{\"i1\": 1}'); "
                            + "UPDATE survey_response SET answers = jsonb_set(answers, '{n}', to_jsonb(" + written.incrementAndGet()
                            + ")) WHERE id = (SELECT id FROM survey_response ORDER BY id LIMIT 1); COMMIT");
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        Thread.sleep(300);
        Path archive = work.resolve("busy.zip");
        Backup.write(config, archive, line -> { });
        long atEnd = written.get();
        writing.set(false);
        writer.join();
        assertTrue(atEnd > 0);

        Path restored = work.resolve("restored");
        Restore.run(archive, restored, false, line -> { });
        int port = PortCheck.freePort();
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(restored.resolve("postgres"), port);
             Connection c = DriverManager.getConnection(second.jdbcUrl("survey"), EmbeddedPostgresServer.USER, "");
             Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT count(*) - 20000, (SELECT CAST(answers->>'n' AS bigint) FROM survey_response "
                     + "ORDER BY id LIMIT 1) FROM survey_response")) {
            rs.next();
            long rows = rs.getLong(1);
            long lastUpdate = rs.getLong(2);
            assertTrue(rows > 0 && rows <= atEnd, rows + " responses written during the copy come back, at most " + atEnd);
            assertEquals(rows, lastUpdate, "each transaction came back whole or not at all");
        }
    }

    @Test
    void aDamagedOrCutOffArchiveIsRefusedAndNothingIsWritten() throws Exception {
        Path archive = work.resolve("office.zip");
        Backup.write(config, archive, line -> { });

        Path damaged = work.resolve("damaged.zip");
        Files.copy(archive, damaged);
        try (RandomAccessFile file = new RandomAccessFile(damaged.toFile(), "rw")) {
            file.seek(file.length() / 3);
            int b = file.read();
            file.seek(file.length() / 3);
            file.write(b ^ 0xFF);
        }
        BackupException refused = assertThrows(BackupException.class, () -> Restore.run(damaged, work.resolve("r1"), false, l -> { }));
        assertTrue(refused.getMessage().contains("damaged"), refused.getMessage());
        assertFalse(Files.exists(work.resolve("r1")), "nothing written for a damaged archive");

        Path cut = work.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(archive), (int) (Files.size(archive) / 2)));
        refused = assertThrows(BackupException.class, () -> Restore.run(cut, work.resolve("r2"), false, l -> { }));
        assertTrue(refused.getMessage().contains("damaged") || refused.getMessage().contains("not a complete"), refused.getMessage());
        assertFalse(Files.exists(work.resolve("r2")));

        // The running stack's own folder is never overwritten, forced or not.
        refused = assertThrows(BackupException.class, () -> Restore.run(archive, config.dataDir(), true, l -> { }));
        assertTrue(refused.getMessage().contains("running"), refused.getMessage());
        // A folder with data is replaced only when told.
        Path used = work.resolve("used");
        Files.createDirectories(used.resolve("evidence-files"));
        Files.writeString(used.resolve("evidence-files/mine.pdf"), "kept");
        refused = assertThrows(BackupException.class, () -> Restore.run(archive, used, false, l -> { }));
        assertTrue(refused.getMessage().contains("--force"), refused.getMessage());
        assertEquals("kept", Files.readString(used.resolve("evidence-files/mine.pdf")));
        Restore.run(archive, used, true, l -> { });
        assertFalse(Files.exists(used.resolve("evidence-files/mine.pdf")));
        assertTrue(Files.exists(used.resolve("evidence-files/aa/report.pdf")));

        BackupException exists = assertThrows(BackupException.class, () -> Backup.write(config, archive, l -> { }));
        assertTrue(exists.getMessage().contains("exists"), exists.getMessage());
    }

    /**
     * A disk that fills up during the copy: a 1 MB tmpfs, mounted for the test (it needs root, as CI
     * runs; elsewhere the test is skipped and says so). The message says the disk is full, and no
     * half archive or half-restored folder is left.
     */
    @Test
    void aFullDiskIsNamedAndLeavesNothingHalfWritten() throws Exception {
        Path archive = work.resolve("office.zip");
        Backup.write(config, archive, line -> { });
        Path tiny = Files.createDirectories(work.resolve("tiny"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", tiny.toString())
                .redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0,
                "a tmpfs can be mounted here (needs root): " + new String(mount.getInputStream().readAllBytes()));
        try {
            BackupException full = assertThrows(BackupException.class, () -> Backup.write(config, tiny.resolve("office.zip"), l -> { }));
            assertTrue(full.getMessage().contains("disk is full"), full.getMessage());
            full = assertThrows(BackupException.class, () -> Restore.run(archive, tiny.resolve("data"), false, l -> { }));
            assertTrue(full.getMessage().contains("disk is full"), full.getMessage());
            try (var left = Files.walk(tiny)) {
                assertEquals(List.of(tiny, tiny.resolve("data")), left.sorted().toList(), "nothing half written is left");
            }
        } finally {
            new ProcessBuilder("umount", tiny.toString()).start().waitFor();
        }
    }

    private void sql(String database, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), EmbeddedPostgresServer.USER, "");
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    static Map<String, Map<String, String>> digests(int port) throws Exception {
        Map<String, Map<String, String>> all = new java.util.TreeMap<>();
        for (String db : List.of("survey", "evidence")) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + db,
                    EmbeddedPostgresServer.USER, "")) {
                all.put(db, TableDigest.of(c));
            }
        }
        return all;
    }
}
