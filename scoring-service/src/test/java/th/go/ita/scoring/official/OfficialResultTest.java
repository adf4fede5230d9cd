package th.go.ita.scoring.official;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.go.ita.scoring.demo.DemoDataLoader;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OfficialResultTest {

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

    @Test
    void theSeedOfficesHistoryIsPublicWithoutLogin() {
        given().when().get("/public/units/KALASIN2/years/2566").then().statusCode(200)
                .body("unit.nameTh", equalTo("สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาฬสินธุ์ เขต 2"))
                .body("official", equalTo(true))
                .body("frameworkId", equalTo("OBEC-2566"))
                .body("frameworkVersion", equalTo(2))
                .body("indicators.1", equalTo(91.78f))
                .body("indicators.8", equalTo(90.48f))
                .body("instruments.IIT", equalTo(28.73f))
                .body("instruments.EIT", equalTo(27.64f))
                .body("instruments.OIT", equalTo(40.00f))
                .body("total", equalTo(96.37f))
                .body("rating", equalTo("AA"))
                .body("passed", equalTo(true))
                .body("ratingExplained.scheme", equalTo("BANDS"))
                .body("ratingExplained.steps.code", equalTo(java.util.List.of("AA", "A", "B", "C", "D", "E", "F")))
                .body("ratingExplained.text.th", equalTo("คะแนนรวม 96.37 ตั้งแต่ 95 จึงได้ระดับ AA ซึ่งเป็นระดับสูงสุด; ถึงเกณฑ์ผ่าน 85 จึงผ่าน"))
                .body("ratingExplained.text.en", org.hamcrest.Matchers.startsWith("Total 96.37 is at least 95"))
                // Indicator names as the seed's FY2566 sheet prints them, from the result's own edition.
                .body("indicatorNames.4.th", equalTo("การใช้ทรัพย์สินของทางราชการ"))
                .body("indicatorNames.8.th", equalTo("การปรับปรุงการทำงาน"));
        // Without a framework there is no scheme to explain the entered rating by.
        given().when().get("/public/units/KALASIN2/years/2565").then().statusCode(200)
                .body("total", equalTo(97.39f)).body("rating", equalTo("AA")).body("passed", equalTo(true))
                .body("frameworkId", nullValue()).body("ratingExplained", nullValue()).body("indicatorNames", nullValue());
        given().when().get("/public/units/KALASIN2/years/2564").then().statusCode(200)
                .body("total", equalTo(81.52f)).body("rating", equalTo("B")).body("passed", equalTo(false));
        given().when().get("/public/units/KALASIN2/years/2563").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:public-result-not-found"));
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void areaAdminEntersAResultAndTheIndicatorsDecideTheTotal() {
        given().contentType("application/json").body(Map.of("frameworkId", "OBEC-2566", "frameworkVersion", 1,
                        "indicators", Map.of("1", 90, "2", 90, "3", 90, "4", 90, "5", 90, "6", 80, "7", 80, "8", 80,
                                "9", 100, "10", 100),
                        "source", "แบบรายงานผล สพฐ."))
                .when().put("/official-results/KALASIN2-S001/2566").then().statusCode(200)
                .body("total", equalTo(91.00f)).body("rating", equalTo("A")).body("passed", equalTo(true));
        given().contentType("application/json").header("Accept-Language", "en")
                .body(Map.of("frameworkId", "OBEC-2566", "indicators", Map.of("1", 90), "total", 50, "source", "x"))
                .when().put("/official-results/KALASIN2-S001/2566").then().statusCode(400)
                .body("type", equalTo("urn:ita:problem:official-invalid"))
                .body("errors.field", hasItems("indicators"));
        given().when().get("/official-results/KALASIN2-S001").then().statusCode(200)
                .body("[0].total", equalTo(91.00f));
        given().contentType("application/json").body(Map.of("total", 80, "rating", "B", "passed", false, "source", "x"))
                .when().put("/official-results/KALASIN1-S001/2565").then().statusCode(403);
        assertEquals(0, rows("KALASIN1-S001"));
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void csvImportListsEveryWrongLineAndAppliesNothingUntilAllAreRight() {
        String header = "unit_code,fiscal_year,framework_id,framework_version,indicators,total,rating,passed,source\n";
        String good = "KALASIN2-S003,2565,,,,88.10,A,true,\"ผล ITA 2565, สพป.กาฬสินธุ์ เขต 2\"\n";
        String bad = header + good
                + "KALASIN2-S003,25x5,,,,70,C,false,x\n"
                + "KALASIN1-S001,2565,,,,70,C,false,x\n"
                + "KALASIN2-S003,2566,OBEC-2566,1,1=90;2=90,,,,x\n"
                + "NOPE,2565,,,,70,C,false,x\n"
                + "KALASIN2-S003,2565,,,\n";
        given().contentType("text/csv; charset=UTF-8").body(bad).queryParam("dryRun", true)
                .when().post("/official-results/import").then().statusCode(200)
                .body("lines", equalTo(6))
                .body("written", equalTo(0))
                .body("errors.field", hasItems("line 3: fiscal_year", "line 4: unit_code", "line 5: indicators",
                        "line 6: unit_code", "line 7"));
        given().contentType("text/csv; charset=UTF-8").body(bad)
                .when().post("/official-results/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:official-import-invalid"));
        given().contentType("application/json").body(java.util.Map.of("csv", bad))
                .when().post("/official-results/import").then().statusCode(400)
                .body("type", equalTo("urn:ita:problem:official-import-invalid"))
                .body("errors.field", hasItems("line 3: fiscal_year", "line 4: unit_code"));
        assertEquals(0, rows("KALASIN2-S003"));

        given().contentType("text/csv; charset=UTF-8").body(header + good).queryParam("dryRun", true)
                .when().post("/official-results/import").then().statusCode(200).body("written", equalTo(0));
        assertEquals(0, rows("KALASIN2-S003"));
        given().contentType("text/csv; charset=UTF-8").body(header + good)
                .when().post("/official-results/import").then().statusCode(200).body("written", equalTo(1));
        given().when().get("/official-results/KALASIN2-S003").then()
                .body("[0].source", equalTo("ผล ITA 2565, สพป.กาฬสินธุ์ เขต 2"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void computedScoresArePublicOnlyOnceTheRoundIsPublished() {
        java.util.UUID round = java.util.UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    INSERT INTO assessment_round (id, name, fiscal_year, framework_id, framework_version, scope_unit_code, state)
                    VALUES (:id, 'public test', 2567, 'NACC-2567', 1, 'SEC-KALASIN', 'CLOSED')""")
                    .setParameter("id", round).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO unit_score (round_id, unit_code, fiscal_year, framework_id, framework_version, indicators,
                                            instruments, sheet, total, rating, passed, provisional)
                    VALUES (:id, 'SEC-KALASIN-S001', 2567, 'NACC-2567', 1, '{"1": 90.00}', '{"IIT": 27.00}', '{}',
                            88.50, 'GOOD', true, false)""")
                    .setParameter("id", round).executeUpdate();
        });
        given().when().get("/public/units/SEC-KALASIN-S001/years/2567").then().statusCode(404);
        given().contentType("application/json").body(Map.of("state", "PUBLISHED"))
                .when().post("/rounds/" + round + "/state").then().statusCode(200);
        given().when().get("/public/units/SEC-KALASIN-S001/years/2567").then().statusCode(200)
                .body("official", equalTo(false))
                .body("total", equalTo(88.50f))
                .body("rating", equalTo("GOOD"))
                .body("ratingLabel.th", equalTo("ผ่านดี"))
                .body("status", equalTo("COMPUTED"));
    }
}
