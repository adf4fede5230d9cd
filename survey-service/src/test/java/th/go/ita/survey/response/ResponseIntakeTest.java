package th.go.ita.survey.response;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import th.go.ita.survey.support.Codes;
import th.go.ita.survey.support.Db;
import th.go.ita.survey.support.Respondent;
import th.go.ita.survey.support.ScoringEvents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
@TestSecurity(user = "admin", roles = "system-admin")
@OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
class ResponseIntakeTest {

    @Test
    void iitResponseIsStoredWithItsEventAndTheCodeIsSpentInOneGo() {
        ScoringEvents.World w = ScoringEvents.world(5);
        List<String> codes = Codes.generate(w.roundId(), w.school(), 2);

        Respondent.submit(Respondent.iit(w.roundId(), w.school(), codes.get(0)))
                .statusCode(201)
                .body("status", equalTo("received"))
                .body("receivedOn", equalTo(LocalDate.now(ZoneId.of("Asia/Bangkok")).toString()))
                .body("$", not(hasKey("responseId")));

        Map<String, Object> response = Db.rows("SELECT * FROM survey_response WHERE round_id = ?", w.roundId()).get(0);
        assertThat(response).containsEntry("unit_code", w.school()).containsEntry("instrument", "IIT")
                .containsEntry("framework_id", "TEST-FW").containsEntry("submitted_on", java.sql.Date.valueOf(LocalDate.now(ZoneId.of("Asia/Bangkok"))));
        assertThat(response.get("answers").toString()).contains("\"i1\": \"4\"");
        assertThat(Db.count("SELECT count(*) FROM access_code WHERE round_id = ? AND used", w.roundId())).isEqualTo(1);
        assertThat(response).containsEntry("released", false);
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE event_key = ?", w.school()))
                .as("a single answer waits for a step of others before anything leaves").isZero();
    }

    @Test
    void aCodeWorksOnceAndEveryWrongCodeIsExplainedInThaiAndEnglish() {
        ScoringEvents.World w = ScoringEvents.world(5);
        ScoringEvents.World other = ScoringEvents.world(5);
        List<String> codes = Codes.generate(w.roundId(), w.school(), 2);
        List<String> otherCodes = Codes.generate(other.roundId(), other.school(), 1);
        Respondent.submit(Respondent.iit(w.roundId(), w.school(), codes.get(0))).statusCode(201);

        Respondent.submit(Respondent.iit(w.roundId(), w.school(), codes.get(0))).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:code-used"))
                .body("detail", equalTo("รหัสนี้ถูกใช้ตอบแบบวัดไปแล้ว รหัสแต่ละรหัสใช้ได้เพียงครั้งเดียว"))
                .body("detail_en", equalTo("This code has already been used. Each code works only once."));
        Respondent.submit(Respondent.iit(w.roundId(), w.school(), "22222-22222")).statusCode(404)
                .body("type", equalTo("urn:ita:problem:code-unknown"));
        Respondent.submit(Respondent.iit(w.roundId(), w.school(), "O0I1-nonsense")).statusCode(404)
                .body("type", equalTo("urn:ita:problem:code-unknown"));
        Respondent.submit(Respondent.iit(w.roundId(), w.school(), otherCodes.get(0))).statusCode(409)
                .body("type", equalTo("urn:ita:problem:code-other-survey"));
        Map<String, Object> noCode = Respondent.iit(w.roundId(), w.school(), null);
        Respondent.submit(noCode).statusCode(400).body("type", equalTo("urn:ita:problem:code-required"));

        assertThat(Db.count("SELECT count(*) FROM survey_response WHERE round_id = ?", w.roundId())).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM access_code WHERE round_id = ? AND NOT used", other.roundId())).isEqualTo(1);
        // The code typed in lower case with spaces is the same code.
        Respondent.submit(Respondent.iit(w.roundId(), w.school(), " " + codes.get(1).toLowerCase().replace("-", " ") + " "))
                .statusCode(201);
    }

    @Test
    void aRetryWithTheSameSubmissionIdIsCountedOnce() {
        ScoringEvents.World w = ScoringEvents.world(5);
        String code = Codes.generate(w.roundId(), w.school(), 1).get(0);
        Map<String, Object> body = Respondent.iit(w.roundId(), w.school(), code);
        Respondent.submit(body).statusCode(201).body("status", equalTo("received"));
        Respondent.submit(body).statusCode(200).body("status", equalTo("already-received"));
        assertThat(Db.count("SELECT count(*) FROM survey_response WHERE round_id = ?", w.roundId())).isEqualTo(1);
        String stored = Db.rows("SELECT string_agg(encode(submission_hash, 'hex'), ' ') AS h FROM submission_seen").get(0).get("h").toString();
        assertThat(stored).doesNotContain(body.get("submissionId").toString().replace("-", ""));
    }

    @Test
    void closedWindowWrongRoundAndUnitOutsideTheRoundAreRefused() {
        ScoringEvents.World w = ScoringEvents.world(5);
        String code = Codes.generate(w.roundId(), w.school(), 1).get(0);
        ScoringEvents.round(w.roundId(), w.area(), "CLOSED", Instant.now().minus(9, ChronoUnit.DAYS), Instant.now().minusSeconds(60));
        Respondent.submit(Respondent.iit(w.roundId(), w.school(), code)).statusCode(409)
                .body("type", equalTo("urn:ita:problem:survey-closed"));
        Respondent.submit(Respondent.iit("no-such-round", w.school(), code)).statusCode(404)
                .body("type", equalTo("urn:ita:problem:round-not-found"));
        ScoringEvents.World other = ScoringEvents.world(5);
        Respondent.submit(Respondent.eit(w.roundId(), other.school())).statusCode(404)
                .body("type", equalTo("urn:ita:problem:unit-not-in-round"));
        assertThat(Db.count("SELECT count(*) FROM access_code WHERE round_id = ? AND used", w.roundId())).isZero();
    }

    @Test
    void answersMustMatchTheQuestionnaireExactly() {
        ScoringEvents.World w = ScoringEvents.world(5);
        String code = Codes.generate(w.roundId(), w.school(), 1).get(0);

        Map<String, Object> body = Respondent.iit(w.roundId(), w.school(), code);
        body.put("answers", Map.of("i1", "5", "i2", "3", "i3", "N", "zz", "4"));
        Respondent.submit(body).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:invalid-answers"))
                .body("errors.field", hasItem("answers.i1"))
                .body("errors.field", hasItem("answers.zz"))
                .body("errors.find { it.field == 'answers.i1' }.message_th", equalTo("ตัวเลือกนี้ไม่มีในข้อคำถาม"))
                .body("errors.find { it.field == 'answers.zz' }.message_en", equalTo("The questionnaire has no such question"));

        body.put("answers", Map.of("i1", "4", "i3", "Y"));
        Respondent.submit(body).statusCode(422)
                .body("errors.find { it.field == 'answers.i2' }.message_en", equalTo("This question must be answered"))
                .body("errors.field", not(hasItem("answers.i4")));

        body.put("answers", Map.of("i1", "4", "i2", "4", "i3", "Y"));
        body.put("instrument", "EIT");
        Respondent.submit(body).statusCode(422).body("errors.field", hasItem("answers.e1"));
        body.put("instrument", "OIT");
        Respondent.submit(body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("instrument"));

        assertThat(Db.count("SELECT count(*) FROM survey_response WHERE round_id = ?", w.roundId())).isZero();
        assertThat(Db.count("SELECT count(*) FROM access_code WHERE round_id = ? AND used", w.roundId())).isZero();
        // The optional question may be left out; the code still works after all those failures.
        body.put("instrument", "IIT");
        Respondent.submit(body).statusCode(201);
    }

    @Test
    void malformedMissingAndHugeBodiesAreProblemsNotErrors() {
        ScoringEvents.World w = ScoringEvents.world(5);
        given().contentType("application/json").body("{\"submissionId\": ").when().post("/responses")
                .then().statusCode(400).body("type", equalTo("urn:ita:problem:malformed-json"));
        given().contentType("application/json").when().post("/responses")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body(Map.of("roundId", w.roundId())).when().post("/responses")
                .then().statusCode(400).body("type", equalTo("urn:ita:problem:invalid-input"))
                .body("errors.field", hasItem("submissionId"));
        Map<String, Object> huge = Respondent.eit(w.roundId(), w.school());
        Map<String, String> answers = new HashMap<>(Respondent.FULL_EIT);
        answers.put("comment", "ก".repeat(70_000));
        huge.put("answers", answers);
        Respondent.submit(huge).statusCode(413);
        assertThat(Db.count("SELECT count(*) FROM survey_response WHERE round_id = ?", w.roundId())).isZero();
    }

    @Test
    void eitNeedsNoCodeAndKeepsOnlyAKnownRespondentCategory() {
        ScoringEvents.World w = ScoringEvents.world(5);
        Respondent.submit(Respondent.eit(w.roundId(), w.area())).statusCode(201);
        Map<String, Object> body = Respondent.eit(w.roundId(), w.area());
        body.put("respondentCategory", "ALIEN");
        Respondent.submit(body).statusCode(422).body("errors.field", hasItem("respondentCategory"));
        assertThat(Db.rows("SELECT respondent_category FROM survey_response WHERE round_id = ?", w.roundId()))
                .extracting(r -> r.get("respondent_category")).containsExactly("PARENT");
    }
}
