package th.go.ita.survey.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import th.go.ita.platform.outbox.OutboxRelay;
import th.go.ita.platform.testing.EventContract;
import th.go.ita.platform.testing.TestBroker;
import th.go.ita.survey.support.Codes;
import th.go.ita.survey.support.Db;
import th.go.ita.survey.support.Respondent;
import th.go.ita.survey.support.ScoringEvents;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Responses leave survey-service in steps (README, threat model): nothing of a unit's answers
 * reaches the topic until a step of five is waiting or their day is over; then they go out
 * together, shuffled, without id or time, and the outbox keeps no copy once the broker has them.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "system-admin")
@OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
class ResponseReleaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final String[] LEVELS = {"4", "3", "2", "1"};

    @Inject
    ResponseRelease release;

    @Inject
    OutboxRelay relay;

    @Test
    void fourAnswersWaitAndTwelveGoOutTogetherShuffledWithNothingIdentifying() throws Exception {
        ScoringEvents.World w = ScoringEvents.world(20);
        List<String> codes = Codes.generate(w.roundId(), w.school(), 12);
        List<String> submitted = new ArrayList<>();
        LocalDate today = LocalDate.now(BANGKOK);
        for (int i = 0; i < 12; i++) {
            if (i == 4) {
                release.releaseDue(today);
                relay.publishPending();
                assertThat(Db.count("SELECT count(*) FROM survey_response WHERE unit_code = ? AND released", w.school()))
                        .as("four answers are less than a step").isZero();
                assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE event_key = ?", w.school())).isZero();
            }
            // Twelve different answer sets, so the order they come out in can be told.
            Map<String, Object> body = Respondent.iit(w.roundId(), w.school(), codes.get(i));
            String tag = LEVELS[i % 4] + LEVELS[(i / 4) % 4];
            body.put("answers", Map.of("i1", tag.substring(0, 1), "i2", tag.substring(1), "i3", "N"));
            Respondent.submit(body).statusCode(201);
            submitted.add(tag);
        }

        assertThat(release.releaseDue(today)).isGreaterThanOrEqualTo(12);
        relay.publishPending();
        List<ConsumerRecord<String, String>> records = TestBroker.awaitRecords(ResponseRelease.TOPIC,
                r -> w.school().equals(r.key()), Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        Instant dayBegan = today.atStartOfDay(BANGKOK).toInstant();
        assertThat(records.get(0).timestamp()).isEqualTo(dayBegan.toEpochMilli());
        EventContract.assertMatches("ResponsesReleased", records.get(0).value());
        JsonNode event = JSON.readTree(records.get(0).value());
        assertThat(event.path("occurredAt").asText()).isEqualTo(dayBegan.toString());
        JsonNode payload = event.path("payload");
        assertThat(payload.path("instrument").asText()).isEqualTo("IIT");
        assertThat(payload.path("releasedOn").asText()).isEqualTo(today.toString());
        List<String> released = new ArrayList<>();
        for (JsonNode response : payload.path("responses")) {
            assertThat(response.fieldNames()).toIterable().containsExactlyInAnyOrder("answers", "respondentCategory");
            released.add(response.path("answers").path("i1").asText() + response.path("answers").path("i2").asText());
        }
        assertThat(released).containsExactlyInAnyOrderElementsOf(submitted);
        // 1 chance in 12! that a fair shuffle leaves the order the answers were given in.
        assertThat(released).isNotEqualTo(submitted);

        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE event_key = ?", w.school()))
                .as("the relay keeps no copy of released answers (ita.outbox.keep-published=false)").isZero();
        assertThat(Db.count("SELECT count(*) FROM survey_response WHERE unit_code = ? AND NOT released", w.school())).isZero();
    }

    /**
     * With ita.release.wake-on-step (on outside tests) the answer that completes a step sends the
     * step on its way at once, without the scheduled pass (off here) or anyone calling the release
     * or the relay: four wait, the fifth takes all five out in one event.
     */
    @Test
    void theAnswerThatCompletesAStepReleasesItWithoutWaitingForTheScheduledPass() throws Exception {
        ScoringEvents.World w = ScoringEvents.world(10);
        List<String> codes = Codes.generate(w.roundId(), w.school(), 5);
        release.wakeOnStep(true);
        try {
            for (int i = 0; i < 4; i++) {
                Respondent.submit(Respondent.iit(w.roundId(), w.school(), codes.get(i))).statusCode(201);
            }
            Thread.sleep(500);
            assertThat(Db.count("SELECT count(*) FROM survey_response WHERE unit_code = ? AND released", w.school()))
                    .as("four answers are less than a step").isZero();
            Respondent.submit(Respondent.iit(w.roundId(), w.school(), codes.get(4))).statusCode(201);
            List<ConsumerRecord<String, String>> records = TestBroker.awaitRecords(ResponseRelease.TOPIC,
                    r -> w.school().equals(r.key()), Duration.ofSeconds(5));
            assertThat(records).hasSize(1);
            assertThat(JSON.readTree(records.get(0).value()).path("payload").path("responses")).hasSize(5);
            assertThat(Db.count("SELECT count(*) FROM survey_response WHERE unit_code = ? AND NOT released", w.school())).isZero();
        } finally {
            release.wakeOnStep(null);
        }
    }

    @Test
    void aDaysLeftoversGoOutOnceTheDayIsOver() throws Exception {
        // Yesterday's answers, as a day gone by leaves them (a release dated tomorrow would be a
        // record from the future, which the broker refuses).
        ScoringEvents.World w = ScoringEvents.world(5);
        Respondent.submit(Respondent.eit(w.roundId(), w.area())).statusCode(201);
        Respondent.submit(Respondent.eit(w.roundId(), w.area())).statusCode(201);
        LocalDate today = LocalDate.now(BANGKOK);
        release.releaseDue(today);
        assertThat(Db.count("SELECT count(*) FROM survey_response WHERE unit_code = ? AND released", w.area())).isZero();

        Db.update("UPDATE survey_response SET submitted_on = ? WHERE unit_code = ?",
                java.sql.Date.valueOf(today.minusDays(1)), w.area());
        release.releaseDue(today);
        relay.publishPending();
        List<ConsumerRecord<String, String>> records = TestBroker.awaitRecords(ResponseRelease.TOPIC,
                r -> w.area().equals(r.key()), Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        JsonNode payload = JSON.readTree(records.get(0).value()).path("payload");
        assertThat(payload.path("responses")).hasSize(2);
        assertThat(payload.path("responses").get(0).path("respondentCategory").asText()).isEqualTo("PARENT");
    }

    @Test
    void aBusyUnitsReleaseIsSplitButNeverIntoLessThanAStep() {
        assertThat(ResponseRelease.events(12, 5, 100)).isEqualTo(1);
        assertThat(ResponseRelease.events(250, 5, 100)).isEqualTo(3);
        assertThat(ResponseRelease.events(10, 5, 5)).isEqualTo(2);
        assertThat(ResponseRelease.events(9, 5, 5)).as("two events would hold fewer than five").isEqualTo(1);
        assertThat(ResponseRelease.events(2, 5, 100)).as("a day's leftovers").isEqualTo(1);
    }
}
