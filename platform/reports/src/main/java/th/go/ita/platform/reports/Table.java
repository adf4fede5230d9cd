package th.go.ita.platform.reports;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table a screen shows, exportable as CSV (UTF-8 with BOM, so spreadsheet programs read Thai) or
 * XLSX. {@code widths} are XLSX column widths in characters (empty: the spreadsheet's default);
 * they are given, not measured, because measuring Thai text needs AWT fonts a server may not have.
 */
public record Table(String title, List<String> headers, List<List<Object>> rows, List<Integer> widths) {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    public Table(String title, List<String> headers, List<List<Object>> rows) {
        this(title, headers, rows, List.of());
    }

    public byte[] csv() {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(line(headers));
        rows.forEach(r -> out.append(line(r)));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] xlsx() {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(title));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(bold);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    // Numbers as numbers, so a spreadsheet can sum and chart them.
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v instanceof Boolean b) {
                        row.createCell(c).setCellValue(b);
                    } else if (v != null) {
                        // A string cell is never a formula in XLSX, so no guard is needed here.
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            for (int c = 0; c < widths.size(); c++) {
                sheet.setColumnWidth(c, widths.get(c) * 256);
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CSV text that a spreadsheet shows as text, never runs as a formula: names come from imports
     * and forms, answers from respondents, and one starting with {@code =}, {@code +}, {@code -} or
     * {@code @} would otherwise be evaluated when the file is opened in Excel (OWASP "CSV
     * injection"). Numbers are left as they are.
     */
    static String text(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** A CSV cell as {@link #text} wrote it, back as it was: an exported file imports unchanged. */
    public static String fromCsvText(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    private static String line(List<?> values) {
        return values.stream().map(Table::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal d ? d.toPlainString()
                : value instanceof Number || value instanceof Boolean ? value.toString() : text(value.toString());
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
