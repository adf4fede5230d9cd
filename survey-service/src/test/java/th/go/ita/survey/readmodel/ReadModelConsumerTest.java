package th.go.ita.survey.readmodel;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import th.go.ita.survey.support.Db;
import th.go.ita.platform.testing.TestBroker;
import th.go.ita.survey.support.ScoringEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class ReadModelConsumerTest {

    @Test
    void unitEventWithUnknownFieldsIsAppliedOnceAndARepeatedIdChangesNothing() {
        String code = "U-" + UUID.randomUUID().toString().substring(0, 8);
        String eventId = UUID.randomUUID().toString();
        ScoringEvents.publish("ita.units", code, unitEvent(eventId, code, "first"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count("SELECT count(*) FROM unit WHERE code = ?", code) == 1);

        // Same id again (a redelivery) but different content: must be skipped. Then an unreadable
        // event with the same key: same partition, so once it is in the DLQ the repeat was handled.
        ScoringEvents.publish("ita.units", code, unitEvent(eventId, code, "replayed"));
        ScoringEvents.publish("ita.units", code, "{not json at all");
        assertThat(TestBroker.awaitRecords("ita.units.dlq.survey", r -> code.equals(r.key()), Duration.ofSeconds(30)))
                .hasSize(1);

        Map<String, Object> unit = Db.rows("SELECT * FROM unit WHERE code = ?", code).get(0);
        assertThat(unit.get("name_en")).isEqualTo("first");
        assertThat(unit.get("path")).isEqualTo("/OBEC/" + code + "/");
        assertThat(unit.get("staff_count")).isEqualTo(12);
        assertThat(unit.get("service_population")).isEqualTo(340);
    }

    @Test
    void unreadableRoundGoesToTheDeadLetterTopicAndTheStreamGoesOn() {
        String badKey = "bad-" + UUID.randomUUID();
        ScoringEvents.publish("ita.rounds", badKey, ScoringEvents.envelope("RoundUpserted", null, badKey,
                Map.of("id", badKey, "state", "HALF-OPEN", "frameworkId", "X", "frameworkVersion", 1, "scopeUnitCode", "OBEC")));
        assertThat(TestBroker.awaitRecords("ita.rounds.dlq.survey", r -> badKey.equals(r.key()), Duration.ofSeconds(30)))
                .hasSize(1);
        assertThat(Db.count("SELECT count(*) FROM round WHERE id = ?", badKey)).isZero();

        String roundId = ScoringEvents.round("OBEC", "CLOSED", Instant.now().minusSeconds(3600), Instant.now());
        assertThat(Db.rows("SELECT framework_id, framework_version, scope_unit_code FROM round WHERE id = ?", roundId).get(0))
                .containsEntry("framework_id", ScoringEvents.FRAMEWORK_ID)
                .containsEntry("framework_version", 1)
                .containsEntry("scope_unit_code", "OBEC");
    }

    @Test
    void frameworkDocumentIsKeptWhole() {
        ScoringEvents.framework();
        assertThat(Db.rows("SELECT document->'samples'->'EIT'->>'maximum' AS max FROM framework WHERE id = ?",
                ScoringEvents.FRAMEWORK_ID).get(0)).containsEntry("max", "400");
    }

    private static String unitEvent(String id, String code, String nameEn) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", code);
        payload.put("parentCode", "OBEC");
        payload.put("path", "/OBEC/" + code + "/");
        payload.put("type", "SCHOOL");
        payload.put("nameTh", "โรงเรียนทดสอบ");
        payload.put("nameEn", nameEn);
        payload.put("staffCount", 12);
        payload.put("servicePopulation", 340);
        payload.put("active", true);
        payload.put("demo", false);
        payload.put("aFieldFromTheFuture", Map.of("x", 1));
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id);
        envelope.put("type", "UnitUpserted");
        envelope.put("version", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("unitCode", code);
        envelope.put("roundId", null);
        envelope.put("traceparent", "00-abc");
        envelope.put("payload", payload);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(envelope);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
