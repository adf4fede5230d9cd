package th.go.ita.launcher;

import th.go.ita.launcher.Backup.BackupException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * {@code ./ita restore FILE [--force]}: brings a data folder back to exactly the state of a
 * {@link Backup}. Every file is checked against the manifest before anything is written; the
 * cluster is unpacked beside the data and moved into place only when complete. Kafka's folder is
 * left empty: every service keeps what it consumed in its own database, and the outboxes send what
 * was not yet sent.
 */
public final class Restore {

    /** What belongs to the backed-up state; everything else in the data folder (Keycloak's install, logs) is kept. */
    private static final List<String> STATE = List.of("postgres", "evidence-files", "kafka", "keycloak-realm");

    private final Consumer<String> progress;

    private Restore(Consumer<String> progress) {
        this.progress = progress;
    }

    public static void main(String[] args) {
        Launcher.quietLibraries();
        List<String> arguments = List.of(args);
        List<String> files = arguments.stream().filter(a -> !a.startsWith("--")).toList();
        if (files.size() != 1) {
            System.err.println("usage: ./ita restore FILE [--force]   (--force replaces the data that is there)");
            System.exit(2);
        }
        Path root = Path.of(System.getProperty("ita.project.root", System.getProperty("user.dir")));
        LauncherConfig config = LauncherConfig.from(root, List.of(), System::getenv);
        try {
            BackupManifest manifest = run(Path.of(System.getProperty("ita.caller.dir", ".")).resolve(files.get(0)), config.dataDir(), arguments.contains("--force"), System.out::println);
            System.out.printf("ita restore: %s is back as of %s (%d files, %.1f MB). Start it with ./ita start%n",
                    config.dataDir(), manifest.createdAt(), manifest.files().size(), manifest.bytes() / 1e6);
        } catch (BackupException e) {
            System.err.println("ita restore: " + e.getMessage());
            System.exit(1);
        }
    }

    public static BackupManifest run(Path archive, Path dataDir, boolean force, Consumer<String> progress) {
        if (!Files.isRegularFile(archive)) {
            throw new BackupException(archive + " does not exist");
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return new Restore(progress).restore(zip, archive, dataDir, force);
        } catch (ZipException e) {
            throw new BackupException(archive + " is damaged or not an ITA Online backup (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new BackupException((Backup.diskFull(e) ? "the disk is full at " + dataDir : "could not restore into " + dataDir)
                    + ": " + e.getMessage() + "; nothing was changed in the data folder", e);
        }
    }

    private BackupManifest restore(ZipFile zip, Path archive, Path dataDir, boolean force) throws IOException {
        BackupManifest manifest = check(zip, archive);
        refuseData(dataDir, force);
        Files.createDirectories(dataDir);
        Path unpacked = dataDir.resolve(".restore-" + UUID.randomUUID());
        try {
            unpack(zip, manifest, unpacked);
            for (String part : STATE) {
                LocalStack.deleteRecursively(dataDir.resolve(part));
            }
            for (String part : List.of("postgres", "evidence-files")) {
                if (Files.exists(unpacked.resolve(part))) {
                    Files.move(unpacked.resolve(part), dataDir.resolve(part));
                }
            }
        } finally {
            LocalStack.deleteRecursively(unpacked);
        }
        return manifest;
    }

    /** The manifest first, then every file read once against it: a damaged or partial archive writes nothing. */
    private BackupManifest check(ZipFile zip, Path archive) throws IOException {
        ZipEntry entry = zip.getEntry(Backup.MANIFEST);
        if (entry == null) {
            throw new BackupException(archive + " is not a complete ITA Online backup: it has no " + Backup.MANIFEST
                    + " (a backup that was cut off has none)");
        }
        BackupManifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = BackupManifest.read(in.readAllBytes());
        } catch (IOException e) {
            throw new BackupException(archive + " has an unreadable " + Backup.MANIFEST + ": " + e.getMessage(), e);
        }
        if (!Backup.FORMAT.equals(manifest.format())) {
            throw new BackupException(archive + " is a backup of format " + manifest.format() + "; this version reads " + Backup.FORMAT);
        }
        Set<String> listed = new HashSet<>();
        long checked = 0;
        for (BackupManifest.FileEntry file : manifest.files()) {
            listed.add(file.path());
            ZipEntry stored = zip.getEntry(file.path());
            if (stored == null) {
                throw new BackupException(archive + " is damaged: " + file.path() + " is missing");
            }
            MessageDigest sha = Backup.sha256();
            long size = 0;
            try (InputStream in = zip.getInputStream(stored)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                    size += n;
                }
            } catch (ZipException e) {
                throw new BackupException(archive + " is damaged: " + file.path() + " cannot be read (" + e.getMessage() + ")", e);
            }
            if (size != file.size() || !HexFormat.of().formatHex(sha.digest()).equals(file.sha256())) {
                throw new BackupException(archive + " is damaged: " + file.path() + " differs from its SHA-256 in the manifest");
            }
            checked += size;
        }
        for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
            String name = all.nextElement().getName();
            if (!name.equals(Backup.MANIFEST) && !listed.contains(name)) {
                throw new BackupException(archive + " is damaged: it holds " + name + ", which its manifest does not list");
            }
        }
        if (manifest.eventsInFlight() > 0) {
            progress.accept("  ! " + manifest.eventsInFlight() + " event(s) were in flight at the backup and are not in it");
        }
        progress.accept(String.format("  %s checked: %d files, %.1f MB, every SHA-256 as in the manifest (backup of %s, product %s)",
                archive.getFileName(), manifest.files().size(), checked / 1e6, manifest.createdAt(), manifest.product()));
        return manifest;
    }

    private static void refuseData(Path dataDir, boolean force) throws IOException {
        Path pid = dataDir.resolve("postgres/postmaster.pid");
        if (Files.exists(pid)) {
            String first = Files.readAllLines(pid).stream().findFirst().orElse("").trim();
            if (first.matches("\\d+") && ProcessHandle.of(Long.parseLong(first)).map(ProcessHandle::isAlive).orElse(false)) {
                throw new BackupException("the stack is running on " + dataDir + " (PostgreSQL pid " + first + "); stop it first");
            }
        }
        for (String part : List.of("postgres", "evidence-files")) {
            if (!force && nonEmpty(dataDir.resolve(part))) {
                throw new BackupException(dataDir + " already holds data (" + part + "/); restore into an empty folder "
                        + "(ITA_DATA_DIR=…) or add --force to replace it");
            }
        }
    }

    private void unpack(ZipFile zip, BackupManifest manifest, Path into) throws IOException {
        for (String directory : manifest.directories()) {
            Files.createDirectories(safe(into, directory));
        }
        long written = 0;
        long lastReport = System.nanoTime();
        for (BackupManifest.FileEntry file : manifest.files()) {
            Path target = safe(into, file.path());
            Files.createDirectories(target.getParent());
            try (InputStream in = zip.getInputStream(zip.getEntry(file.path()));
                 OutputStream out = Files.newOutputStream(target)) {
                written += in.transferTo(out);
            }
            if (System.nanoTime() - lastReport > 2_000_000_000L) {
                lastReport = System.nanoTime();
                progress.accept(String.format("  restored %.1f of %.1f MB", written / 1e6, manifest.bytes() / 1e6));
            }
        }
        // PostgreSQL starts only on a cluster no one else can read.
        Path cluster = into.resolve("postgres");
        try (Stream<Path> walk = Files.walk(cluster)) {
            for (Path p : walk.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
            }
        }
    }

    /** A path inside the folder: an archive naming {@code ../} cannot write elsewhere. */
    private static Path safe(Path into, String name) {
        Path target = into.resolve(name).normalize();
        if (!target.startsWith(into)) {
            throw new BackupException("the archive names a file outside the data folder: " + name);
        }
        return target;
    }

    private static boolean nonEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.findAny().isPresent();
        }
    }
}
