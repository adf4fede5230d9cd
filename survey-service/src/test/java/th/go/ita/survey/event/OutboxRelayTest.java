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
     * "Kafka down" is a broker address where nothing listens: the in-process broker of
     * ItaTestStack.kafka() has no stop/restart (only close(), and a new one would get another port),
     * so the relay's pass is pointed at a closed port while the scheduled relay is paused.
     */
    @Test
    void responseCommittedWhileKafkaIsDownIsPublishedWhenKafkaIsBack() throws Exception {
        ScoringEvents.World w = ScoringEvents.world(5);
        scheduler.pause(OutboxRelay.IDENTITY);
        try {
            Thread.sleep(1200); // let a pass that had already started finish
            Respondent.submit(Respondent.eit(w.roundId(), w.area())).statusCode(201);
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            try (Producer<String, String> down = OutboxRelay.newProducer("127.0.0.1:" + closedPort, 1500)) {
                relay.publishPending(down);
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
}
