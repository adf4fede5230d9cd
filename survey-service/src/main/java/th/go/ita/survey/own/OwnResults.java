package th.go.ita.survey.own;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Aggregates of an own survey's responses; responses themselves are never shown one by one. */
final class OwnResults {

    /** Below this many responses, per-question figures could point at a person: none are shown. */
    static final int MIN_RESPONSES = 5;

    private OwnResults() {
    }

    static OwnSurvey.Results of(Map<String, String> title, Map<String, String> unitName, OwnSurveyState state,
                                List<OwnSurvey.Question> questions, List<Map<String, JsonNode>> answers,
                                boolean withTexts) {
        long responses = answers.size();
        boolean hidden = responses < MIN_RESPONSES;
        List<OwnSurvey.QuestionResult> results = new ArrayList<>();
        for (OwnSurvey.Question q : questions) {
            if (hidden) {
                results.add(new OwnSurvey.QuestionResult(q.code(), q.type(), q.text(), null, null, null, null));
                continue;
            }
            long answered = 0;
            Map<String, Long> counts = new LinkedHashMap<>();
            q.options().forEach(o -> counts.put(o.code(), 0L));
            List<String> texts = new ArrayList<>();
            long sum = 0;
            for (Map<String, JsonNode> response : answers) {
                JsonNode value = response.get(q.code());
                if (value == null || value.isNull()) {
                    continue;
                }
                answered++;
                if (value.isArray()) {
                    value.forEach(v -> counts.computeIfPresent(v.asText(), (k, n) -> n + 1));
                } else if (q.type() == OwnQuestionType.SHORT_TEXT) {
                    texts.add(value.asText());
                } else {
                    counts.computeIfPresent(value.asText(), (k, n) -> n + 1);
                    if (q.type() == OwnQuestionType.LIKERT_5) {
                        sum += Integer.parseInt(value.asText());
                    }
                }
            }
            List<OwnSurvey.OptionCount> options = q.options().stream()
                    .map(o -> new OwnSurvey.OptionCount(o.code(), o.label(), counts.get(o.code())))
                    .toList();
            BigDecimal mean = q.type() == OwnQuestionType.LIKERT_5 && answered > 0
                    ? BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(answered), 2, RoundingMode.HALF_UP)
                    : null;
            List<String> shownTexts = null;
            if (q.type() == OwnQuestionType.SHORT_TEXT && withTexts) {
                // Sorted (Thai dictionary order), not in arrival order: the order of texts would
                // otherwise hint at who wrote when.
                texts.sort(java.text.Collator.getInstance(java.util.Locale.forLanguageTag("th")));
                shownTexts = texts;
            }
            results.add(new OwnSurvey.QuestionResult(q.code(), q.type(), q.text(), answered,
                    q.type() == OwnQuestionType.SHORT_TEXT ? null : options, mean, shownTexts));
        }
        return new OwnSurvey.Results(title, unitName, state, responses, hidden, results);
    }

    static BigDecimal percent(long count, long of) {
        return of == 0 ? null
                : BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(of), 2, RoundingMode.HALF_UP);
    }
}
