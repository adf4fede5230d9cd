package th.go.ita.activity;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import th.go.ita.activity.score.UnitScore;
import th.go.ita.activity.unit.UnitRef;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read models of scoring's topics, fed through the real broker. */
@QuarkusTest
class ReadModelConsumersTest {

    @Test
    void unitUpsertedBuildsTheTreeAndARepeatedEventIdChangesNothing() {
        Units units = Units.fresh();
        UnitRef school = Tx.call(() -> UnitRef.findById(units.school1()));
        assertEquals("/" + units.root() + "/" + units.area() + "/" + units.school1() + "/", school.path);
        assertEquals(units.area(), school.parentCode);
        assertEquals(20, school.staffCount);

        // The same event id again, with different content: a redelivery, so it must not be applied.
        String code = units.school1();
        UUID id = UUID.randomUUID();
        Map<String, Object> payload = unitPayload(code, "/" + units.root() + "/" + units.area() + "/" + code + "/", "ชื่อใหม่");
        KafkaEvents.send("ita.units", id, "UnitUpserted", code, Instant.now(), payload);
        await().atMost(Duration.ofSeconds(20)).until(() -> "ชื่อใหม่".equals(name(code)));
        payload.put("nameTh", "ไม่ควรเห็นชื่อนี้");
        KafkaEvents.send("ita.units", id, "UnitUpserted", code, Instant.now(), payload);
        // A later, different event proves the consumer has moved past the repeat.
        KafkaEvents.send("ita.units", "UnitUpserted", units.school2(), Instant.now(),
                unitPayload(units.school2(), "/" + units.root() + "/" + units.area() + "/" + units.school2() + "/", "ถัดไป"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "ถัดไป".equals(name(units.school2())));
        assertEquals("ชื่อใหม่", name(code));
    }

    @Test
    void unknownFieldsAreToleratedAndUnreadableEventsGoToTheDeadLetterTopic() {
        String code = "DLQ-" + UUID.randomUUID().toString().substring(0, 8);
        String marker = "not json " + code;
        KafkaEvents.sendRaw("ita.units", code, marker);
        KafkaEvents.sendRaw("ita.units", code, "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"UnitUpserted\",\"payload\":{\"code\":\"" + code + "\"}}");
        Map<String, Object> payload = unitPayload(code, "/" + code + "/", "มีช่องเกิน");
        payload.put("somethingNew", Map.of("nested", 1));
        KafkaEvents.send("ita.units", "UnitUpserted", code, Instant.now(), payload);

        await().atMost(Duration.ofSeconds(20)).until(() -> "มีช่องเกิน".equals(name(code)));
        await().atMost(Duration.ofSeconds(20)).until(() -> KafkaEvents.readAll("ita.units.dlq.activity").stream()
                .filter(r -> code.equals(r.key())).count() == 2);
        List<ConsumerRecord<String, String>> dead = KafkaEvents.readAll("ita.units.dlq.activity").stream()
                .filter(r -> code.equals(r.key())).toList();
        assertEquals(marker, dead.get(0).value());
        assertTrue(dead.get(1).value().contains("\"payload\""), "the event without a path is kept as it came");
    }

    @Test
    void latestScoresOfAUnitAndRoundWinAndALateOlderEventIsIgnored() {
        Units units = Units.fresh();
        String round = "round-" + UUID.randomUUID();
        Instant now = Instant.now();
        KafkaEvents.scores(units.area(), round, 2566, 96.37, now, indicators("91.78", "90.48"));
        await().atMost(Duration.ofSeconds(20)).until(() -> score(units.area(), round) != null);
        KafkaEvents.scores(units.area(), round, 2566, 80.0, now.minusSeconds(3600), indicators("50", "50"));
        KafkaEvents.scores(units.school1(), round, 2566, 88.5, now, indicators("85.5", "80"));
        await().atMost(Duration.ofSeconds(20)).until(() -> score(units.school1(), round) != null);

        UnitScore score = score(units.area(), round);
        assertEquals(new BigDecimal("96.37"), score.total);
        assertEquals(new BigDecimal("91.78"), score.indicators.get("1"));
        assertEquals(new BigDecimal("90.48"), score.indicators.get("8"));
        assertEquals("AA", score.rating);
        assertFalse(score.provisional);
    }

    @Test
    void scoresWithANonNumericTotalAreDeadLettered() {
        String unit = "SCORE-DLQ-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("roundId", "r1");
        payload.put("unitCode", unit);
        payload.put("fiscalYear", 2566);
        payload.put("total", "เก้าสิบ");
        payload.put("indicators", Map.of());
        KafkaEvents.send("scores.changed", "UnitScoreChanged", unit, Instant.now(), payload);
        await().atMost(Duration.ofSeconds(20)).until(() -> KafkaEvents.readAll("scores.changed.dlq.activity").stream()
                .anyMatch(r -> unit.equals(r.key())));
        assertEquals(null, score(unit, "r1"));
    }

    @Test
    void frameworksKeepTheirComparabilityGroupAndABadVersionIsDeadLettered() {
        String id = "FW-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaEvents.framework(id, 2, 2567, "ITA-2567");
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("id", id);
        bad.put("version", "สอง");
        KafkaEvents.send("ita.frameworks", UUID.randomUUID(), "FrameworkPublished", null, Instant.now(), bad, id + "@bad");
        await().atMost(Duration.ofSeconds(20)).until(() -> KafkaEvents.readAll("ita.frameworks.dlq.activity").stream()
                .anyMatch(r -> (id + "@bad").equals(r.key())));
        await().atMost(Duration.ofSeconds(20)).until(() -> "ITA-2567".equals(Tx.call(() ->
                th.go.ita.activity.score.FrameworksConsumer.groupOf(
                        io.quarkus.hibernate.orm.panache.Panache.getEntityManager(), id, 2))));
        assertEquals(null, Tx.call(() -> th.go.ita.activity.score.FrameworksConsumer.groupOf(
                io.quarkus.hibernate.orm.panache.Panache.getEntityManager(), id, 1)));
    }

    static Map<String, Object> indicators(String first, String eighth) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("1", new BigDecimal(first));
        map.put("8", new BigDecimal(eighth));
        map.put("9", new BigDecimal("100.00"));
        return map;
    }

    private static Map<String, Object> unitPayload(String code, String path, String nameTh) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", code);
        payload.put("parentCode", null);
        payload.put("path", path);
        payload.put("type", "SCHOOL");
        payload.put("nameTh", nameTh);
        payload.put("nameEn", code);
        payload.put("staffCount", 20);
        payload.put("active", true);
        payload.put("demo", true);
        return payload;
    }

    private static String name(String code) {
        return Tx.call(() -> {
            UnitRef unit = UnitRef.findById(code);
            return unit == null ? null : unit.nameTh;
        });
    }

    private static UnitScore score(String unit, String round) {
        return Tx.call(() -> UnitScore.findById(new UnitScore.Key(unit, round)));
    }
}
