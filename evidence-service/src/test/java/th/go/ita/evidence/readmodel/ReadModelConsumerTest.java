package th.go.ita.evidence.readmodel;

import th.go.ita.platform.testing.TestBroker;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import th.go.ita.evidence.support.ScoringEvents;
import th.go.ita.evidence.support.TestDb;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class ReadModelConsumerTest {

    @Inject
    TestDb db;

    private Object scalar(String sql, Object... params) {
        return db.scalar(sql, params);
    }

    private void awaitRow(String sql, Object... params) {
        db.awaitRow(sql, params);
    }

    @Test
    void unitsArriveWithTheirPathAndUnknownFieldsAreIgnored() {
        String area = "RM-A-" + UUID.randomUUID().toString().substring(0, 8);
        String school = area + "-S1";
        String areaPath = ScoringEvents.unit(area, "/OBEC/", "เขตทดสอบ");
        ObjectNode payload = ScoringEvents.unitPayload(school, areaPath, "โรงเรียนทดสอบ");
        payload.put("newFieldFromTheFuture", 42);
        ScoringEvents.send("ita.units", school,
                ScoringEvents.envelope(UUID.randomUUID(), "UnitUpserted", school, null, payload));

        awaitRow("SELECT path FROM unit WHERE code = ?1", school);
        assertThat(scalar("SELECT path FROM unit WHERE code = ?1", school)).isEqualTo("/OBEC/" + area + "/" + school + "/");
        assertThat(scalar("SELECT name_th FROM unit WHERE code = ?1", school)).isEqualTo("โรงเรียนทดสอบ");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String code = "RM-B-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        ScoringEvents.send("ita.units", code, ScoringEvents.envelope(id, "UnitUpserted", code, null,
                ScoringEvents.unitPayload(code, "/OBEC/", "ชื่อแรก")));
        // Same event id again, but (as a replay bug would) with different content: must be skipped.
        ScoringEvents.send("ita.units", code, ScoringEvents.envelope(id, "UnitUpserted", code, null,
                ScoringEvents.unitPayload(code, "/OBEC/", "ชื่อซ้ำ")));
        awaitRow("SELECT code FROM unit WHERE code = ?1", code);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                "ชื่อแรก".equals(scalar("SELECT name_th FROM unit WHERE code = ?1", code)));
        assertThat(((Number) scalar("SELECT count(*) FROM processed_event WHERE id = ?1", id)).intValue()).isEqualTo(1);
    }

    @Test
    void unreadableMessagesGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        String code = "RM-C-" + UUID.randomUUID().toString().substring(0, 8);
        String garbage = "{not json at all " + code;
        TestBroker.send("ita.units", code, garbage);
        // A well-formed envelope whose payload lacks the unit's path is just as unusable.
        ObjectNode noPath = ScoringEvents.unitPayload(code + "-X", "/OBEC/", "ไม่มีเส้นทาง");
        noPath.remove("path");
        // Raw: scoring's schema would refuse this fixture, which is the point of it.
        TestBroker.send("ita.units", code,
                ScoringEvents.envelope(UUID.randomUUID(), "UnitUpserted", code, null, noPath));
        ScoringEvents.unit(code, "/OBEC/", "หลังข้อความเสีย");

        var dead = TestBroker.awaitRecords("ita.units.dlq.evidence",
                r -> r.value() != null && r.value().contains(code), Duration.ofSeconds(30));
        assertThat(dead).extracting(r -> r.value()).contains(garbage);
        awaitRow("SELECT code FROM unit WHERE code = ?1", code);
        assertThat(scalar("SELECT code FROM unit WHERE code = ?1", code + "-X")).isNull();
    }

    @Test
    void frameworkOitItemsAndRoundsAreKeptInOrder() {
        String fw = "FW-" + UUID.randomUUID().toString().substring(0, 8);
        String round = "R-" + UUID.randomUUID();
        ScoringEvents.framework(fw, 1, 2566);
        ScoringEvents.round(ScoringEvents.roundPayload(round, 2566, fw, "OBEC", "OPEN",
                Instant.now().plus(Duration.ofDays(30))));

        awaitRow("SELECT id FROM assessment_round WHERE id = ?1", round);
        awaitRow("SELECT code FROM oit_item WHERE framework_id = ?1 AND code = 'O4'", fw);
        List<Object[]> items = db.rows("""
                SELECT code, sub_indicator_code, indicator_code, requirement_th FROM oit_item
                WHERE framework_id = ?1 ORDER BY position""", fw);
        assertThat(items).extracting(r -> r[0] + " " + r[1] + " " + r[2])
                .containsExactly("O1 9.1 9", "O2 9.1 9", "O3 9.2 9", "O4 10.1 10");
        assertThat(items.get(0)[3]).isEqualTo("ข้อกำหนดของ O1");
        assertThat(scalar("SELECT state FROM assessment_round WHERE id = ?1", round)).isEqualTo("OPEN");
    }
}
