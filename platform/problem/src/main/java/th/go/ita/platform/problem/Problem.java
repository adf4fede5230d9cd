package th.go.ita.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * An RFC 9457 problem document. {@code detail} is in the caller's language (Thai unless the
 * request prefers English); {@code detail_th} and {@code detail_en} always carry both, so a client
 * can switch language without asking again.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        @JsonProperty("detail_th") String detailTh,
        @JsonProperty("detail_en") String detailEn,
        String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input field: where it is and what is wrong, in both languages. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FieldError(String field, String message,
                             @JsonProperty("message_th") String messageTh,
                             @JsonProperty("message_en") String messageEn) {
    }
}
