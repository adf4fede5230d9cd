package th.go.ita.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What a backup archive holds, written last into it: {@link Restore} checks every file against it
 * before it writes anything.
 *
 * @param postgresMajor the archive restores only into this PostgreSQL major version (a physical copy)
 * @param eventsInFlight events published and not yet consumed when the copy began (only in Kafka,
 *                      so not in the archive); -1 when Kafka did not answer
 * @param databases     per database: its schema version (Flyway's, or Keycloak's last changeset) and
 *                      row counts per table, counted when the copy began
 */
public record BackupManifest(String format, String product, String createdAt, String postgresMajor, String startLsn,
                             String stopLsn, long eventsInFlight, Map<String, Database> databases, List<String> directories,
                             List<FileEntry> files) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public record Database(String schemaVersion, Map<String, Long> rows) {
    }

    public record FileEntry(String path, long size, String sha256) {
    }

    public long bytes() {
        return files.stream().mapToLong(FileEntry::size).sum();
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static BackupManifest read(byte[] json) throws IOException {
        return JSON.readValue(json, BackupManifest.class);
    }
}
