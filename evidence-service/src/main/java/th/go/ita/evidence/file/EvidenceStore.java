package th.go.ita.evidence.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the bytes of uploaded files live. Keys are made by this service (never from a file name),
 * and an object appears under its key completely or not at all.
 */
public interface EvidenceStore {

    /** Copies {@code source} in under {@code key}; a failure leaves nothing under the key. */
    void put(String key, Path source) throws IOException;

    InputStream open(String key) throws IOException;

    /** Used only to undo a put whose database row could not be written. */
    void discard(String key);
}
