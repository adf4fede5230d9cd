package th.go.ita.activity.unit;

import th.go.ita.platform.testing.TestBroker;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import th.go.ita.activity.support.KafkaEvents;
import th.go.ita.activity.support.Tx;
import th.go.ita.activity.support.Units;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The office tree, read from scoring's {@code ita.units} through the real broker. */
@QuarkusTest
class UnitsConsumerTest {

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
        TestBroker.send("ita.units", code, marker);
        // A well-formed envelope (version and all) whose payload lacks the path: unreadable for what it says.
        TestBroker.send("ita.units", code, "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"UnitUpserted\",\"version\":1,\"payload\":{\"code\":\"" + code + "\"}}");
        Map<String, Object> payload = unitPayload(code, "/" + code + "/", "มีช่องเกิน");
        payload.put("somethingNew", Map.of("nested", 1));
        KafkaEvents.send("ita.units", "UnitUpserted", code, Instant.now(), payload);

        await().atMost(Duration.ofSeconds(20)).until(() -> "มีช่องเกิน".equals(name(code)));
        await().atMost(Duration.ofSeconds(20)).until(() -> TestBroker.readAll("ita.units.dlq.activity").stream()
                .filter(r -> code.equals(r.key())).count() == 2);
        List<ConsumerRecord<String, String>> dead = TestBroker.readAll("ita.units.dlq.activity").stream()
                .filter(r -> code.equals(r.key())).toList();
        assertEquals(marker, dead.get(0).value());
        assertTrue(dead.get(1).value().contains("\"payload\""), "the event without a path is kept as it came");
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
        payload.put("servicePopulation", 100);
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
}
