package th.go.ita.activity;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import th.go.ita.activity.support.Units;
import th.go.ita.platform.testing.access.AccessMatrix;
import th.go.ita.platform.testing.access.AccessMatrix.Request;
import th.go.ita.platform.testing.access.SignedTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static th.go.ita.activity.support.Api.activity;
import static th.go.ita.activity.support.Api.plan;
import static th.go.ita.activity.support.Api.post;

/**
 * Every operation × every role × own unit / subtree / parent / another area, and the three callers
 * without a usable token, against docs/access/activity-service.md. Each unit of a fresh tree gets a
 * plan (with a KPI and an activity), a meeting with an action item, and a mentor with a log.
 */
@QuarkusTest
@QuarkusTestResource(SignedTokens.class)
class AccessMatrixTest {

    private static final int YEAR = 2500;
    /** Each plan a permitted caller creates needs a year of its own (the units are fresh, 2501–2700 free). */
    private final AtomicInteger nextYear = new AtomicInteger(2501);

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() {
        Units units = Units.fresh();
        AccessMatrix.of("activity-service", new AccessMatrix.Tree(units.root(), units.area(), units.school1(), units.otherArea()))
                .parameters(unit -> AccessMatrix.asSystemAdmin(units.root(), () -> fixtures(unit)))
                .platformOperations("scores-in")
                .request("POST /units/{code}/plans", unit -> Request.json(plan(nextYear.getAndIncrement())))
                .request("PUT /units/{code}/plans/{year}", unit -> Request.json(plan(YEAR)))
                .request("POST /units/{code}/plans/{year}/kpis", unit -> Request.json(kpi()))
                .request("POST /units/{code}/plans/{year}/activities", unit -> Request.json(activity("ประชุมชี้แจง", "PLANNED")))
                .request("POST /units/{code}/plans/{year}/copy-from", unit -> Request.json(Map.of("templateCode", "METTA-SEED"))
                        .withPath("/units/" + unit + "/plans/" + nextYear.getAndIncrement() + "/copy-from"))
                .request("PUT /activities/{id}", unit -> Request.json(activity("ประชุมชี้แจง", "IN_PROGRESS")))
                .request("POST /kpis/{id}/actuals", unit -> Request.json(Map.of("recordedOn", "2023-01-15", "value", 40)))
                .request("POST /units/{code}/meetings", unit -> Request.json(meeting()))
                .request("POST /action-items/{id}/done", unit -> Request.json(Map.of()))
                .request("POST /units/{code}/mentors", unit -> Request.json(mentor()))
                .request("POST /mentors/{id}/logs", unit -> Request.json(log()))
                .request("POST /mentoring-logs/{id}/follow-up-done", unit -> Request.json(Map.of()))
                .request("GET /units/{code}/overview", unit -> Request.query("fiscalYear=" + YEAR))
                .assertMatchesTable();
    }

    /** The path parameters of one unit's fixtures, made through the service's own API. */
    private static Map<String, String> fixtures(String unit) {
        post("/units/" + unit + "/plans", plan(YEAR)).statusCode(201);
        String kpi = post("/units/" + unit + "/plans/" + YEAR + "/kpis", kpi()).statusCode(201).extract().path("id");
        String activity = post("/units/" + unit + "/plans/" + YEAR + "/activities", activity("ประชุมชี้แจง", "PLANNED"))
                .statusCode(201).extract().path("id");
        var meeting = post("/units/" + unit + "/meetings", meeting()).statusCode(201).extract();
        String mentor = post("/units/" + unit + "/mentors", mentor()).statusCode(201).extract().path("id");
        String log = post("/mentors/" + mentor + "/logs", log()).statusCode(201).extract().path("logs[0].id");
        return Map.of("code", unit, "year", String.valueOf(YEAR), "templates/{code}", "METTA-SEED",
                "kpis/{id}", kpi, "activities/{id}", activity, "meetings/{id}", meeting.path("id"),
                "action-items/{id}", meeting.path("actions[0].id"), "mentors/{id}", mentor, "mentoring-logs/{id}", log);
    }

    private static Map<String, Object> kpi() {
        return Map.of("name", "บุคลากรที่เข้าร่วมกิจกรรม", "target", 67, "unitOfMeasure", "คน");
    }

    private static Map<String, Object> meeting() {
        return Map.of("heldOn", "2023-11-01", "title", "ประชุมบอร์ด " + UUID.randomUUID(), "attendeesCount", 15,
                "decisions", List.of("ประกาศเจตนารมณ์"),
                "actions", List.of(Map.of("description", "ทำโปสเตอร์", "owner", "กลุ่มอำนวยการ", "dueOn", "2023-11-15")));
    }

    private static Map<String, Object> mentor() {
        return Map.of("mentorName", "ครูพี่เลี้ยง " + UUID.randomUUID(), "mentorKind", "TEAM", "indicatorCode", "9",
                "startedOn", "2023-10-02");
    }

    private static Map<String, Object> log() {
        return Map.of("heldOn", "2023-10-11", "kind", "VISIT", "summary", "เยี่ยมให้คำแนะนำ",
                "followUp", "ตรวจข้อมูล O9", "followUpDue", "2023-10-20");
    }
}
