package th.go.ita.survey.code;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A freshly generated batch: the only time its codes exist in clear. Nothing keeps them after this
 * response (the database holds keyed hashes), so the slips must be printed or saved from it.
 */
public record CodeBatch(UUID batchId, String roundId, String unitCode, LocalDate createdOn, List<String> codes,
                        String surveyUrl) {
}
