package th.go.ita.survey.own;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Views of an office's own survey: as staff manage it, and as a respondent sees it. */
public final class OwnSurvey {

    private OwnSurvey() {
    }

    /** A question as stored: codes are given by the service (q1, q2, …; options 1, 2, …). */
    public record Question(String code, OwnQuestionType type, Map<String, String> text, boolean required,
                           List<Option> options) {
    }

    public record Option(String code, Map<String, String> label) {
    }

    public record Staff(UUID id, String unitCode, OwnSurveyState state, Map<String, String> title,
                        Map<String, String> intro, List<Question> questions, boolean resultsPublic,
                        LocalDate createdOn, String createdBy, long responses, String publicUrl, String resultsUrl,
                        String resultsPageUrl) {
    }

    public record Public(String token, String unitCode, Map<String, String> unitName, OwnSurveyState state,
                         Map<String, String> title, Map<String, String> intro, List<Question> questions) {
    }

    /**
     * Aggregates only. Below {@link OwnResults#MIN_RESPONSES} responses no per-question figures;
     * figures that are not shown are left out rather than sent as null.
     */
    public record Results(Map<String, String> title, Map<String, String> unitName, OwnSurveyState state,
                          long responses, boolean breakdownHidden, List<QuestionResult> questions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionResult(String code, OwnQuestionType type, Map<String, String> text, Long answered,
                                 List<OptionCount> options, java.math.BigDecimal mean, List<String> texts) {
    }

    public record OptionCount(String code, Map<String, String> label, long count) {
    }
}
