package th.go.ita.survey.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import th.go.ita.survey.support.Db;
import th.go.ita.platform.testing.TestBroker;
import th.go.ita.survey.support.Respondent;
import th.go.ita.survey.support.ScoringEvents;
import th.go.ita.platform.testing.EventContract;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A response's event on its way to scoring keeps the anonymity rule of the answers: the day, never
 * a time of day, in the outbox row (occurred_at, published_at), the envelope and the Kafka record.
 * How the platform's relay copes with a refused record or a broker away is its own suite's concern.
 */
@QuarkusTest
class ResponseEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    @Test
    void responseReachesTheTopicKeyedByUnitWithTheDateOnlyAndNothingIdentifying() throws Exception {
        ScoringEvents.World w = ScoringEvents.world(5);
        Respondent.submit(Respondent.eit(w.roundId(), w.area())).statusCode(201);

        List<ConsumerRecord<String, String>> records = TestBroker.awaitRecords(ResponseIntakeService.TOPIC,
                r -> w.area().equals(r.key()), Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        LocalDate today = LocalDate.now(BANGKOK);
        Instant dayBegan = today.atStartOfDay(BANGKOK).toInstant();
        long startOfDay = dayBegan.toEpochMilli();
        assertThat(records.get(0).timestamp()).isEqualTo(startOfDay);
        // Never ahead of now, whatever the hour: the broker refuses records from the future.
        assertThat(dayBegan).isBeforeOrEqualTo(Instant.now());
        EventContract.assertMatches("ResponseSubmitted", records.get(0).value());
        JsonNode event = JSON.readTree(records.get(0).value());
        assertThat(event.path("type").asText()).isEqualTo("ResponseSubmitted");
        assertThat(event.path("occurredAt").asText()).isEqualTo(dayBegan.toString());
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
        // published_at is the relay's mark (ita.outbox.time-precision=day): midnight of the
        // database's day, so it cannot date the response to the minute either.
        Map<String, Object> row = Db.rows("""
                SELECT CAST(EXTRACT(EPOCH FROM occurred_at) AS bigint) AS occurred_s, published_at = date_trunc('day', published_at) AS published_on_a_day
                FROM outbox_event WHERE event_key = ?""", w.area()).get(0);
        assertThat(((Number) row.get("occurred_s")).longValue() * 1000).isEqualTo(startOfDay);
        assertThat(row.get("published_on_a_day")).isEqualTo(true);
    }
}
