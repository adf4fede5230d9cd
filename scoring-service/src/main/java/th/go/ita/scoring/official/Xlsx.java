package th.go.ita.scoring.official;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import th.go.ita.platform.problem.ProblemException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the first sheet of an XLSX workbook as the lines of an import file: row 1 is the header,
 * each later row a line numbered as the spreadsheet numbers it, cells as text (numbers without
 * spurious decimals, so 2566 stays "2566" and 91.78 "91.78").
 */
public final class Xlsx {

    private Xlsx() {
    }

    /** @throws ProblemException 400 {@code problemCode} when the workbook cannot be read or its header is not {@code columns} */
    public static CsvImport.Lines withHeader(byte[] bytes, List<String> columns, String problemCode, OfficialResults.Errors errors) {
        List<CsvImport.Line> lines = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new IOException("no sheet");
            }
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(text(row.getCell(c)));
                }
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
                    cells.remove(cells.size() - 1);
                }
                lines.add(new CsvImport.Line(row.getRowNum() + 1, cells));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            errors.add("file", "official.workbook-unreadable");
            throw new ProblemException(400, problemCode, errors.list(), 1);
        }
        return CsvImport.checked(lines, columns, true, problemCode, errors);
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toString()
                    : new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
