package th.go.ita.evidence.publicpage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the public sees of a unit's OIT for a fiscal year: the same document is served as JSON
 * and rendered as the HTML page, and stored as-is when the round's review closes.
 */
public record Disclosure(String unitCode, String unitNameTh, String unitNameEn, int fiscalYear, String roundId,
                         String roundName, boolean frozen, Instant frozenAt, Instant generatedAt, int total,
                         int passed, List<SubIndicator> subIndicators) {

    public record SubIndicator(String code, String indicatorCode, String nameTh, String nameEn, int total,
                               int passed, List<Item> items) {
    }

    public record Item(String code, String titleTh, String titleEn, String status, List<PublicEvidence> evidence) {
    }

    public record PublicEvidence(UUID id, int version, String kind, String url, String label, String originalName,
                                 String contentType, Long sizeBytes, String sha256, Instant submittedAt,
                                 boolean demo) {
    }

    public Disclosure freeze(Instant at) {
        return new Disclosure(unitCode, unitNameTh, unitNameEn, fiscalYear, roundId, roundName, true, at, generatedAt,
                total, passed, subIndicators);
    }
}
