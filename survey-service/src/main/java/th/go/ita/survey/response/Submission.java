package th.go.ita.survey.response;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import th.go.ita.survey.questionnaire.Instrument;

import java.util.Map;
import java.util.UUID;

/**
 * One respondent's answers. {@code submissionId} is made by the client once per questionnaire, so
 * a retry after a dropped connection is recognised; {@code code} is the IIT access code;
 * {@code browserToken} is the EIT one-per-browser token. None of them is stored with the answers.
 */
public record Submission(
        @NotNull UUID submissionId,
        @NotBlank @Size(max = 100) String roundId,
        @NotBlank @Size(max = 50) String unitCode,
        @NotNull Instrument instrument,
        @Size(max = 40) String code,
        @NotNull @Size(max = 500) Map<String, String> answers,
        @Size(max = 50) String respondentCategory,
        @Size(max = 400) String browserToken) {

    /** Never print codes or answers: this record may end up in a log line or an exception message. */
    @Override
    public String toString() {
        return "Submission[" + instrument + " " + roundId + "/" + unitCode + "]";
    }
}
