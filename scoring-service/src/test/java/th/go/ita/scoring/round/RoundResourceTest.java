package th.go.ita.scoring.round;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.go.ita.scoring.KafkaTopics;
import th.go.ita.scoring.demo.DemoDataLoader;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RoundResourceTest {

    @Inject
    DemoDataLoader demo;

    @BeforeEach
    void units() {
        demo.load();
    }

    static Map<String, Object> round(String name, String unit, int year, String framework) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "fiscalYear", year,
                "frameworkId", framework, "frameworkVersion", 1, "scopeUnitCode", unit));
        body.putAll(Map.of("surveyOpensAt", "2026-06-01T00:00:00Z", "surveyClosesAt", "2026-07-31T00:00:00Z",
                "oitDeadline", "2026-06-30T00:00:00Z", "reviewOpensAt", "2026-07-01T00:00:00Z",
                "reviewClosesAt", "2026-08-15T00:00:00Z", "correctionClosesAt", "2026-08-31T00:00:00Z"));
        return body;
    }

    static String create(String name, String unit) {
        return given().contentType("application/json").body(round(name, unit, 2566, "OBEC-2566"))
                .when().post("/rounds").then().statusCode(201)
                .body("state", equalTo("DRAFT")).extract().path("id");
    }

    static void move(String id, String state, int status) {
        given().contentType("application/json").body(Map.of("state", state))
                .when().post("/rounds/" + id + "/state").then().statusCode(status);
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void areaAdminRunsARoundThroughItsStatesAndEachStepIsPublished() throws Exception {
        String id = create("ITA 2566 เขต 2", "KALASIN2");
        move(id, "PUBLISHED", 409);
        move(id, "OPEN", 200);
        given().contentType("application/json").body(round("แก้ชื่อ", "KALASIN2", 2566, "OBEC-2566"))
                .when().put("/rounds/" + id).then().statusCode(409)
                .body("type", equalTo("urn:ita:problem:round-not-draft"));
        move(id, "DRAFT", 409);
        move(id, "CLOSED", 200);
        given().contentType("application/json").body(Map.of("state", "OPEN"))
                .when().post("/rounds/" + id + "/state").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:round-transition-invalid"))
                .body("detail_en", equalTo("A round cannot go from CLOSED to OPEN; rounds move DRAFT → OPEN → CLOSED → PUBLISHED."));
        move(id, "PUBLISHED", 200);
        given().when().get("/rounds/" + id).then().statusCode(200).body("state", equalTo("PUBLISHED"));

        ConsumerRecord<String, String> event = KafkaTopics.awaitRecord("ita.rounds",
                r -> r.key().equals(id) && r.value().contains("PUBLISHED"), Duration.ofSeconds(20));
        var envelope = new ObjectMapper().readTree(event.value());
        assertEquals("RoundUpserted", envelope.path("type").asText());
        assertEquals(id, envelope.path("roundId").asText());
        assertEquals("KALASIN2", envelope.path("payload").path("scopeUnitCode").asText());
        assertEquals("2026-06-30T00:00:00Z", envelope.path("payload").path("oitDeadline").asText());
    }

    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void theFy2568AndFy2569EditionsOpenAsRoundsOnTheDemoTree() throws Exception {
        for (String framework : new String[]{"NACC-2568", "NACC-2569"}) {
            int year = Integer.parseInt(framework.substring(5));
            String id = given().contentType("application/json").body(round("ITA " + year, "KALASIN1", year, framework))
                    .when().post("/rounds").then().statusCode(201)
                    .body("frameworkId", equalTo(framework)).extract().path("id");
            move(id, "OPEN", 200);
            given().when().get("/rounds/" + id).then().statusCode(200).body("state", equalTo("OPEN"));
            given().when().get("/frameworks/" + framework + "/versions/1").then().statusCode(200)
                    .body("instruments[2].indicators.subIndicators.flatten().items.flatten().size()", equalTo(26));
        }
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void areaAdminCannotCreateARoundForAnotherArea() {
        given().contentType("application/json").body(round("นอกเขต", "KALASIN1", 2566, "OBEC-2566"))
                .when().post("/rounds").then().statusCode(403)
                .body("type", equalTo("urn:ita:problem:unit-out-of-scope"));
        given().when().get("/rounds").then().statusCode(200).body("name", not(hasItem("นอกเขต")));
    }

    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void badRoundsAreRefusedWithTheReason() {
        given().contentType("application/json").header("Accept-Language", "en")
                .body(round("ผิดปี", "KALASIN2", 2567, "OBEC-2566"))
                .when().post("/rounds").then().statusCode(400)
                .body("detail", equalTo("Fiscal year 2567 does not match framework OBEC-2566, which is for fiscal year 2566."));
        given().contentType("application/json").body(round("ไม่มีกรอบ", "KALASIN2", 2566, "NO-SUCH"))
                .when().post("/rounds").then().statusCode(404)
                .body("type", equalTo("urn:ita:problem:framework-not-found"));
        given().contentType("application/json").body(round("ไม่มีหน่วย", "NO-UNIT", 2566, "OBEC-2566"))
                .when().post("/rounds").then().statusCode(404);
        Map<String, Object> backwards = new java.util.HashMap<>(round("ย้อนเวลา", "KALASIN2", 2566, "OBEC-2566"));
        backwards.put("surveyClosesAt", "2026-05-01T00:00:00Z");
        given().contentType("application/json").body(backwards)
                .when().post("/rounds").then().statusCode(400)
                .body("type", equalTo("urn:ita:problem:round-windows-invalid"));
        given().contentType("application/json").body(Map.of("name", ""))
                .when().post("/rounds").then().statusCode(400)
                .body("type", equalTo("urn:ita:problem:invalid-input"));
        given().when().get("/rounds").then().body("name", not(hasItem("ผิดปี"))).body("name", not(hasItem("ย้อนเวลา")));
    }

    @Test
    @TestSecurity(user = "unit.school1", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2-S001"))
    void aSchoolSeesItsAreasRoundButNotAnotherAreasAndCannotManageRounds() {
        String own = insertRound("รอบของเขต 2 สำหรับโรงเรียน", "KALASIN2");
        String other = insertRound("รอบของเขต 1 สำหรับโรงเรียน", "KALASIN1");
        given().when().get("/rounds").then().statusCode(200)
                .body("name", hasItem("รอบของเขต 2 สำหรับโรงเรียน"))
                .body("name", not(hasItem("รอบของเขต 1 สำหรับโรงเรียน")));
        given().when().get("/rounds/" + other).then().statusCode(403);
        given().contentType("application/json").body(Map.of("state", "OPEN"))
                .when().post("/rounds/" + own + "/state").then().statusCode(403);
        given().contentType("application/json").body(round("โรงเรียน", "KALASIN2-S001", 2566, "OBEC-2566"))
                .when().post("/rounds").then().statusCode(403);
        given().when().get("/rounds/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Inject
    jakarta.persistence.EntityManager em;

    String insertRound(String name, String unit) {
        java.util.UUID id = java.util.UUID.randomUUID();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO assessment_round (id, name, fiscal_year, framework_id, framework_version, scope_unit_code)
                VALUES (:id, :name, 2566, 'OBEC-2566', 1, :unit)""")
                .setParameter("id", id).setParameter("name", name).setParameter("unit", unit).executeUpdate());
        return id.toString();
    }
}
