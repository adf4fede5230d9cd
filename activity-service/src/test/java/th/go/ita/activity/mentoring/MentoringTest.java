package th.go.ita.activity.mentoring;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.go.ita.activity.plan.Today;
import th.go.ita.activity.support.TestTree;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static th.go.ita.activity.support.Api.get;
import static th.go.ita.activity.support.Api.post;

/** Mentoring of T-AREA1-S1, run by its own unit-admin. */
@QuarkusTest
@TestSecurity(user = "unit.s1", roles = "unit-admin")
@OidcSecurity(claims = @Claim(key = "unit_code", value = "T-AREA1-S1"))
class MentoringTest {

    @BeforeEach
    void tree() {
        TestTree.ensure();
    }

    @Test
    void mentorLogsAndOverdueFollowUpsAreTrackedUntilDone() {
        LocalDate yesterday = Today.date().minusDays(1);
        String mentor = post("/units/T-AREA1-S1/mentors", Map.of("mentorName", "ครูพี่เลี้ยง OIT " + UUID.randomUUID(),
                "mentorKind", "TEAM", "indicatorCode", "9", "startedOn", "2023-10-02")).statusCode(201)
                .body("mentorKind", equalTo("TEAM")).body("indicatorCode", equalTo("9"))
                .extract().path("id");
        post("/mentors/" + mentor + "/logs", Map.of("heldOn", "2023-10-11", "kind", "VISIT",
                "summary", "เยี่ยมให้คำแนะนำการเผยแพร่ข้อมูล", "followUp", "ตรวจข้อมูล O9", "followUpDue", yesterday.toString()))
                .statusCode(201)
                .body("logs", hasSize(1))
                .body("logs[0].followUpOverdue", equalTo(true));
        post("/mentors/" + mentor + "/logs", Map.of("heldOn", "2023-10-12", "kind", "COACHING",
                "summary", "x", "followUpDue", "2023-11-01")).statusCode(400)
                .body("type", equalTo("urn:ita:problem:follow-up-missing"));

        String logId = get("/units/T-AREA1-S1/overdue").statusCode(200)
                .body("followUps.followUp", hasItem("ตรวจข้อมูล O9"))
                .extract().path("followUps.find { it.followUp == 'ตรวจข้อมูล O9' }.id");
        post("/mentoring-logs/" + logId + "/follow-up-done", Map.of()).statusCode(200)
                .body("logs[0].followUpDoneOn", equalTo(Today.date().toString()));
        get("/units/T-AREA1-S1/overdue").statusCode(200).body("followUps.id", not(hasItem(logId)));
        get("/units/T-AREA1-S1/mentors").statusCode(200).body("id", hasItem(mentor));
    }
}
