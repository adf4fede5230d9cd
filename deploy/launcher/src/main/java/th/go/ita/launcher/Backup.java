package th.go.ita.launcher;

import th.go.ita.embedded.EmbeddedPostgresServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code ./ita backup [FILE]}: one archive of every database (Keycloak's too) and the evidence
 * files, while the stack runs.
 *
 * <p>The embedded PostgreSQL ships no {@code pg_dump}, and Debian's client (15) refuses a newer
 * server. So the databases are copied physically with PostgreSQL's own low-level backup API
 * ({@code pg_backup_start}/{@code pg_backup_stop}) plus the write-ahead log written meanwhile, kept
 * by a temporary replication slot: the whole cluster comes back at one instant (every database
 * consistent with every other), schemas, sequences and Keycloak's tables exactly, with no schema
 * of our own to keep in step. The price: the archive restores only into the same PostgreSQL major
 * version, which the manifest records (PostgreSQL refuses any other at start, with its own message).
 */
public final class Backup {

    static final String FORMAT = "ita-backup/1";
    static final String MANIFEST = "manifest.json";

    /** What PostgreSQL's documentation says a base backup leaves out (recreated, or only for a live server). */
    private static final Set<String> CONTENTS_LEFT_OUT = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> FILES_LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "backup_manifest", "pg_internal.init");

    private final LauncherConfig config;
    private final Consumer<String> progress;
    private final List<BackupManifest.FileEntry> files = new ArrayList<>();
    private final List<String> directories = new ArrayList<>();
    private long totalBytes;
    private long copiedBytes;
    private long lastReport;

    private Backup(LauncherConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    public static void main(String[] args) {
        Launcher.quietLibraries();
        Path root = Path.of(System.getProperty("ita.project.root", System.getProperty("user.dir")));
        LauncherConfig config = LauncherConfig.from(root, List.of(), System::getenv);
        Path caller = Path.of(System.getProperty("ita.caller.dir", "."));
        Path archive = args.length > 0 ? caller.resolve(args[0])
                : caller.resolve("ita-backup-" + Instant.now().toString().replace(":", "").substring(0, 15) + ".zip");
        try {
            BackupManifest manifest = write(config, archive.toAbsolutePath(), System.out::println);
            System.out.printf("ita backup: %s written (%d files, %.1f MB read, %d databases)%n", archive,
                    manifest.files().size(), manifest.bytes() / 1e6, manifest.databases().size());
        } catch (BackupException e) {
            System.err.println("ita backup: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Writes the archive; nothing is left at {@code archive} (or beside it) unless it is complete. */
    public static BackupManifest write(LauncherConfig config, Path archive, Consumer<String> progress) {
        Path cluster = config.dataDir().resolve("postgres");
        if (!Files.isRegularFile(cluster.resolve("PG_VERSION"))) {
            throw new BackupException("there is no data to back up in " + config.dataDir() + " (no PostgreSQL cluster)");
        }
        if (Files.exists(archive)) {
            throw new BackupException(archive + " exists already; give another file name");
        }
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        try (RunningPostgres postgres = RunningPostgres.on(config, cluster)) {
            BackupManifest manifest = new Backup(config, progress).copy(postgres, cluster, partial);
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new BackupException(diskFull(e) ? "the disk is full at " + archive.getParent()
                    + " (" + e.getMessage() + "); nothing was written, free some space or write elsewhere"
                    : "could not write " + archive + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw new BackupException("PostgreSQL refused the backup: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    private BackupManifest copy(RunningPostgres postgres, Path cluster, Path partial) throws IOException, SQLException {
        Path evidence = config.dataDir().resolve("evidence-files");
        totalBytes = sizeOf(cluster) + sizeOf(evidence);
        long inFlight = EventsInFlight.awaitNone(config.kafkaPort(), Duration.ofSeconds(30), progress);
        if (inFlight > 0) {
            progress.accept("  ! " + inFlight + " event(s) published but not yet consumed after 30 s: they live only in Kafka and are not in the archive");
        } else if (inFlight < 0) {
            progress.accept("  Kafka does not answer: events a service published and another had not consumed when the stack stopped are not in the archive");
        }
        progress.accept(String.format("  backing up %.1f MB from %s", totalBytes / 1e6, config.dataDir()));
        try (OutputStream out = Files.newOutputStream(partial);
             ZipOutputStream zip = new ZipOutputStream(out);
             Connection session = postgres.connect("postgres");
             Statement sql = session.createStatement()) {
            // The slot keeps every WAL segment from here on until this session ends, however long the copy takes.
            sql.execute("SELECT pg_create_physical_replication_slot('ita_backup_"
                    + UUID.randomUUID().toString().replace("-", "") + "', true, true)");
            String startLsn = single(sql, "SELECT CAST(pg_backup_start('ita backup', true) AS text)");
            String startWal = single(sql, "SELECT pg_walfile_name('" + startLsn + "')");
            Map<String, BackupManifest.Database> databases = databases(postgres);
            addTree(zip, cluster, "postgres/");
            String stopLsn;
            try (ResultSet stop = sql.executeQuery("SELECT CAST(lsn AS text), labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                stop.next();
                stopLsn = stop.getString(1);
                addBytes(zip, "postgres/backup_label", stop.getString(2).getBytes(StandardCharsets.UTF_8));
                if (stop.getString(3) != null && !stop.getString(3).isEmpty()) {
                    addBytes(zip, "postgres/tablespace_map", stop.getString(3).getBytes(StandardCharsets.UTF_8));
                }
            }
            String stopWal = single(sql, "SELECT pg_walfile_name('" + stopLsn + "')");
            // The segment holding the backup's end is still being written: a switch completes it.
            sql.execute("SELECT pg_switch_wal()");
            addWal(zip, cluster.resolve("pg_wal"), startWal, stopWal);
            if (Files.isDirectory(evidence)) {
                addTree(zip, evidence, "evidence-files/");
            }
            BackupManifest manifest = new BackupManifest(FORMAT, productVersion(), Instant.now().toString(),
                    single(sql, "SHOW server_version_num").substring(0, 2), startLsn, stopLsn, inFlight, databases,
                    directories, files);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifest.toJson());
            zip.closeEntry();
            zip.finish();
            out.flush();
            return manifest;
        }
    }

    /** Tables, their row counts and the schema version of each database, read in one snapshot each. */
    private static Map<String, BackupManifest.Database> databases(RunningPostgres postgres) throws SQLException {
        Map<String, BackupManifest.Database> databases = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (Connection c = postgres.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres' ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String name : names) {
            try (Connection c = postgres.connect(name)) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
                Map<String, Long> rows = new LinkedHashMap<>();
                try (Statement s = c.createStatement()) {
                    for (String table : TableDigest.tables(s)) {
                        rows.put(table, Long.parseLong(single(s, "SELECT count(*) FROM " + TableDigest.quoted(table))));
                    }
                    String schema = rows.containsKey("public.flyway_schema_history")
                            ? single(s, "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")
                            : rows.containsKey("public.databasechangelog")
                            ? single(s, "SELECT id FROM databasechangelog ORDER BY orderexecuted DESC LIMIT 1") : null;
                    databases.put(name, new BackupManifest.Database(schema, rows));
                }
                c.rollback();
            }
        }
        return databases;
    }

    private void addTree(ZipOutputStream zip, Path base, String prefix) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(base)) {
            paths = walk.sorted().toList();
        }
        for (Path path : paths) {
            String relative = base.relativize(path).toString().replace('\\', '/');
            if (relative.isEmpty()) {
                continue;
            }
            if (leftOut(relative)) {
                continue;
            }
            if (Files.isDirectory(path)) {
                directories.add(prefix + relative + "/");
            } else if (Files.isRegularFile(path)) {
                addFile(zip, path, prefix + relative);
            }
        }
    }

    private static boolean leftOut(String relative) {
        String[] parts = relative.split("/");
        String name = parts[parts.length - 1];
        return (parts.length > 1 && CONTENTS_LEFT_OUT.contains(parts[0]))
                || FILES_LEFT_OUT.contains(name) || name.startsWith("pgsql_tmp");
    }

    /** The segments from the backup's start to its end: what recovery replays to reach a consistent state. */
    private void addWal(ZipOutputStream zip, Path wal, String first, String last) throws IOException {
        directories.add("postgres/pg_wal/archive_status/");
        List<Path> segments;
        try (Stream<Path> list = Files.list(wal)) {
            segments = list.filter(p -> {
                String name = p.getFileName().toString();
                return (name.matches("[0-9A-F]{24}") && name.compareTo(first) >= 0 && name.compareTo(last) <= 0)
                        || name.endsWith(".history");
            }).sorted().toList();
        }
        for (Path segment : segments) {
            addFile(zip, segment, "postgres/pg_wal/" + segment.getFileName());
        }
    }

    private void addFile(ZipOutputStream zip, Path file, String name) throws IOException {
        MessageDigest sha = sha256();
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            zip.putNextEntry(new ZipEntry(name));
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                zip.write(buffer, 0, n);
                sha.update(buffer, 0, n);
                size += n;
                reportProgress(n);
            }
            zip.closeEntry();
        } catch (NoSuchFileException gone) {
            // A table dropped during the copy: the WAL replayed on restore drops it too.
            return;
        }
        files.add(new BackupManifest.FileEntry(name, size, HexFormat.of().formatHex(sha.digest())));
    }

    private void addBytes(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
        files.add(new BackupManifest.FileEntry(name, bytes.length, HexFormat.of().formatHex(sha256().digest(bytes))));
    }

    private void reportProgress(int n) {
        copiedBytes += n;
        long now = System.nanoTime();
        if (now - lastReport > 2_000_000_000L) {
            lastReport = now;
            progress.accept(String.format("  copied %.1f of %.1f MB (%d files)", copiedBytes / 1e6, totalBytes / 1e6, files.size()));
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String single(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String productVersion() {
        String version = Backup.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }

    static boolean diskFull(IOException e) {
        return String.valueOf(e.getMessage()).contains("No space left on device");
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Nothing more can be done; the caller reports the first failure.
        }
    }

    /** The stack's PostgreSQL if it runs, else one started on the data folder for the backup only. */
    private record RunningPostgres(int port, EmbeddedPostgresServer ownServer) implements AutoCloseable {

        static RunningPostgres on(LauncherConfig config, Path cluster) throws IOException, SQLException {
            RunningPostgres running = new RunningPostgres(config.postgresPort(), null);
            try (Connection c = running.connect("postgres"); Statement s = c.createStatement()) {
                Path served = Path.of(single(s, "SHOW data_directory")).toRealPath();
                if (!served.equals(cluster.toRealPath())) {
                    throw new BackupException("the PostgreSQL on port " + config.postgresPort() + " serves " + served
                            + ", not " + cluster + "; set ITA_POSTGRES_PORT / ITA_DATA_DIR as for ./ita start");
                }
                return running;
            } catch (SQLException notRunning) {
                if (Files.exists(cluster.resolve("postmaster.pid"))) {
                    throw new BackupException("PostgreSQL of " + cluster + " seems to run but does not answer on port "
                            + config.postgresPort() + ": " + notRunning.getMessage());
                }
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start(cluster, config.postgresPort());
                return new RunningPostgres(server.port(), server);
            }
        }

        Connection connect(String database) throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database,
                    EmbeddedPostgresServer.USER, "");
        }

        @Override
        public void close() throws IOException {
            if (ownServer != null) {
                ownServer.close();
            }
        }
    }

    /** A backup or restore that cannot go on, with a message for the person at the terminal. */
    public static final class BackupException extends RuntimeException {
        public BackupException(String message) {
            super(message);
        }

        public BackupException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
