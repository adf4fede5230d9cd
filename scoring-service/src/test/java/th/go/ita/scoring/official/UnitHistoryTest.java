package th.go.ita.scoring.official;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.go.ita.scoring.demo.DemoDataLoader;
import th.go.ita.scoring.framework.FrameworkService;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class UnitHistoryTest {

    @Inject
    DemoDataLoader demo;

    @Inject
    FrameworkService frameworks;

    @BeforeEach
    void data() {
        demo.load();
    }

    @Test
    @TestSecurity(user = "unit.kalasin2", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void theSeedOfficesYearsAreNeverComparedAcrossUnknownOrDifferentFrameworks() {
        given().when().get("/units/KALASIN2/history").then().statusCode(200)
                .body("unitCode", equalTo("KALASIN2"))
                .body("years.fiscalYear", contains(2564, 2565, 2566))
                .body("years.total", contains(81.52f, 97.39f, 96.37f))
                .body("years.rating", contains("B", "AA", "AA"))
                .body("years.passed", contains(false, true, true))
                .body("years.official", contains(true, true, true))
                .body("years[0].change", nullValue())
                .body("years[1].change.previousFiscalYear", equalTo(2564))
                .body("years[1].change.comparable", equalTo(false))
                .body("years[1].change.reason", equalTo("framework-unknown"))
                .body("years[1].change.total", nullValue())
                .body("years[2].frameworkId", equalTo("OBEC-2566"))
                .body("years[2].comparabilityGroup", equalTo("ITA-2566"))
                .body("years[2].indicators.8", equalTo(90.48f))
                .body("years[2].change.comparable", equalTo(false))
                .body("years[2].change.reason", equalTo("framework-unknown"))
                .body("years[2].change.indicators", nullValue())
                .body("latestFiscalYear", equalTo(2566))
                // (100 − 90.48) × 30 / 100 / 3 = 0.952; 7: 0.756; 6: 0.652; next is 1: (100 − 91.78) × 30 / 100 / 5 = 0.4932
                .body("pullingDown", hasSize(3))
                .body("pullingDown.code", contains("8", "7", "6"))
                .body("pullingDown.pointsLost", contains(0.95f, 0.76f, 0.65f))
                .body("pullingDown.instrument", contains("EIT", "EIT", "EIT"))
                .body("pullingDown[0].score", equalTo(90.48f))
                .body("pullingDown[0].name.th", equalTo(frameworks.framework("OBEC-2566", 2).instrument("EIT").orElseThrow()
                        .indicators().get(2).name().get("th")));
    }

    @Test
    @TestSecurity(user = "unit.kalasin2", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void theYearsExportAsCsvAndXlsxWithEachYearsIndicators() throws Exception {
        String csv = new String(given().when().get("/units/KALASIN2/history/export?format=csv").then().statusCode(200)
                .header("Content-Disposition", containsString("ita-history-KALASIN2.csv")).extract().asByteArray(),
                StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals("\uFEFFปีงบประมาณ (fiscal year),ที่มา (source),กรอบการประเมิน (framework),คะแนนรวม (total),"
                + "ระดับ (rating),ผ่าน (passed),เปลี่ยนจากปีก่อน (change),ตัวชี้วัด 1 (indicator 1)", lines.get(0).substring(0,
                lines.get(0).indexOf(",ตัวชี้วัด 2")));
        assertTrue(lines.get(0).endsWith("ตัวชี้วัด 10 (indicator 10)"), lines.get(0));
        assertTrue(lines.get(1).startsWith("2564,OFFICIAL,,81.52,B,false,,"), lines.get(1));
        assertEquals("2566,OFFICIAL,OBEC-2566 v2,96.37,AA,true,ไม่เทียบ (not comparable: framework-unknown),"
                + "91.78,97.01,97.89,95.78,96.33,93.48,92.44,90.48,100.00,100.00", lines.get(3));

        byte[] xlsx = given().when().get("/units/KALASIN2/history/export?format=xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row fy2566 = book.getSheetAt(0).getRow(3);
            assertEquals(2566, fy2566.getCell(0).getNumericCellValue(), 1e-9);
            assertEquals(96.37, fy2566.getCell(3).getNumericCellValue(), 1e-9);
            assertEquals(90.48, fy2566.getCell(14).getNumericCellValue(), 1e-9);
        }
        given().when().get("/units/KALASIN2/history/export?format=pdf").then().statusCode(400)
                .contentType("application/problem+json");
        given().when().get("/units/KALASIN1/history/export?format=csv").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void anAreaAdminAboveTheUnitSeesIt() {
        given().when().get("/units/KALASIN2/history").then().statusCode(200).body("years", hasSize(3));
    }

    @Test
    @TestSecurity(user = "unit.kalasin1", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN1"))
    void anotherOfficesUnitAdminIsRefusedAndAnUnknownUnitIsNotFound() {
        given().when().get("/units/KALASIN2/history").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:unit-out-of-scope"));
        given().when().get("/units/NO-SUCH-UNIT/history").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:unit-not-found"));
    }

    @Test
    void changesAreComputedOnlyWithinOneComparabilityGroup() {
        Map<String, BigDecimal> a = Map.of("1", new BigDecimal("90.00"), "2", new BigDecimal("80.50"));
        Map<String, BigDecimal> b = Map.of("1", new BigDecimal("92.25"), "2", new BigDecimal("80.00"));
        List<UnitHistoryResource.Year> years = UnitHistoryResource.withChanges(List.of(
                year(2566, "G1", "85.00", a), year(2567, "G1", "87.13", b), year(2568, "G2", "90.00", b)));
        assertEquals(null, years.get(0).change());
        UnitHistoryResource.Change c = years.get(1).change();
        assertTrue(c.comparable());
        assertEquals(new BigDecimal("2.13"), c.total());
        assertEquals(new BigDecimal("2.25"), c.indicators().get("1"));
        assertEquals(new BigDecimal("-0.50"), c.indicators().get("2"));
        UnitHistoryResource.Change d = years.get(2).change();
        assertFalse(d.comparable());
        assertEquals("different-framework", d.reason());
        assertEquals(null, d.total());
    }

    private static UnitHistoryResource.Year year(int fy, String group, String total, Map<String, BigDecimal> indicators) {
        return new UnitHistoryResource.Year(fy, true, "test", "F", 1, group, new BigDecimal(total), "A", Map.of(), true,
                new java.util.TreeMap<>(indicators), null);
    }
}
