package th.go.ita.evidence.file;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import th.go.ita.evidence.config.EvidenceConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files under the data folder. A file is copied to a temporary name in the same directory tree
 * and then atomically renamed, so a crash or a full disk never leaves a half-written file under
 * its real name.
 */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(LocalFileStore.class)
public class LocalFileStore implements EvidenceStore {

    @Inject
    EvidenceConfig config;

    Path root() {
        return Path.of(config.evidence().storage().dir()).toAbsolutePath().normalize();
    }

    private Path resolve(String key) {
        Path target = root().resolve(key).normalize();
        // Keys are ours, but a path that leaves the root must never be touched.
        if (!target.startsWith(root())) {
            throw new IllegalArgumentException("key outside the store: " + key);
        }
        return target;
    }

    @Override
    public void put(String key, Path source) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public void discard(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException ignored) {
            // Best effort: an unreferenced file is harmless, a half-written one is what we avoid.
        }
    }
}
