package th.go.ita.survey.code;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** How many codes a unit has for a round; per batch only sizes, so no one code's use shows. */
public record CodeSummary(String roundId, String unitCode, int staffCount, long generated, long used, long voided,
                          long unused, List<Batch> batches) {

    public record Batch(UUID batchId, LocalDate createdOn, String createdBy, int size, long voided) {
    }
}
