package th.go.ita.scoring.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import th.go.ita.scoring.KafkaTopics;
import th.go.ita.scoring.demo.DemoDataLoader;
import th.go.ita.scoring.round.AssessmentRound;
import th.go.ita.platform.testing.EventContract;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** survey.responses and oit.reviews through the real broker into a unit's score. */
@QuarkusTest
class ScoreConsumptionTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String SCHOOL = "KALASIN2-S002";

    @Inject
    DemoDataLoader demo;

    @Inject
    EntityManager em;

    @Inject
    ScoreIntake intake;

    @Inject
    UnitScores scores;

    UUID newRound() {
        demo.load();
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO assessment_round (id, name, fiscal_year, framework_id, framework_version, scope_unit_code, state)
                VALUES (:id, 'consumer test', 2566, 'OBEC-2566', 1, 'KALASIN2', 'OPEN')""")
                .setParameter("id", id).executeUpdate());
        return id;
    }

    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    /**
     * A step of responses as survey-service releases it (checked against its schema), or with
     * {@code extra} fields survey does not send today, to show a later producer's additions are tolerated.
     */
    static String released(String eventId, UUID round, String instrument, List<String> answersJson, String extra) {
        return released(eventId, round, SCHOOL, instrument, answersJson, extra);
    }

    static String released(String eventId, UUID round, String unit, String instrument, List<String> answersJson, String extra) {
        String category = "EIT".equals(instrument) ? "\"PARENT\"" : "null";
        String responses = String.join(", ", answersJson.stream()
                .map(a -> "{\"answers\": " + a + ", \"respondentCategory\": " + category + "}").toList());
        String event = """
                {"id": "%s", "type": "ResponsesReleased", "version": 1, "occurredAt": "%s", "unitCode": "%s",
                 "roundId": "%s", "payload": {"roundId": "%s", "unitCode": "%s", "instrument": "%s",
                 "frameworkId": "OBEC-2566", "frameworkVersion": 1, "releasedOn": "2026-11-25",
                 "responses": [%s]%s}}
                """.formatted(eventId, LocalDate.now(BANGKOK).atStartOfDay(BANGKOK).toInstant(), unit, round, round,
                unit, instrument, responses, extra);
        if (extra.isEmpty()) {
            EventContract.assertMatches("ResponsesReleased", event);
        }
        return event;
    }

    /** One response as survey-service sent them before it released them in steps: still on old topics. */
    static String oneResponse(UUID round, String instrument, String answersJson) {
        String event = """
                {"id": "%s", "type": "ResponseSubmitted", "version": 1, "occurredAt": "%s", "unitCode": "%s",
                 "roundId": "%s", "payload": {"responseId": "%s", "roundId": "%s", "unitCode": "%s",
                 "instrument": "%s", "frameworkId": "OBEC-2566", "frameworkVersion": 1, "answers": %s,
                 "respondentCategory": null, "submittedOn": "2026-11-25"}}
                """.formatted(UUID.randomUUID(), LocalDate.now(BANGKOK).atStartOfDay(BANGKOK).toInstant(), SCHOOL, round,
                UUID.randomUUID(), round, SCHOOL, instrument, answersJson);
        EventContract.assertMatches("ResponseSubmitted", event);
        return event;
    }

    /** An OitItemReviewed as evidence-service sends it, checked against its schema. */
    static String review(UUID round, String item, String verdict, boolean isFinal, int sequence) {
        return review(round, SCHOOL, item, verdict, isFinal, sequence);
    }

    static String review(UUID round, String unit, String item, String verdict, boolean isFinal, int sequence) {
        String event = """
                {"id": "%s", "type": "OitItemReviewed", "version": 1, "occurredAt": "%s", "unitCode": "%s",
                 "roundId": "%s", "payload": {"roundId": "%s", "unitCode": "%s", "itemCode": "%s",
                 "verdict": "%s", "final": %s, "reviewedOn": "2026-11-20", "sequence": %d}}
                """.formatted(UUID.randomUUID(), Instant.now(), unit, round, round, unit, item, verdict, isFinal, sequence);
        EventContract.assertMatches("OitItemReviewed", event);
        return event;
    }

    JsonNode stored(UUID round) {
        String json = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> rows = em.createNativeQuery(
                    "SELECT CAST(sheet AS text) FROM unit_score WHERE round_id = :r AND unit_code = :u")
                    .setParameter("r", round).setParameter("u", SCHOOL).getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
        try {
            return json == null ? null : MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, UUID round) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            if (round != null) {
                query.setParameter("r", round);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    long scoreChanges(UUID round) {
        return count("SELECT count(*) FROM outbox_event WHERE type = 'UnitScoreChanged' AND payload->>'roundId' = CAST(:r AS text)", round);
    }

    static long received(JsonNode sheet, String instrument) {
        for (JsonNode s : sheet.path("samples")) {
            if (s.path("instrument").asText().equals(instrument)) {
                return s.path("received").asLong();
            }
        }
        return -1;
    }

    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void responsesAndFinalVerdictsBecomeTheUnitsScoreOnceEachAndRebuildGivesTheSameNumbers() throws Exception {
        UUID round = newRound();
        String first = UUID.randomUUID().toString();
        String poison = "this is not an event " + UUID.randomUUID();
        List<String> step = List.of("{\"i1\": \"4\", \"i4\": \"N\", \"i9\": \"4\"}", "{\"i1\": \"3\", \"i4\": \"Y\"}");
        KafkaTopics.sendAll("survey.responses", SCHOOL, List.of(
                released(first, round, "IIT", step, ""),
                released(first, round, "IIT", step, ""), // redelivered
                poison,
                oneResponse(round, "IIT", "{\"i1\": \"2\", \"zz99\": \"4\"}"),
                released(UUID.randomUUID().toString(), round, "EIT", List.of("{\"e1\": \"4\", \"e4\": \"N\"}"),
                        ", \"aFieldFromTheFuture\": {\"x\": 1}")));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode sheet = stored(round);
            return sheet != null && received(sheet, "IIT") == 3 && received(sheet, "EIT") == 1;
        });
        JsonNode sheet = stored(round);
        assertEquals(3L, scoreChanges(round), "one UnitScoreChanged per event applied, not one per response");
        assertEquals(0L, count("SELECT count(*) FROM score_input_event WHERE round_id = :r AND CAST(payload AS text) LIKE '%responseId%'", round),
                "no response id is kept beside the answers, not even one an old event carried");
        assertEquals(0L, count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'score_input_event' "
                + "AND (data_type LIKE 'timestamp%' AND column_name <> 'reviewed_at' OR column_default LIKE 'nextval%')", null),
                "no time or sequence orders the stored responses");
        assertEquals(66.67, sheet.path("questions").path("i1").asDouble(), 0.0001, "(100 + 67 + 33) / 3, the repeat not counted");
        assertEquals(50.0, sheet.path("questions").path("i4").asDouble(), 0.0001, "no = 100, yes = 0 on a wrongdoing item");
        assertEquals(0.0, sheet.path("questions").path("i9").asDouble(), 0.0001, "reverse item: 'very much' misuse = 0");
        assertTrue(sheet.path("provisional").asBoolean(), "24 staff need 24 IIT answers; OIT is unreviewed");
        // Three respondents: question means would come close to a person's answers, so the API leaves them out.
        given().when().get("/scores/rounds/" + round + "/units/" + SCHOOL).then().statusCode(200)
                .body("questions.i1", org.hamcrest.Matchers.nullValue())
                .body("questions.e1", org.hamcrest.Matchers.nullValue())
                .body("indicators.1", org.hamcrest.Matchers.notNullValue());

        var dead = KafkaTopics.awaitRecord("survey.responses.dlq.scoring", r -> poison.equals(r.value()), Duration.ofSeconds(30));
        assertEquals(SCHOOL, dead.key());

        List<String> reviews = new ArrayList<>();
        for (int i = 1; i <= 43; i++) {
            reviews.add(review(round, "O" + i, "PASSED", true, 1));
        }
        reviews.add(review(round, "O5", "FAILED", false, 2)); // a draft verdict does not count
        reviews.add(review(round, "O7", "FAILED", true, 2));
        reviews.add(review(round, "O7", "PASSED", true, 4)); // the newest final verdict wins …
        reviews.add(review(round, "O7", "FAILED", true, 3)); // … though an older one arrives after it
        KafkaTopics.sendAll("oit.reviews", SCHOOL, reviews);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode s = stored(round);
            return s.path("oitItemsPending").asInt() == 0 && s.path("instruments").path("OIT").asDouble() == 40.0;
        });

        var changed = KafkaTopics.awaitRecord("scores.changed",
                r -> r.value().contains(round.toString()) && r.value().matches("(?s).*\"OIT\": ?40\\.00.*"), Duration.ofSeconds(30));
        JsonNode event = MAPPER.readTree(changed.value());
        assertEquals("UnitScoreChanged", event.path("type").asText());
        assertEquals(SCHOOL, changed.key());
        assertEquals("OBEC-2566", event.path("payload").path("frameworkId").asText());
        assertEquals(100.0, event.path("payload").path("indicators").path("9").asDouble(), 0.0001);

        JsonNode before = stored(round);
        String shown = given().when().get("/scores/rounds/" + round + "/units/" + SCHOOL).then().statusCode(200).extract().asString();
        String rebuilt = given().when().post("/scores/rounds/" + round + "/units/" + SCHOOL + "/rebuild")
                .then().statusCode(200).extract().asString();
        assertEquals(MAPPER.readTree(shown), MAPPER.readTree(rebuilt),
                "a rebuild gives identical numbers and shows no more than a read: no question means of three respondents");
        assertEquals(before, stored(round));
        given().when().get("/scores/rounds/" + round + "/units/" + SCHOOL).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(before.path("total").floatValue()))
                // The sheet says which scheme rated it and why not the band above (OBEC-2566: AA–F, pass 85).
                .body("ratingExplained.scheme", org.hamcrest.Matchers.equalTo("BANDS"))
                .body("ratingExplained.reached", org.hamcrest.Matchers.equalTo(before.path("rating").asText()))
                .body("ratingExplained.steps.code", org.hamcrest.Matchers.hasItems("AA", "F"))
                .body("ratingExplained.text.th", org.hamcrest.Matchers.containsString("จึงได้ระดับ " + before.path("rating").asText()));
        // Five or more IIT respondents: question means are shown.
        long changesBefore = scoreChanges(round);
        KafkaTopics.sendAll("survey.responses", SCHOOL, List.of(released(UUID.randomUUID().toString(), round, "IIT",
                List.of("{\"i1\": \"4\"}", "{\"i1\": \"4\"}", "{\"i1\": \"4\"}"), "")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> received(stored(round), "IIT") == 6);
        assertEquals(changesBefore + 1, scoreChanges(round), "three responses in one step: one change, never three");
        given().when().get("/scores/rounds/" + round + "/units/" + SCHOOL).then().statusCode(200)
                .body("questions.i1", org.hamcrest.Matchers.equalTo(83.33f)) // (100 + 67 + 33 + 3 × 100) / 6
                .body("questions.e1", org.hamcrest.Matchers.nullValue());
    }

    /**
     * A response step and a review for one unit applied at the same moment, as the two consumer
     * threads do: the stored sheet must hold both, never the sheet of whichever committed last alone.
     */
    @Test
    void aResponseStepAndAReviewAtOnceBothCount() throws Exception {
        UUID round = newRound();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int i = 1; i <= 12; i++) {
                CyclicBarrier together = new CyclicBarrier(2);
                String step = released(UUID.randomUUID().toString(), round, "IIT",
                        List.of("{\"i1\": \"4\"}", "{\"i1\": \"3\"}", "{\"i1\": \"4\"}", "{\"i1\": \"2\"}", "{\"i1\": \"4\"}"), "");
                String verdict = review(round, "O" + i, "PASSED", true, 1);
                Future<Boolean> a = threads.submit(() -> {
                    together.await();
                    return intake.accept(ScoreInputs.RESPONSES, step);
                });
                Future<Boolean> b = threads.submit(() -> {
                    together.await();
                    return intake.accept(ScoreInputs.REVIEWS, verdict);
                });
                assertTrue(a.get() && b.get());

                JsonNode live = stored(round);
                assertEquals(5L * i, received(live, "IIT"), "after pair " + i + ": every IIT response counts");
                QuarkusTransaction.requiringNew().run(() -> scores.rebuild(AssessmentRound.findById(round), SCHOOL));
                assertEquals(stored(round), live, "after pair " + i + ": the live sheet is what the stored inputs give");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Issue 15: a whole round rebuilt from stored inputs equals the live sheets; one that drifted is found and mended. */
    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void aWholeRoundRebuiltEqualsTheLiveSheetsAndMendsOneThatDrifted() {
        UUID round = newRound();
        String other = "KALASIN2-S001";
        List<String> five = List.of("{\"i1\": \"4\"}", "{\"i1\": \"3\"}", "{\"i1\": \"4\"}", "{\"i1\": \"2\"}", "{\"i1\": \"1\"}");
        for (String unit : List.of(SCHOOL, other)) {
            assertTrue(intake.accept(ScoreInputs.RESPONSES, released(UUID.randomUUID().toString(), round, unit, "IIT", five, "")));
            assertTrue(intake.accept(ScoreInputs.REVIEWS, review(round, unit, "O1", "PASSED", true, 1)));
        }
        given().when().post("/scores/rounds/" + round + "/rebuild").then().statusCode(200)
                .body("units", is(2)).body("differed", empty());

        JsonNode live = QuarkusTransaction.requiringNew().call(() -> scores.stored(round, other));
        // A sheet that no longer matches its inputs (a lost update, a hand edit in the database):
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE unit_score SET sheet = jsonb_set(sheet, '{total}', '0'), total = 0 WHERE round_id = :r AND unit_code = :u")
                .setParameter("r", round).setParameter("u", other).executeUpdate());
        given().when().post("/scores/rounds/" + round + "/rebuild").then().statusCode(200)
                .body("units", is(2)).body("differed", contains(other));
        assertEquals(live, QuarkusTransaction.requiringNew().call(() -> scores.stored(round, other)), "mended to what its inputs give");
    }

    @Test
    @TestSecurity(user = "area.kalasin1", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN1"))
    void anotherAreasAdminCannotReadOrRebuildTheScore() {
        UUID round = newRound();
        given().when().get("/scores/rounds/" + round + "/units/" + SCHOOL).then().statusCode(403);
        given().when().post("/scores/rounds/" + round + "/units/" + SCHOOL + "/rebuild").then().statusCode(403);
        given().when().post("/scores/rounds/" + round + "/rebuild").then().statusCode(403);
        assertFalse(stored(round) != null);
    }
}
