package th.go.ita.survey.own;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;
import java.util.UUID;

/** Small request bodies of the own-survey endpoints. */
public final class OwnSurveyRequests {

    private OwnSurveyRequests() {
    }

    public record StateChange(@NotNull OwnSurveyState state) {
    }

    public record Publicity(@NotNull Boolean resultsPublic) {
    }

    /** One anonymous response: answers by question code (a list for multiple choice). */
    public record Answers(@NotNull UUID submissionId, @NotNull @Size(max = 50) Map<String, JsonNode> answers) {
        @Override
        public String toString() {
            // Answers and the submission id must never reach a log.
            // Null until validated: a body of "answers": null is refused, not turned into a 500 here.
            return "Answers[" + (answers == null ? 0 : answers.size()) + "]";
        }
    }
}
