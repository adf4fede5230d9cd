package th.go.ita.scoring.official;

import th.go.ita.platform.problem.ProblemException;
import th.go.ita.platform.reports.Csv;

import java.util.ArrayList;
import java.util.List;

/** An import file read as CSV ({@link Csv}, RFC 4180) and checked against the columns it must have. */
public final class CsvImport {

    private CsvImport() {
    }

    /** A data line of an import file: its line number in the file and its cells. */
    public record Line(int number, List<String> cells) {
        /** Prefix of this line's field errors, e.g. {@code "line 7: "}. */
        public String at() {
            return "line " + number + ": ";
        }
    }

    /** The data lines of an import file: how many there were, and those with the right number of cells. */
    public record Lines(int count, List<Line> wellFormed) {
    }

    /**
     * Reads an import file whose first line must be exactly {@code columns}. Blank lines are skipped;
     * a line with the wrong number of cells is reported in {@code errors} and left out.
     *
     * @throws ProblemException 400 {@code problemCode} when the header is not {@code columns}
     */
    public static Lines withHeader(String text, List<String> columns, String problemCode, OfficialResults.Errors errors) {
        List<List<String>> records = Csv.parse(text);
        if (records.isEmpty() || !records.get(0).stream().map(String::strip).toList().equals(columns)) {
            errors.add("line 1", "official.columns", String.join(",", columns));
            throw new ProblemException(400, problemCode, errors.list(), 1);
        }
        List<Line> wellFormed = new ArrayList<>();
        int count = 0;
        for (int n = 1; n < records.size(); n++) {
            List<String> cells = records.get(n);
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            count++;
            if (cells.size() != columns.size()) {
                errors.add("line " + (n + 1), "official.line-columns", String.valueOf(cells.size()), String.valueOf(columns.size()));
                continue;
            }
            wellFormed.add(new Line(n + 1, cells));
        }
        return new Lines(count, wellFormed);
    }
}
