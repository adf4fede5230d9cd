package th.go.ita.activity.demo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import th.go.ita.activity.meeting.Meeting;
import th.go.ita.activity.plan.Activity;
import th.go.ita.activity.plan.Plan;
import th.go.ita.activity.support.Tx;

import java.time.DayOfWeek;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static th.go.ita.activity.support.Api.get;

@QuarkusTest
class DemoDataLoaderTest {

    @Inject
    DemoDataLoader loader;

    @Test
    @TestSecurity(user = "activity.kalasin2", roles = "activity-editor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void theSeedOfficesFy2566PlanLoadsOnceWithItsActivitiesKpisAndWednesdayMeetings() {
        loader.load();
        long plans = Tx.<Long>call(() -> Plan.count());
        long activities = Tx.<Long>call(() -> Activity.count());
        long meetings = Tx.<Long>call(() -> Meeting.count());
        assertEquals(0, loader.load(), "a second load adds nothing");
        assertEquals(plans, Tx.<Long>call(() -> Plan.count()));
        assertEquals(activities, Tx.<Long>call(() -> Activity.count()));
        assertEquals(meetings, Tx.<Long>call(() -> Meeting.count()));

        get("/units/KALASIN2/plans/2566").statusCode(200)
                .body("activities", hasSize(11))
                .body("activities.status", everyItem(equalTo("DONE")))
                .body("progress.completionRate", equalTo(100.0f))
                .body("activities.find { it.templateCode == 'NO-GIFT' }.oitItemCodes", hasItem("O33"))
                .body("kpis.find { it.indicatorCode == 'TOTAL' }.target", equalTo(95.0f))
                .body("kpis.find { it.indicatorCode == 'TOTAL' }.latestActual", equalTo(96.37f))
                .body("kpis.find { it.indicatorCode == 'TOTAL' }.reached", equalTo(true))
                .body("kpis.find { it.name == 'บุคลากรที่เข้าร่วมกิจกรรม' }.target", equalTo(67.0f))
                .body("kpis.find { it.name == 'บุคลากรที่เข้าร่วมกิจกรรม' }.latestActual", equalTo(67.0f));

        List<Meeting> minutes = Tx.call(() -> Meeting.list("unitCode", "KALASIN2"));
        assertEquals(4, minutes.size());
        assertTrue(minutes.stream().allMatch(m -> m.heldOn.getDayOfWeek() == DayOfWeek.WEDNESDAY),
                "the board meets on Wednesdays");
        get("/units/KALASIN2/meetings").statusCode(200)
                .body("[0].agenda[0].activityIds", hasSize(1))
                .body("attendeesCount", everyItem(org.hamcrest.Matchers.greaterThan(0)));
        get("/units/KALASIN2/overdue").statusCode(200)
                .body("actions.description", hasItem("ร่างแผนขับเคลื่อน ITA ปีงบประมาณ 2567"));
        get("/units/KALASIN2/mentors").statusCode(200).body("[0].indicatorCode", equalTo("9"));
    }
}
