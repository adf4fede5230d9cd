package th.go.ita.evidence.file;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The S3 store against a real S3 API (S3Proxy on a temporary folder). */
@QuarkusTest
class S3FileStoreTest {

    @Inject
    S3FileStore store;

    @Test
    void aStoredFileReadsBackByteForByteAndCanBeDiscarded() throws Exception {
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(3).nextBytes(bytes);
        Path file = Files.createTempFile("s3", ".pdf");
        Files.write(file, bytes);
        String key = "EVU1/round/O1/" + UUID.randomUUID();

        store.put(key, file);
        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        store.discard(key);
        assertThatThrownBy(() -> store.open(key).close()).isInstanceOf(IOException.class);
        Files.delete(file);
    }

    @Test
    void aFailedPutLeavesNothingUnderTheKey() {
        String key = "EVU1/round/O2/" + UUID.randomUUID();
        Path missing = Path.of("target", "no-such-file-" + UUID.randomUUID());
        assertThatThrownBy(() -> store.put(key, missing)).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> store.open(key).close()).isInstanceOf(IOException.class);
    }
}
