package th.go.ita.scoring.official;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.go.ita.platform.reports.Download;
import th.go.ita.scoring.demo.DemoDataLoader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OfficialXlsxImportTest {

    static final String XLSX = Download.XLSX;

    @Inject
    DemoDataLoader demo;

    @Inject
    EntityManager em;

    @BeforeEach
    void data() {
        demo.load();
    }

    long rows(String unit) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM official_result WHERE unit_code = :u").setParameter("u", unit)
                .getSingleResult()).longValue());
    }

    /** A workbook whose first sheet holds the rows; numbers go in as numeric cells, booleans as boolean cells. */
    static byte[] workbook(Object[]... rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("results");
            wb.createSheet("notes").createRow(0).createCell(0).setCellValue("ignored");
            for (int r = 0; r < rows.length; r++) {
                if (rows[r] == null) {
                    continue; // an empty row
                }
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v instanceof Boolean b) {
                        row.createCell(c).setCellValue(b);
                    } else if (v != null) {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static final Object[] HEADER = OfficialImport.COLUMNS.toArray();

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void anXlsxImportIsCheckedLineByLineLikeTheCsvOne() throws IOException {
        Object[] good = {"KALASIN2-S002", 2564, null, null, null, 81.5, "B", false, "ผล ITA 2564, สพป.กาฬสินธุ์ เขต 2"};
        byte[] bad = workbook(HEADER, good,
                new Object[]{"KALASIN2-S002", "25x4", null, null, null, 70, "C", false, "x"},
                null,
                new Object[]{"KALASIN1-S001", 2564, null, null, null, 70, "C", false, "x"},
                new Object[]{"KALASIN2-S002", 2566, "OBEC-2566", 1, "1=90;2=90", null, null, null, "x"},
                new Object[]{"KALASIN2-S002", 2565, null, null, null, 70, "C", false, "x", "extra"});
        given().contentType(XLSX).body(bad).queryParam("dryRun", true)
                .when().post("/official-results/import").then().statusCode(200)
                .body("lines", equalTo(5))
                .body("written", equalTo(0))
                .body("errors.field", containsInAnyOrder("line 3: fiscal_year", "line 5: unit_code",
                        "line 6: indicators", "line 7"));
        given().contentType(XLSX).body(bad)
                .when().post("/official-results/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:official-import-invalid"));
        assertEquals(0, rows("KALASIN2-S002"));

        byte[] fine = workbook(HEADER, good);
        given().contentType(XLSX).body(fine).queryParam("dryRun", true)
                .when().post("/official-results/import").then().statusCode(200)
                .body("lines", equalTo(1)).body("written", equalTo(0)).body("errors", org.hamcrest.Matchers.empty());
        assertEquals(0, rows("KALASIN2-S002"));
        given().contentType(XLSX).body(fine)
                .when().post("/official-results/import").then().statusCode(200).body("written", equalTo(1));
        given().when().get("/official-results/KALASIN2-S002").then().statusCode(200)
                .body("[0].fiscalYear", equalTo(2564))
                .body("[0].total", equalTo(81.50f))
                .body("[0].rating", equalTo("B"))
                .body("[0].passed", equalTo(false))
                .body("[0].source", equalTo("ผล ITA 2564, สพป.กาฬสินธุ์ เขต 2"));
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void aWrongHeaderOrAFileThatIsNoWorkbookIsRefused() throws IOException {
        given().contentType(XLSX).body(workbook(new Object[]{"unit", "year"})).queryParam("dryRun", true)
                .when().post("/official-results/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("line 1"));
        given().contentType(XLSX).body("unit_code,fiscal_year".getBytes(StandardCharsets.UTF_8)).queryParam("dryRun", true)
                .when().post("/official-results/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:official-import-invalid"))
                .body("errors.field", hasItems("file"));
    }
}
