package th.go.ita.evidence.file;

import jakarta.persistence.Tuple;
import th.go.ita.evidence.access.Rows;

import java.time.Instant;
import java.util.UUID;

/** One version of an item's evidence: a link or an uploaded file. Never changed once written. */
public record EvidenceVersion(UUID id, String itemCode, int version, String kind, String url, String label,
                              String originalName, String contentType, Long sizeBytes, String sha256,
                              String createdBy, Instant createdAt, Instant submittedAt, Instant withdrawnAt,
                              String withdrawnBy, boolean demo) {

    public static EvidenceVersion of(Tuple t) {
        Object size = t.get("size_bytes");
        return new EvidenceVersion((UUID) t.get("id"), Rows.str(t, "item_code"), Rows.integer(t, "version"),
                Rows.str(t, "kind"), Rows.str(t, "url"), Rows.str(t, "label"), Rows.str(t, "original_name"),
                Rows.str(t, "content_type"), size == null ? null : ((Number) size).longValue(),
                Rows.str(t, "sha256"), Rows.str(t, "created_by"), Rows.instant(t, "created_at"),
                Rows.instant(t, "submitted_at"), Rows.instant(t, "withdrawn_at"), Rows.str(t, "withdrawn_by"),
                Rows.bool(t, "demo"));
    }
}
