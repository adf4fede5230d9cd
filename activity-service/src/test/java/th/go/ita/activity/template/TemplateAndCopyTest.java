package th.go.ita.activity.template;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.go.ita.activity.plan.Plan;
import th.go.ita.activity.support.TestTree;
import th.go.ita.activity.support.Tx;

import java.util.Map;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static th.go.ita.activity.support.Api.activity;
import static th.go.ita.activity.support.Api.get;
import static th.go.ita.activity.support.Api.plan;
import static th.go.ita.activity.support.Api.post;

@QuarkusTest
@TestSecurity(user = "activity.area1", roles = "activity-editor")
@OidcSecurity(claims = @Claim(key = "unit_code", value = "T-AREA1"))
class TemplateAndCopyTest {

    @BeforeEach
    void tree() {
        TestTree.ensure();
    }

    @Test
    void theSeedTemplateListsTheOfficesActivitiesInThaiAndEnglish() {
        get("/templates/METTA-SEED").statusCode(200)
                .body("activities", hasSize(11))
                .body("activities.name.th", hasItems("วิเคราะห์ความเสี่ยง เลี่ยงการทุจริต", "No Gift Policy ไม่รับของขวัญ",
                        "รักษ์น้ำ รักษ์ไฟ ร่วมใจประหยัด", "ยิ้มแย้มแจ่มใส ใส่ใจบริการ", "CSR จิตอาสาพัฒนาสังคม",
                        "สำรวจความพึงพอใจการดำเนินงาน 4 ด้าน"))
                .body("activities.find { it.code == 'NO-GIFT' }.oitItemCodes", hasItem("O33"))
                .body("activities.find { it.code == 'RISK-ANALYSIS' }.oitItemCodes", hasItem("O35"))
                .body("activities.find { it.code == 'SMILING-SERVICE' }.indicatorCodes", hasItems("6", "7", "8"))
                .body("activities.find { it.code == 'FLAG-CEREMONY' }.name.en", equalTo("Discipline together: the Monday flag ceremony"));
        get("/templates").statusCode(200).body("code", hasItem("METTA-SEED"));
        get("/templates/NOPE").statusCode(404).body("type", equalTo("urn:ita:problem:template-not-found"));
    }

    @Test
    void copyingTheTemplateStartsAPlanSizedToTheUnit() {
        int year = TestTree.freshYear();
        post("/units/T-AREA1/plans/" + year + "/copy-from", Map.of("templateCode", "METTA-SEED")).statusCode(201)
                .body("title", equalTo("แผนขับเคลื่อน ITA Online ด้วย METTA Model ปีงบประมาณ " + year))
                .body("activities", hasSize(11))
                .body("activities.status", everyItem(equalTo("PLANNED")))
                .body("kpis.find { it.indicatorCode == 'TOTAL' }.target", equalTo(95.0f))
                // "All staff take part": T-AREA1 has 67 staff.
                .body("kpis.find { it.name == 'บุคลากรที่เข้าร่วมกิจกรรม' }.target", equalTo(67.0f));
        post("/units/T-AREA1/plans/" + year + "/copy-from", Map.of("templateCode", "METTA-SEED")).statusCode(409)
                .body("type", equalTo("urn:ita:problem:plan-exists"));
    }

    @Test
    void copyingLastYearsPlanKeepsActivitiesAsPlannedAndMovesTheirDates() {
        int last = TestTree.freshYear();
        int next = TestTree.freshYear();
        post("/units/T-AREA1/plans", plan(last)).statusCode(201);
        String id = post("/units/T-AREA1/plans/" + last + "/activities", activity("วิเคราะห์ความเสี่ยง", "DONE"))
                .statusCode(201).extract().path("id");
        post("/units/T-AREA1/plans/" + last + "/activities", activity("ยกเลิกแล้ว", "CANCELLED")).statusCode(201);
        post("/units/T-AREA1/plans/" + last + "/kpis", Map.of("name", "คะแนน ITA", "target", 95, "unitOfMeasure", "คะแนน",
                "indicatorCode", "TOTAL")).statusCode(201);

        post("/units/T-AREA1/plans/" + next + "/copy-from", Map.of("fromYear", last)).statusCode(201)
                .body("activities", hasSize(1))
                .body("activities[0].name", equalTo("วิเคราะห์ความเสี่ยง"))
                .body("activities[0].status", equalTo("PLANNED"))
                .body("activities[0].startsOn", equalTo((2022 + next - last) + "-11-02"))
                .body("kpis[0].actuals", hasSize(0));
        get("/activities/" + id).statusCode(200).body("status", equalTo("DONE"));
    }

    @Test
    void copyWithoutAClearSourceIsRefusedAndCreatesNothing() {
        int year = TestTree.freshYear();
        post("/units/T-AREA1/plans/" + year + "/copy-from", Map.of()).statusCode(400)
                .body("type", equalTo("urn:ita:problem:copy-source"));
        post("/units/T-AREA1/plans/" + year + "/copy-from", Map.of("templateCode", "METTA-SEED", "fromYear", year - 1))
                .statusCode(400);
        post("/units/T-AREA1/plans/" + year + "/copy-from", Map.of("templateCode", "NOPE")).statusCode(404);
        post("/units/T-AREA1/plans/" + year + "/copy-from", Map.of("fromYear", year + 1)).statusCode(400)
                .body("type", equalTo("urn:ita:problem:copy-from-later-year"));
        post("/units/T-AREA1/plans/" + year + "/copy-from", Map.of("fromYear", 2501)).statusCode(404)
                .body("type", equalTo("urn:ita:problem:plan-not-found"));
        post("/units/T-AREA1-S1/plans/" + year + "/copy-from", Map.of("templateCode", "METTA-SEED")).statusCode(403);
        assertEquals(0L, Tx.call(() -> Plan.count("fiscalYear", year)));
    }
}
