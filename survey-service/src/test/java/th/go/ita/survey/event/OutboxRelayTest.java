package th.go.ita.survey.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import th.go.ita.survey.support.Db;
import th.go.ita.survey.support.KafkaTestClient;
import th.go.ita.survey.support.Respondent;
import th.go.ita.survey.support.ScoringEvents;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class OutboxRelayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Scheduler scheduler;

    @Inject
    OutboxRelay relay;

    @Test
    void responseReachesTheTopicKeyedByUnitWithTheDateOnlyAndNothingIdentifying() throws Exception {
        ScoringEvents.World w = ScoringEvents.world(5);
        Respondent.submit(Respondent.eit(w.roundId(), w.area())).statusCode(201);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.awaitRecords("survey.responses",
                r -> w.area().equals(r.key()), Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Bangkok"));
        assertThat(records.get(0).timestamp()).isEqualTo(today.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
        JsonNode event = JSON.readTree(records.get(0).value());
        assertThat(event.path("type").asText()).isEqualTo("ResponseSubmitted");
        assertThat(event.path("occurredAt").asText()).isEqualTo(today + "T00:00:00Z");
        JsonNode payload = event.path("payload");
        assertThat(payload.path("roundId").asText()).isEqualTo(w.roundId());
        assertThat(payload.path("instrument").asText()).isEqualTo("EIT");
        assertThat(payload.path("respondentCategory").asText()).isEqualTo("PARENT");
        assertThat(payload.path("answers").path("e2").asText()).isEqualTo("N");
        assertThat(payload.path("submittedOn").asText()).isEqualTo(today.toString());
        assertThat(payload.fieldNames()).toIterable().containsExactlyInAnyOrder("responseId", "roundId", "unitCode",
                "instrument", "frameworkId", "frameworkVersion", "answers", "respondentCategory", "submittedOn");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                Db.count("SELECT count(*) FROM outbox_event WHERE event_key = ? AND published_at IS NOT NULL", w.area()) == 1);
    }

    /**
     * "Kafka down" is a broker address where nothing listens, used for one pass of the relay while
     * its scheduled passes are paused: stopping the shared in-process broker would also take it from
     * this service's consumers, which other test classes of this JVM need.
     */
    @Test
    void responseCommittedWhileKafkaIsDownIsPublishedWhenKafkaIsBack() throws Exception {
        ScoringEvents.World w = ScoringEvents.world(5);
        // The down pass reads the oldest 200 waiting events: earlier tests' events must be out first.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        scheduler.pause(OutboxRelay.IDENTITY);
        try {
            Thread.sleep(1200); // let a pass that had already started finish
            Respondent.submit(Respondent.eit(w.roundId(), w.area())).statusCode(201);
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            try (Producer<String, String> down = OutboxRelay.newProducer("127.0.0.1:" + closedPort, 1500)) {
                assertThat(relay.publishPending(down)).isEqualTo(new OutboxRelay.Pass(0, 1, true));
            }
            assertThat(Db.rows("SELECT published_at, attempts FROM outbox_event WHERE event_key = ?", w.area()).get(0))
                    .containsEntry("published_at", null)
                    .satisfies(row -> assertThat(((Number) row.get("attempts")).intValue()).isGreaterThanOrEqualTo(1));
            assertThat(KafkaTestClient.awaitRecords("survey.responses", r -> w.area().equals(r.key()), Duration.ofSeconds(2)))
                    .isEmpty();
        } finally {
            scheduler.resume(OutboxRelay.IDENTITY);
        }
        assertThat(KafkaTestClient.awaitRecords("survey.responses", r -> w.area().equals(r.key()), Duration.ofSeconds(30)))
                .hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                Db.count("SELECT count(*) FROM outbox_event WHERE event_key = ? AND published_at IS NOT NULL", w.area()) == 1);
    }

    /** An event the broker will never take (larger than its 1 MB record limit) must not block the queue behind it. */
    @Test
    void anEventTheBrokerRefusesDoesNotHoldBackTheOnesAfterIt() throws Exception {
        ScoringEvents.World w = ScoringEvents.world(5);
        UUID oversized = UUID.randomUUID();
        // Dated a day earlier than any response's event, so that it is first in line.
        Db.update("""
                INSERT INTO outbox_event (id, topic, event_key, type, payload, occurred_at)
                VALUES (?, 'survey.responses', 'OVERSIZED', 'ResponseSubmitted', CAST(? AS jsonb), now() - interval '1 day')
                """, oversized, "{\"pad\": \"" + "x".repeat(1_200_000) + "\"}");
        try {
            Respondent.submit(Respondent.eit(w.roundId(), w.area())).statusCode(201);

            assertThat(KafkaTestClient.awaitRecords("survey.responses", r -> w.area().equals(r.key()), Duration.ofSeconds(30)))
                    .hasSize(1);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    Db.count("SELECT count(*) FROM outbox_event WHERE event_key = ? AND published_at IS NOT NULL", w.area()) == 1);
            assertThat(Db.rows("SELECT published_at, attempts FROM outbox_event WHERE id = ?", oversized).get(0))
                    .containsEntry("published_at", null)
                    .satisfies(row -> assertThat(((Number) row.get("attempts")).intValue()).isGreaterThanOrEqualTo(1));
        } finally {
            Db.update("DELETE FROM outbox_event WHERE id = ?", oversized);
        }
    }
}
