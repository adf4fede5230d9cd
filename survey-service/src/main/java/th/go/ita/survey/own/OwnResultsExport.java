package th.go.ita.survey.own;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The same aggregates as the results screen, as a table: one line per option (count, percent of
 * those who answered the question), the Likert mean, and short texts when the screen shows them.
 */
final class OwnResultsExport {

    private OwnResultsExport() {
    }

    static List<List<Object>> table(OwnSurvey.Results results) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(OwnTexts.both("export.question"), OwnTexts.both("export.text"), OwnTexts.both("export.option"),
                OwnTexts.both("export.count"), OwnTexts.both("export.percent"), OwnTexts.both("export.mean")));
        rows.add(Arrays.asList(OwnTexts.both("export.responses"), null, null, results.responses(), null, null));
        if (results.breakdownHidden()) {
            rows.add(Arrays.asList(OwnTexts.both("export.hidden"), null, null, null, null, null));
            return rows;
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
        return rows;
    }

    static String csv(List<List<Object>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(csvField(row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            // Respondents' texts must not run as formulas when the file is opened in a spreadsheet.
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    static byte[] xlsx(List<List<Object>> rows, String sheetName) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    // Numbers as numbers, so the director's spreadsheet can sum and chart them; text
                    // cells are never formulas, whatever a respondent typed.
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(value.toString());
                    }
                    if (r == 0) {
                        cell.setCellStyle(bold);
                    }
                }
            }
            // Fixed widths: measuring Thai text needs AWT fonts the server may not have.
            int[] widths = {14, 50, 36, 14, 14, 14};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
