package th.go.ita.survey.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import th.go.ita.platform.testing.TestBroker;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Publishes scoring-service's events (units, the test framework, rounds) on the real broker, the
 * way scoring does, and waits until this service's read model has applied them.
 */
public final class ScoringEvents {

    public static final String FRAMEWORK_ID = "TEST-FW";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean frameworkPublished;

    private ScoringEvents() {
    }

    /** An area office with one school below it, and an OPEN round covering the area. */
    public record World(String area, String school, String roundId) {
    }

    public static World world(int schoolStaff) {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String area = "AREA-" + suffix;
        String school = area + "-S1";
        unit(area, null, "/OBEC/" + area + "/", 67, 2000);
        unit(school, area, "/OBEC/" + area + "/" + school + "/", schoolStaff, 450);
        return new World(area, school, round(area, "OPEN", Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(30, ChronoUnit.DAYS)));
    }

    public static void unit(String code, String parent, String path, int staff, int population) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", code);
        payload.put("parentCode", parent);
        payload.put("path", path);
        payload.put("type", parent == null ? "AREA_PRIMARY" : "SCHOOL");
        payload.put("nameTh", "หน่วยทดสอบ " + code);
        payload.put("nameEn", "Test unit " + code);
        payload.put("staffCount", staff);
        payload.put("servicePopulation", population);
        payload.put("active", true);
        payload.put("demo", false);
        publishAsScoring("ita.units", code, "UnitUpserted", code, null, payload);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count("SELECT count(*) FROM unit WHERE code = ? AND staff_count = ?", code, staff) == 1);
    }

    public static synchronized void framework() {
        if (frameworkPublished) {
            return;
        }
        try (InputStream in = ScoringEvents.class.getResourceAsStream("/fixtures/framework.json")) {
            ObjectNode doc = (ObjectNode) JSON.readTree(in);
            publishAsScoring("ita.frameworks", FRAMEWORK_ID + "@1", "FrameworkPublished", null, null, doc);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count("SELECT count(*) FROM framework WHERE id = ? AND version = 1", FRAMEWORK_ID) == 1);
        frameworkPublished = true;
    }

    public static String round(String scope, String state, Instant opens, Instant closes) {
        return round(UUID.randomUUID().toString(), scope, state, opens, closes);
    }

    public static String round(String id, String scope, String state, Instant opens, Instant closes) {
        framework();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id);
        payload.put("name", "รอบทดสอบ");
        payload.put("fiscalYear", 2569);
        payload.put("frameworkId", FRAMEWORK_ID);
        payload.put("frameworkVersion", 1);
        payload.put("scopeUnitCode", scope);
        payload.put("state", state);
        payload.put("surveyOpensAt", opens.toString());
        payload.put("surveyClosesAt", closes.toString());
        payload.put("oitDeadline", closes.toString());
        publishAsScoring("ita.rounds", id, "RoundUpserted", scope, id, payload);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count("SELECT count(*) FROM round WHERE id = ? AND state = ?", id, state) == 1);
        return id;
    }

    public static String envelope(String type, String unitCode, String roundId, Object payload) {
        return TestBroker.envelope(UUID.randomUUID(), type, unitCode, roundId, Instant.now(), payload);
    }

    public static void publish(String topic, String key, String value) {
        TestBroker.send(topic, key, value);
    }

    /** An event as scoring sends it: it must match scoring's schema in docs/events, or the test fails. */
    static void publishAsScoring(String topic, String key, String type, String unitCode, String roundId, Object payload) {
        TestBroker.sendEvent(topic, key, envelope(type, unitCode, roundId, payload));
    }
}
