package th.go.ita.survey.own;

import th.go.ita.platform.reports.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The same aggregates as the results screen, as a table: one line per option (count, percent of
 * those who answered the question), the Likert mean, and short texts when the screen shows them.
 */
final class OwnResultsExport {

    private OwnResultsExport() {
    }

    private static final List<Integer> WIDTHS = List.of(14, 50, 36, 14, 14, 14);

    static Table table(OwnSurvey.Results results) {
        List<String> headers = Stream.of("export.question", "export.text", "export.option", "export.count",
                "export.percent", "export.mean").map(OwnTexts::both).toList();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(OwnTexts.both("export.responses"), null, null, results.responses(), null, null));
        if (results.breakdownHidden()) {
            rows.add(Arrays.asList(OwnTexts.both("export.hidden"), null, null, null, null, null));
            return new Table("results", headers, rows, WIDTHS);
        }
        for (OwnSurvey.QuestionResult q : results.questions()) {
            String text = q.text().get("th");
            if (q.options() != null) {
                for (OwnSurvey.OptionCount o : q.options()) {
                    rows.add(Arrays.asList(q.code(), text, o.label().get("th"), o.count(),
                            OwnResults.percent(o.count(), q.answered()), null));
                }
            }
            if (q.mean() != null) {
                rows.add(Arrays.asList(q.code(), text, null, q.answered(), null, q.mean()));
            }
            if (q.texts() != null) {
                for (String answer : q.texts()) {
                    rows.add(Arrays.asList(q.code(), text, answer, null, null, null));
                }
            }
        }
        return new Table("results", headers, rows, WIDTHS);
    }
}
