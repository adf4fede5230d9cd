package th.go.ita.survey.code;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A code typed at the start of the IIT, checked before the respondent answers anything. The code
 * travels in the body, never in the path, so no request line (and no access log) holds it.
 */
public record CodeCheck(
        @NotBlank @Size(max = 100) String roundId,
        @NotBlank @Size(max = 50) String unitCode,
        @NotBlank @Size(max = 40) String code) {

    /** Never print the code: this record may end up in a log line or an exception message. */
    @Override
    public String toString() {
        return "CodeCheck[" + roundId + "/" + unitCode + "]";
    }
}
