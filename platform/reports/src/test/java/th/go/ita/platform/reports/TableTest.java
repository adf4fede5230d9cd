package th.go.ita.platform.reports;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TableTest {

    private final Table table = new Table("ผล ITA: เขต 2/2566 [ทุกหน่วยงาน] และโรงเรียนในสังกัดทั้งหมด",
            List.of("หน่วยงาน (unit)", "คะแนน (score)"),
            List.of(List.of("=HYPERLINK(\"http://evil.example\",\"คลิก\")", new BigDecimal("-1.50")),
                    List.of("@SUM(A1:A9)", 5),
                    List.of("โรงเรียนบ้านนา, สาขา 2", true)));

    @Test
    void csvNeverHandsExcelAFormulaButKeepsNumbersAndQuotesCommas() {
        String csv = new String(table.csv(), StandardCharsets.UTF_8);
        assertEquals("\uFEFFหน่วยงาน (unit),คะแนน (score)\r\n"
                + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"คลิก\"\")\",-1.50\r\n"
                + "'@SUM(A1:A9),5\r\n"
                + "\"โรงเรียนบ้านนา, สาขา 2\",true\r\n", csv);
    }

    @Test
    void xlsxKeepsTextAsTextNumbersAsNumbersAndGetsALegalSheetName() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(table.xlsx()))) {
            String name = book.getSheetName(0);
            assertEquals(31, name.length(), name);
            assertEquals(-1, name.indexOf(':'), name);
            assertEquals(-1, name.indexOf('/'), name);
            Row first = book.getSheetAt(0).getRow(1);
            assertEquals(CellType.STRING, first.getCell(0).getCellType());
            assertEquals("=HYPERLINK(\"http://evil.example\",\"คลิก\")", first.getCell(0).getStringCellValue());
            assertEquals(-1.5, first.getCell(1).getNumericCellValue(), 1e-9);
        }
    }

    @Test
    void aGuardedCsvCellReadsBackAsItWasWritten() {
        for (String value : List.of("=1+1", "@SUM(A1)", "-5", "+66 81", "'quoted", "ปกติ", "'", "")) {
            assertEquals(value, Table.fromCsvText(Table.text(value)), value);
        }
    }
}
