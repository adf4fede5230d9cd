package th.go.ita.activity.support;

import th.go.ita.platform.testing.TestBroker;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays scoring-service in tests: its events, as it would publish them, on the test's real broker
 * ({@link TestBroker}).
 */
public final class KafkaEvents {

    private KafkaEvents() {
    }

    /** Publishes an event in the common envelope; returns its id. */
    public static UUID send(String topic, String type, String unitCode, Instant occurredAt, Map<String, Object> payload) {
        return send(topic, UUID.randomUUID(), type, unitCode, occurredAt, payload);
    }

    public static UUID send(String topic, UUID id, String type, String unitCode, Instant occurredAt,
                            Map<String, Object> payload) {
        return send(topic, id, type, unitCode, occurredAt, payload, unitCode);
    }

    /** An event as its producer would send it: it must match the producer's schema in docs/events. */
    public static UUID send(String topic, UUID id, String type, String unitCode, Instant occurredAt,
                            Map<String, Object> payload, String key) {
        TestBroker.sendEvent(topic, key, envelope(id, type, unitCode, occurredAt, payload));
        return id;
    }

    /** An event its producer would never send (a consumer's dead-letter tests): no schema check. */
    public static UUID sendUnchecked(String topic, UUID id, String type, String unitCode, Instant occurredAt,
                                     Map<String, Object> payload, String key) {
        TestBroker.send(topic, key, envelope(id, type, unitCode, occurredAt, payload));
        return id;
    }

    private static String envelope(UUID id, String type, String unitCode, Instant occurredAt, Map<String, Object> payload) {
        return TestBroker.envelope(id, type, unitCode, (String) payload.get("roundId"), occurredAt, payload);
    }

    /** A UnitUpserted as scoring publishes it on {@code ita.units}. */
    public static UUID unit(String code, String parentPath, String nameTh, int staff) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", code);
        payload.put("parentCode", parentPath == null ? null : lastCode(parentPath));
        payload.put("path", (parentPath == null ? "/" : parentPath) + code + "/");
        payload.put("type", parentPath == null ? "NATIONAL" : "AREA_PRIMARY");
        payload.put("nameTh", nameTh);
        payload.put("nameEn", code);
        payload.put("staffCount", staff);
        payload.put("servicePopulation", 100);
        payload.put("active", true);
        payload.put("demo", true);
        return send("ita.units", "UnitUpserted", code, Instant.now(), payload);
    }

    /** A UnitScoreChanged as scoring publishes it on {@code scores.changed}. */
    public static UUID scores(String unitCode, String roundId, int fiscalYear, double total, Instant at,
                              Map<String, Object> indicators) {
        return scores(unitCode, roundId, fiscalYear, "OBEC-" + fiscalYear, total, at, indicators);
    }

    public static UUID scores(String unitCode, String roundId, int fiscalYear, String frameworkId, double total,
                              Instant at, Map<String, Object> indicators) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("roundId", roundId);
        payload.put("unitCode", unitCode);
        payload.put("fiscalYear", fiscalYear);
        payload.put("frameworkId", frameworkId);
        payload.put("frameworkVersion", 1);
        payload.put("total", total);
        payload.put("rating", total >= 95 ? "AA" : "A");
        payload.put("passed", total >= 85);
        payload.put("provisional", false);
        payload.put("instruments", Map.of("IIT", 28.73, "EIT", 27.64, "OIT", 40.0));
        payload.put("indicators", indicators);
        return send("scores.changed", "UnitScoreChanged", unitCode, at, payload);
    }

    /** A computed sheet as scoring sends it, with its provisional flag (samples short or OIT items unreviewed). */
    public static UUID provisionalScores(String unitCode, String roundId, int fiscalYear, double total, String rating,
                                         Instant at, Map<String, Object> indicators) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("roundId", roundId);
        payload.put("unitCode", unitCode);
        payload.put("fiscalYear", fiscalYear);
        payload.put("frameworkId", "OBEC-" + fiscalYear);
        payload.put("frameworkVersion", 1);
        payload.put("total", total);
        payload.put("rating", rating);
        payload.put("passed", total >= 85);
        payload.put("provisional", true);
        payload.put("instruments", Map.of("IIT", 0.0, "EIT", 0.0, "OIT", 40.0));
        payload.put("indicators", indicators);
        return send("scores.changed", "UnitScoreChanged", unitCode, at, payload);
    }

    /** An OfficialResultChanged on {@code scores.changed}: a unit's official figures for a year. */
    public static UUID official(String unitCode, int fiscalYear, double total, String rating, Instant at,
                                Map<String, Object> indicators) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("unitCode", unitCode);
        payload.put("fiscalYear", fiscalYear);
        payload.put("frameworkId", "OBEC-" + fiscalYear);
        payload.put("frameworkVersion", 2);
        payload.put("total", total);
        payload.put("rating", rating);
        payload.put("passed", total >= 85);
        payload.put("source", "ผล ITA ทดสอบ");
        payload.put("instruments", Map.of("IIT", 28.73, "EIT", 27.64, "OIT", 40.0));
        payload.put("indicators", indicators);
        return send("scores.changed", "OfficialResultChanged", unitCode, at, payload);
    }

    /** A FrameworkPublished on {@code ita.frameworks} (only the fields this service reads, plus one it does not). */
    public static UUID framework(String id, int version, int fiscalYear, String comparabilityGroup) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id);
        payload.put("version", version);
        payload.put("fiscalYear", fiscalYear);
        payload.put("comparabilityGroup", comparabilityGroup);
        payload.put("instruments", List.of());
        return send("ita.frameworks", UUID.randomUUID(), "FrameworkPublished", null, Instant.now(), payload, id + "@" + version);
    }

    private static String lastCode(String path) {
        String[] parts = path.split("/");
        return parts[parts.length - 1];
    }
}
