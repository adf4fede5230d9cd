package th.go.ita.survey.questionnaire;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A questionnaire as a respondent sees it, rendered from the round's framework version: every text
 * comes from the framework document (Thai and English), none from code.
 */
public record Questionnaire(
        String roundId,
        String unitCode,
        Map<String, String> unitName,
        Instrument instrument,
        String frameworkId,
        int frameworkVersion,
        Map<String, String> name,
        Instant closesAt,
        List<Category> respondentCategories,
        List<Section> sections) {

    /** One indicator: the respondent flow shows one section per screen. */
    public record Section(String code, Map<String, String> name, List<Question> questions) {
    }

    public record Question(String code, Map<String, String> text, boolean yesNo, boolean required, List<Option> options) {
    }

    public record Option(String code, Map<String, String> label) {
    }

    public record Category(String code, Map<String, String> name) {
    }
}
