package th.go.ita.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks Keycloak's distribution zip ({@code keycloak-<version>/...}) into an install directory,
 * once: a marker file records which zip was unpacked, and a later call with the same zip does
 * nothing. This also keeps Keycloak's Quarkus build ({@code lib/quarkus}), so only the first start
 * pays for it.
 */
public final class KeycloakDistribution {

    /** Written last, so a half-unpacked directory is never taken for a complete one. */
    static final String MARKER = ".ita-keycloak-dist";

    private static final System.Logger LOG = System.getLogger(KeycloakDistribution.class.getName());

    private KeycloakDistribution() {
    }

    /**
     * Makes {@code installDir} hold the distribution in {@code zip}.
     *
     * @return true when it unpacked, false when the directory already held this distribution
     */
    public static boolean ensureInstalled(Path zip, Path installDir) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IOException("Keycloak distribution zip not found: " + zip
                    + " (the build copies org.keycloak:keycloak-quarkus-dist there)");
        }
        String wanted;
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            wanted = topDirectory(zipFile) + " " + zip.getFileName() + " " + Files.size(zip);
        }
        Path marker = installDir.resolve(MARKER);
        if (Files.isRegularFile(installDir.resolve("bin/kc.sh")) && Files.isRegularFile(marker)
                && Files.readString(marker, StandardCharsets.UTF_8).trim().equals(wanted)) {
            return false;
        }
        requireOursOrEmpty(installDir);

        long started = System.nanoTime();
        Path staging = installDir.resolveSibling(installDir.getFileName() + ".unpacking");
        deleteRecursively(staging);
        unpack(zip, staging);
        Files.writeString(staging.resolve(MARKER), wanted + "\n", StandardCharsets.UTF_8);
        deleteRecursively(installDir);
        Files.createDirectories(installDir.toAbsolutePath().getParent());
        Files.move(staging, installDir, StandardCopyOption.ATOMIC_MOVE);
        LOG.log(System.Logger.Level.INFO, "Unpacked {0} into {1} in {2} ms",
                wanted.split(" ")[0], installDir, (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /** The version as the zip names its top directory, e.g. {@code keycloak-26.5.6}. */
    static String topDirectory(ZipFile zipFile) throws IOException {
        Enumeration<? extends ZipEntry> entries = zipFile.entries();
        if (!entries.hasMoreElements()) {
            throw new IOException("Empty Keycloak distribution zip: " + zipFile.getName());
        }
        String first = entries.nextElement().getName();
        int slash = first.indexOf('/');
        if (slash <= 0) {
            throw new IOException("Not a Keycloak distribution zip (no top directory): " + zipFile.getName());
        }
        return first.substring(0, slash);
    }

    private static void unpack(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            String prefix = topDirectory(zipFile) + "/";
            Enumeration<? extends ZipEntry> entries = zipFile.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.startsWith(prefix)) {
                    throw new IOException("Unexpected entry outside " + prefix + ": " + name);
                }
                String relative = name.substring(prefix.length());
                if (relative.isEmpty()) {
                    continue;
                }
                Path out = root.resolve(relative).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("Zip entry escapes the install directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zipFile.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                if (relative.startsWith("bin/") && relative.endsWith(".sh")) {
                    makeExecutable(out);
                }
            }
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system; EmbeddedKeycloak runs kc.sh through sh anyway.
        }
    }

    /** Refuses to delete a directory that is neither empty nor a Keycloak install. */
    private static void requireOursOrEmpty(Path installDir) throws IOException {
        if (!Files.exists(installDir)) {
            return;
        }
        if (Files.isRegularFile(installDir.resolve(MARKER)) || Files.isRegularFile(installDir.resolve("bin/kc.sh"))) {
            return;
        }
        try (Stream<Path> children = Files.list(installDir)) {
            if (children.findAny().isPresent()) {
                throw new IOException("Keycloak install directory " + installDir
                        + " is not empty and holds no Keycloak; refusing to replace it. Choose another directory.");
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
