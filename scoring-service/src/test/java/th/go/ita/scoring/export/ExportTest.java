package th.go.ita.scoring.export;

import com.lowagie.text.pdf.PdfReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.go.ita.platform.testing.PdfText;
import th.go.ita.scoring.demo.DemoDataLoader;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exported files are opened and read back, as a user's spreadsheet or PDF viewer would. */
@QuarkusTest
class ExportTest {

    @Inject
    DemoDataLoader demo;

    @BeforeEach
    void data() {
        demo.load();
    }

    @Test
    void thePublicScoreReportIsAPdfWithThaiTextAndTheSheetsNumbers() throws Exception {
        byte[] pdf = given().when().get("/public/units/KALASIN2/years/2566/report.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        PdfReader reader = new PdfReader(pdf);
        String text = PdfText.of(pdf);
        // Lines wrap where they will: compare the words without the breaks and spaces between them.
        String flat = text.replaceAll("\\s+", "");
        java.nio.file.Files.write(java.nio.file.Path.of("target", "score-report-KALASIN2-2566.pdf"), pdf);
        assertTrue(text.contains("96.37"), text);
        assertTrue(text.contains("28.73") && text.contains("27.64") && text.contains("40.00"), text);
        assertTrue(text.contains("91.78") && text.contains("90.48"), text);
        // An office files it: who, which year and edition, why the rating, the date in the Buddhist era.
        assertTrue(flat.contains(("หน่วยงาน: สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาฬสินธุ์ เขต 2 (KALASIN2)").replaceAll("\\s+", "")), text);
        assertTrue(text.contains("ปีงบประมาณ พ.ศ. 2566"), text);
        assertTrue(flat.contains(("OBEC-2566 ฉบับที่ 2 (การประเมินคุณธรรม").replaceAll("\\s+", "")), text);
        assertTrue(text.contains("ผลอย่างเป็นทางการ"), text);
        assertTrue(flat.contains(("คะแนนรวม 96.37 ตั้งแต่ 95 จึงได้ระดับ AA ซึ่งเป็นระดับสูงสุด; ถึงเกณฑ์ผ่าน 85 จึงผ่าน").replaceAll("\\s+", "")), text);
        // The edition's whole scheme, so a reader sees the bands the rating came from.
        assertTrue(flat.contains(("เกณฑ์ระดับผลของฉบับนี้: AA: คะแนนรวมตั้งแต่ 95 ขึ้นไป").replaceAll("\\s+", "")), text);
        assertTrue(flat.contains(("F: คะแนนรวมตั้งแต่ 0 แต่ต่ำกว่า 50").replaceAll("\\s+", "")), text);
        assertTrue(text.contains("เกณฑ์ผ่าน 85"), "the chart's pass line: " + text);
        assertTrue(text.contains("ใช้"), "a tone mark reads back as written: " + text);
        String today = java.time.format.DateTimeFormatter.ofPattern("d MMMM 'พ.ศ.' yyyy", java.util.Locale.forLanguageTag("th-TH"))
                .withChronology(java.time.chrono.ThaiBuddhistChronology.INSTANCE).format(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Bangkok")));
        assertTrue(flat.contains(("ออกรายงานเมื่อ " + today).replaceAll("\\s+", "")), today + " in " + text);
        assertTrue(today.matches("\\d{1,2} \\p{IsThai}+ พ\\.ศ\\. 25\\d\\d"), today);
        assertTrue(flat.contains(("http://localhost:8080/scoring/units/KALASIN2/years/2566").replaceAll("\\s+", "")), "the QR's address is printed too: " + text);
        assertEquals("http://localhost:8080/scoring/units/KALASIN2/years/2566", reader.getInfo().get("Subject"));
        String fonts = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(fonts.contains("Laksaman"), "the Thai font is embedded");
        given().when().get("/public/units/KALASIN2/years/2563/report.pdf").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void theAreaRankingExportsAsCsvAndXlsx() throws Exception {
        byte[] csv = given().when().get("/dashboards/areas/KALASIN2/export?fiscalYear=2566&format=csv")
                .then().statusCode(200).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFอันดับ (rank),รหัส (code),หน่วยงาน (unit),ตัวชี้วัด 1"), text);
        assertTrue(text.contains("KALASIN2,สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาฬสินธุ์ เขต 2,91.78,97.01,97.89,95.78,96.33,93.48,92.44,90.48,100.00,100.00,96.37,AA,true,OFFICIAL"), text);

        byte[] xlsx = given().when().get("/dashboards/areas/KALASIN2/export?fiscalYear=2566&format=xlsx")
                .then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("คะแนนรวม (total)", sheet.getRow(0).getCell(13).getStringCellValue());
            Row seed = null;
            for (Row row : sheet) {
                if ("KALASIN2".equals(row.getCell(1).getStringCellValue())) {
                    seed = row;
                }
            }
            assertEquals(96.37, seed.getCell(13).getNumericCellValue(), 1e-9);
            assertEquals("AA", seed.getCell(14).getStringCellValue());
            assertEquals(91.78, seed.getCell(3).getNumericCellValue(), 1e-9);
        }
        given().when().get("/dashboards/areas/KALASIN1/export?fiscalYear=2566&format=xlsx").then().statusCode(403);
        given().when().get("/dashboards/areas/KALASIN2/export?fiscalYear=2566&format=doc").then().statusCode(400);
    }
}
