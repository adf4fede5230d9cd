package th.go.ita.activity.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.go.ita.activity.support.QuarkusTxFixtures;
import th.go.ita.activity.support.TestTree;
import th.go.ita.activity.support.Tx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static th.go.ita.activity.support.Api.activity;
import static th.go.ita.activity.support.Api.get;
import static th.go.ita.activity.support.Api.plan;
import static th.go.ita.activity.support.Api.post;
import static th.go.ita.activity.support.Api.put;

@QuarkusTest
class PlanAndActivityTest {

    @BeforeEach
    void tree() {
        TestTree.ensure();
    }

    @Test
    @TestSecurity(user = "activity.area1", roles = "activity-editor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "T-AREA1"))
    void editorBuildsAPlanWithKpisActualsAndActivities() {
        int year = TestTree.freshYear();
        post("/units/T-AREA1/plans", plan(year)).statusCode(201)
                .body("fiscalYear", equalTo(year))
                .body("indicatorTarget", equalTo(95.00f))
                .body("goals", contains("คะแนน ITA ไม่ต่ำกว่า 95", "บุคลากรทุกคนมีส่วนร่วม"));

        String kpi = post("/units/T-AREA1/plans/" + year + "/kpis", Map.of("name", "บุคลากรที่เข้าร่วมกิจกรรม",
                "target", 67, "unitOfMeasure", "คน")).statusCode(201).extract().path("id");
        post("/kpis/" + kpi + "/actuals", Map.of("recordedOn", "2023-01-15", "value", 40)).statusCode(201)
                .body("latestActual", equalTo(40.0f)).body("reached", equalTo(false));
        post("/kpis/" + kpi + "/actuals", Map.of("recordedOn", "2023-06-30", "value", 67, "note", "ครบทุกคน"))
                .statusCode(201)
                .body("latestActual", equalTo(67.0f)).body("reached", equalTo(true))
                .body("actuals.value", contains(40.0f, 67.0f));

        post("/units/T-AREA1/plans/" + year + "/activities", activity("วิเคราะห์ความเสี่ยง เลี่ยงการทุจริต", "IN_PROGRESS"))
                .statusCode(201)
                .body("mettaElements", contains("MANAGEMENT", "EXPLORE"))
                .body("oitItemCodes", contains("O35"))
                .body("budget", equalTo(12500.50f))
                .body("completedOn", nullValue());

        get("/units/T-AREA1/plans/" + year).statusCode(200)
                .body("kpis", hasSize(1))
                .body("activities.name", contains("วิเคราะห์ความเสี่ยง เลี่ยงการทุจริต"))
                .body("progress.activities", equalTo(1))
                .body("progress.inProgress", equalTo(1))
                .body("progress.completionRate", equalTo(0.0f));
        get("/units/T-AREA1/plans").statusCode(200).body("fiscalYear", hasItem(year));
    }

    @Test
    @TestSecurity(user = "school1", roles = {"unit-admin", "activity-editor"})
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "T-AREA1-S1"))
    void anotherOfficeCannotReadNorWriteAndDoesNotLearnActivityIds() {
        int year = TestTree.freshYear();
        UUID foreignActivity = QuarkusTxFixtures.planWithActivity("T-AREA1-S2", year);

        get("/units/T-AREA1-S2/plans").statusCode(403)
                .body("type", equalTo("urn:ita:problem:unit-out-of-scope"));
        post("/units/T-AREA1-S2/plans", plan(year + 1)).statusCode(403);
        post("/units/T-AREA1/plans", plan(year + 1)).statusCode(403);
        get("/activities/" + foreignActivity).statusCode(404)
                .body("type", equalTo("urn:ita:problem:activity-not-found"));
        put("/activities/" + foreignActivity, activity("ยึดกิจกรรม", "DONE")).statusCode(404);
        assertEquals("กิจกรรมของโรงเรียน 2", Tx.call(() -> Activity.<Activity>findById(foreignActivity).name));
        get("/units/NO-SUCH/plans").statusCode(404).body("detail", equalTo("ไม่พบหน่วยงานรหัส NO-SUCH"));
    }

    @Test
    @TestSecurity(user = "area1", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "T-AREA1"))
    void areaAdminReadsItsSchoolsPlansButDoesNotChangeThem() {
        int year = TestTree.freshYear();
        UUID activityId = QuarkusTxFixtures.planWithActivity("T-AREA1-S2", year);
        get("/units/T-AREA1-S2/plans/" + year).statusCode(200).body("activities", hasSize(1));
        get("/activities/" + activityId).statusCode(200).body("fiscalYear", equalTo(year));
        put("/activities/" + activityId, activity("แก้โดยเขต", "DONE")).statusCode(403)
                .body("type", equalTo("urn:ita:problem:unit-read-only"));
        get("/units/T-AREA2/plans").statusCode(403);
        assertEquals("กิจกรรมของโรงเรียน 2", Tx.call(() -> Activity.<Activity>findById(activityId).name));
    }

    @Test
    @TestSecurity(user = "activity.area1", roles = "activity-editor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "T-AREA1"))
    void badInputIsAProblemAndChangesNothing() {
        int year = TestTree.freshYear();
        post("/units/T-AREA1/plans", plan(year)).statusCode(201);
        post("/units/T-AREA1/plans", plan(year)).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:plan-exists"))
                .body("detail_en", equalTo("Unit T-AREA1 already has a plan for fiscal year " + year + "."));
        String id = post("/units/T-AREA1/plans/" + year + "/activities", activity("กิจกรรมเดิม", "PLANNED"))
                .statusCode(201).extract().path("id");

        Map<String, Object> noElements = new HashMap<>(activity("ไม่มีองค์ประกอบ", "PLANNED"));
        noElements.put("mettaElements", List.of());
        noElements.put("oitItemCodes", List.of("X1"));
        put("/activities/" + id, noElements).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:invalid-input"))
                .body("errors.field", contains("mettaElements", "oitItemCodes[0].<list element>"));

        Map<String, Object> unknownPhase = new HashMap<>(activity("ผิด", "PLANNED"));
        unknownPhase.put("pdcaPhase", "LATER");
        put("/activities/" + id, unknownPhase).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("pdcaPhase"));

        Map<String, Object> backwards = new HashMap<>(activity("ย้อนเวลา", "PLANNED"));
        backwards.put("endsOn", "2022-10-01");
        put("/activities/" + id, backwards).statusCode(400)
                .body("type", equalTo("urn:ita:problem:activity-dates"));

        Map<String, Object> negativeBudget = new HashMap<>(activity("งบติดลบ", "PLANNED"));
        negativeBudget.put("budget", "-1");
        put("/activities/" + id, negativeBudget).statusCode(400);

        post("/units/T-AREA1/plans/" + year + "/kpis", Map.of("name", "", "target", 1, "unitOfMeasure", "คน"))
                .statusCode(400);
        post("/units/T-AREA1/plans/" + (year + 1000) + "/kpis", Map.of("name", "x", "target", 1, "unitOfMeasure", "คน"))
                .statusCode(404).body("type", equalTo("urn:ita:problem:plan-not-found"));

        get("/activities/" + id).statusCode(200)
                .body("name", equalTo("กิจกรรมเดิม"))
                .body("status", equalTo("PLANNED"))
                .body("endsOn", equalTo("2022-11-30"));
        assertEquals(1L, Tx.call(() -> Plan.count("unitCode = ?1 and fiscalYear = ?2", "T-AREA1", year)));
    }
}
