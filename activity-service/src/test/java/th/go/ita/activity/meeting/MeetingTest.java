package th.go.ita.activity.meeting;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.go.ita.activity.plan.Today;
import th.go.ita.activity.support.QuarkusTxFixtures;
import th.go.ita.activity.support.TestTree;
import th.go.ita.activity.support.Tx;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static th.go.ita.activity.support.Api.activity;
import static th.go.ita.activity.support.Api.get;
import static th.go.ita.activity.support.Api.plan;
import static th.go.ita.activity.support.Api.post;

/** Board meetings of T-AREA1-S1 and their action items, run by its own unit-admin. */
@QuarkusTest
@TestSecurity(user = "unit.s1", roles = "unit-admin")
@OidcSecurity(claims = @Claim(key = "unit_code", value = "T-AREA1-S1"))
class MeetingTest {

    @BeforeEach
    void tree() {
        TestTree.ensure();
    }

    @Test
    void meetingMinutesLinkTheUnitsActivitiesAndOverdueActionsSurfaceUntilDone() {
        int year = TestTree.freshYear();
        post("/units/T-AREA1-S1/plans", plan(year)).statusCode(201);
        String activityId = post("/units/T-AREA1-S1/plans/" + year + "/activities", activity("No Gift Policy", "PLANNED"))
                .statusCode(201).extract().path("id");
        String title = "ประชุมบอร์ดวันพุธ " + UUID.randomUUID();
        var meeting = post("/units/T-AREA1-S1/meetings", Map.of(
                "heldOn", "2023-11-01", "title", title, "attendeesCount", 15,
                "agenda", List.of(Map.of("title", "ประกาศ No Gift Policy", "indicatorCodes", List.of("3", "10"),
                        "activityIds", List.of(activityId))),
                "decisions", List.of("ผู้อำนวยการประกาศเจตนารมณ์"),
                "actions", List.of(
                        Map.of("description", "ทำโปสเตอร์ " + title, "owner", "กลุ่มอำนวยการ", "dueOn", Today.date().minusDays(3).toString()),
                        Map.of("description", "สรุปผล " + title, "owner", "กลุ่มนโยบายและแผน", "dueOn", Today.date().plusDays(7).toString()))))
                .statusCode(201)
                .body("agenda[0].activityIds", contains(activityId))
                .body("actions", hasSize(2))
                .body("actions.overdue", contains(true, false));
        String meetingId = meeting.extract().path("id");
        String late = meeting.extract().path("actions[0].id");

        get("/meetings/" + meetingId).statusCode(200).body("decisions", contains("ผู้อำนวยการประกาศเจตนารมณ์"));
        get("/units/T-AREA1-S1/overdue").statusCode(200)
                .body("actions.description", hasItem("ทำโปสเตอร์ " + title))
                .body("actions.description", not(hasItem("สรุปผล " + title)));
        post("/action-items/" + late + "/done", Map.of()).statusCode(200).body("overdue", equalTo(false));
        get("/units/T-AREA1-S1/overdue").statusCode(200).body("actions.id", not(hasItem(late)));
    }

    @Test
    void minutesPointingAtAnotherOfficesActivityOrMissingFieldsAreRefusedAndNothingIsStored() {
        UUID foreign = QuarkusTxFixtures.planWithActivity("T-AREA1-S2", TestTree.freshYear());
        long before = Tx.<Long>call(() -> Meeting.count());
        post("/units/T-AREA1-S1/meetings", Map.of("heldOn", "2023-11-08", "title", "ประชุม", "attendeesCount", 10,
                "agenda", List.of(Map.of("title", "x", "activityIds", List.of(foreign.toString()))),
                "actions", List.of(Map.of("description", "งาน", "owner", "ใครสักคน", "dueOn", "2023-11-15"))))
                .statusCode(400)
                .body("type", equalTo("urn:ita:problem:agenda-activity-unknown"));
        post("/units/T-AREA1-S1/meetings", Map.of("heldOn", "2023-11-08", "title", "ประชุม", "attendeesCount", -1,
                "actions", List.of(Map.of("description", "งาน", "owner", "", "dueOn", "2023-11-15"))))
                .statusCode(400)
                .body("errors.field", contains("actions[0].owner", "attendeesCount"));
        assertEquals(before, Tx.<Long>call(() -> Meeting.count()));
        assertEquals(0L, Tx.call(() -> ActionItem.count("description = ?1 and unitCode = ?2", "งาน", "T-AREA1-S1")));
    }

    @Test
    void anotherOfficesMeetingsAndActionsAreOutOfReach() {
        String foreignAction = Tx.call(() -> {
            Meeting m = new Meeting();
            m.id = UUID.randomUUID();
            m.unitCode = "T-AREA1-S2";
            m.heldOn = LocalDate.of(2023, 11, 1);
            m.title = "ประชุมของโรงเรียน 2";
            m.attendeesCount = 5;
            m.persist();
            ActionItem a = new ActionItem();
            a.id = UUID.randomUUID();
            a.meetingId = m.id;
            a.unitCode = "T-AREA1-S2";
            a.description = "งานของโรงเรียน 2";
            a.owner = "ครู";
            a.dueOn = LocalDate.of(2023, 11, 8);
            a.persist();
            return a.id.toString();
        });
        get("/units/T-AREA1-S2/meetings").statusCode(403);
        get("/units/T-AREA1-S2/overdue").statusCode(403);
        post("/units/T-AREA1-S2/mentors", Map.of("mentorName", "x", "mentorKind", "PERSON", "startedOn", "2023-10-02"))
                .statusCode(403);
        post("/action-items/" + foreignAction + "/done", Map.of()).statusCode(404);
        assertEquals(null, Tx.call(() -> ActionItem.<ActionItem>findById(UUID.fromString(foreignAction)).doneOn));
    }
}
