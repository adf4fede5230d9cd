package th.go.ita.activity.score;

import th.go.ita.platform.testing.TestBroker;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import th.go.ita.activity.support.KafkaEvents;
import th.go.ita.activity.support.Tx;
import th.go.ita.activity.support.Units;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Scores and frameworks, read from scoring's {@code scores.changed} and {@code ita.frameworks} through the real broker. */
@QuarkusTest
class ScoresConsumerTest {

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
        KafkaEvents.sendUnchecked("scores.changed", UUID.randomUUID(), "UnitScoreChanged", unit, Instant.now(), payload,
                unit);
        await().atMost(Duration.ofSeconds(20)).until(() -> TestBroker.readAll("scores.changed.dlq.activity").stream()
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
        KafkaEvents.sendUnchecked("ita.frameworks", UUID.randomUUID(), "FrameworkPublished", null, Instant.now(), bad,
                id + "@bad");
        await().atMost(Duration.ofSeconds(20)).until(() -> TestBroker.readAll("ita.frameworks.dlq.activity").stream()
                .anyMatch(r -> (id + "@bad").equals(r.key())));
        await().atMost(Duration.ofSeconds(20)).until(() -> "ITA-2567".equals(Tx.call(() ->
                FrameworksConsumer.groupOf(
                        Panache.getEntityManager(), id, 2))));
        assertEquals(null, Tx.call(() -> FrameworksConsumer.groupOf(
                Panache.getEntityManager(), id, 1)));
    }

    static Map<String, Object> indicators(String first, String eighth) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("1", new BigDecimal(first));
        map.put("8", new BigDecimal(eighth));
        map.put("9", new BigDecimal("100.00"));
        return map;
    }

    private static UnitScore score(String unit, String round) {
        return Tx.call(() -> UnitScore.findById(new UnitScore.Key(unit, round)));
    }
}
