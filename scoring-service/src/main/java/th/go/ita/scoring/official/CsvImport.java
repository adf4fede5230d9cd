package th.go.ita.scoring.official;

import th.go.ita.platform.problem.ProblemException;
import th.go.ita.platform.reports.Csv;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
        List<Line> lines = new ArrayList<>();
        for (int n = 0; n < records.size(); n++) {
            lines.add(new Line(n + 1, records.get(n)));
        }
        return checked(lines, columns, false, problemCode, errors);
    }

    /**
     * The lines of a file (header first) checked against {@code columns}: blank lines skipped, a line
     * with the wrong number of cells reported and left out. {@code padShort}: a line with too few
     * cells is filled with empty ones instead (a spreadsheet leaves trailing empty cells out).
     *
     * @throws ProblemException 400 {@code problemCode} when the first line is not line 1 holding {@code columns}
     */
    static Lines checked(List<Line> lines, List<String> columns, boolean padShort, String problemCode,
                         OfficialResults.Errors errors) {
        if (lines.isEmpty() || lines.get(0).number() != 1
                || !lines.get(0).cells().stream().map(String::strip).toList().equals(columns)) {
            errors.add("line 1", "official.columns", String.join(",", columns));
            throw new ProblemException(400, problemCode, errors.list(), 1);
        }
        List<Line> wellFormed = new ArrayList<>();
        int count = 0;
        for (Line line : lines.subList(1, lines.size())) {
            List<String> cells = new ArrayList<>(line.cells());
            if (cells.isEmpty() || (cells.size() == 1 && cells.get(0).isBlank())) {
                continue;
            }
            count++;
            while (padShort && cells.size() < columns.size()) {
                cells.add("");
            }
            if (cells.size() != columns.size()) {
                errors.add("line " + line.number(), "official.line-columns", String.valueOf(cells.size()),
                        String.valueOf(columns.size()));
                continue;
            }
            wellFormed.add(new Line(line.number(), cells));
        }
        return new Lines(count, wellFormed);
    }

    /** The number in a cell, or null after reporting {@code official.not-a-number} for {@code field}. */
    public static <N> N number(String text, Function<String, N> parse, String field, OfficialResults.Errors errors) {
        try {
            return parse.apply(text.strip());
        } catch (NumberFormatException e) {
            errors.add(field, "official.not-a-number", text);
            return null;
        }
    }

    /**
     * Whether a checked file has errors: a dry run reports them (true), a real run is refused as a
     * whole, 400 {@code problemCode}, since only a file without errors is applied.
     */
    public static boolean reportErrors(OfficialResults.Errors errors, boolean dryRun, String problemCode) {
        if (errors.list().isEmpty()) {
            return false;
        }
        if (!dryRun) {
            throw new ProblemException(400, problemCode, errors.list(), errors.list().size());
        }
        return true;
    }
}
