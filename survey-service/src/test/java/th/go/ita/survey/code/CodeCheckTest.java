package th.go.ita.survey.code;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import th.go.ita.survey.support.Codes;
import th.go.ita.survey.support.Db;
import th.go.ita.survey.support.Respondent;
import th.go.ita.survey.support.ScoringEvents;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The check at code entry (issue 20): an anonymous oracle that answers usable or not, and nothing else. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "system-admin")
@OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
class CodeCheckTest {

    private static final int CODE_FAILURES_PER_HOUR = 30; // ita.intake.code-failures-per-hour's default

    static Response check(String address, String roundId, String unit, String code) {
        return given().header("X-Forwarded-For", address).contentType("application/json")
                .body(Map.of("roundId", roundId, "unitCode", unit, "code", code))
                .when().post("/access-codes/check");
    }

    @Test
    void aFreshCodeIsUsableAndUsedUnknownVoidForeignAndMistypedCodesGetTheSameAnswer() {
        ScoringEvents.World w = ScoringEvents.world(5);
        ScoringEvents.World other = ScoringEvents.world(5);
        List<String> codes = Codes.generate(w.roundId(), w.school(), 3);
        String foreign = Codes.generate(other.roundId(), other.school(), 1).get(0);
        Respondent.submit(Respondent.iit(w.roundId(), w.school(), codes.get(0))).statusCode(201);
        given().contentType("application/json").body(Map.of("codes", List.of(codes.get(2))))
                .when().post("/rounds/{r}/units/{u}/access-codes/void", w.roundId(), w.school()).then().statusCode(200);

        Response fresh = check(Respondent.newAddress(), w.roundId(), w.school(), codes.get(1));
        fresh.then().statusCode(200).contentType("application/json").header("Cache-Control", "no-store")
                .body("usable", equalTo(true));
        // Typed the way people type: lower case, spaces instead of the dash.
        check(Respondent.newAddress(), w.roundId(), w.school(), codes.get(1).toLowerCase().replace("-", " "))
                .then().statusCode(200).body("usable", equalTo(true));

        String used = check(Respondent.newAddress(), w.roundId(), w.school(), codes.get(0))
                .then().statusCode(200).extract().asString();
        String unknown = check(Respondent.newAddress(), w.roundId(), w.school(), "22222-22222")
                .then().statusCode(200).extract().asString();
        String voided = check(Respondent.newAddress(), w.roundId(), w.school(), codes.get(2))
                .then().statusCode(200).extract().asString();
        String ofAnotherSurvey = check(Respondent.newAddress(), w.roundId(), w.school(), foreign)
                .then().statusCode(200).extract().asString();
        String mistyped = check(Respondent.newAddress(), w.roundId(), w.school(), "O0I1-nonsense")
                .then().statusCode(200).extract().asString();
        assertThat(used).isEqualTo("{\"usable\":false}");
        assertThat(List.of(unknown, voided, ofAnotherSurvey, mistyped))
                .as("a used code is indistinguishable from one that never existed").containsOnly(used);
    }

    @Test
    void theCheckWritesNothingAndTheCodeStillAnswersAfterwards() {
        ScoringEvents.World w = ScoringEvents.world(5);
        String code = Codes.generate(w.roundId(), w.school(), 2).get(0);
        String before = stateOf(w);

        for (int i = 0; i < 3; i++) {
            check(Respondent.newAddress(), w.roundId(), w.school(), code).then().statusCode(200).body("usable", equalTo(true));
        }
        check(Respondent.newAddress(), w.roundId(), w.school(), "22222-22222").then().statusCode(200)
                .body("usable", equalTo(false));

        // xmin too: not even a row version of a code is rewritten by a check.
        assertThat(stateOf(w)).isEqualTo(before);
        Respondent.submit(Respondent.iit(w.roundId(), w.school(), code)).statusCode(201);
        check(Respondent.newAddress(), w.roundId(), w.school(), code).then().statusCode(200).body("usable", equalTo(false));
    }

    @Test
    void notUsableChecksAndWrongCodesAtSubmissionShareOnePerAddressLimit() {
        ScoringEvents.World w = ScoringEvents.world(5);
        String code = Codes.generate(w.roundId(), w.school(), 1).get(0);
        String address = Respondent.newAddress();
        for (int i = 0; i < CODE_FAILURES_PER_HOUR - 10; i++) {
            check(address, w.roundId(), w.school(), "22222-22222").then().statusCode(200).body("usable", equalTo(false));
        }
        for (int i = 0; i < 10; i++) {
            Respondent.submitFrom(address, Respondent.iit(w.roundId(), w.school(), "33333-33333")).statusCode(404);
        }

        check(address, w.roundId(), w.school(), code).then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:too-many-code-failures"))
                .body("detail", equalTo("กรอกรหัสผิดหลายครั้งเกินไป กรุณารอหนึ่งชั่วโมงแล้วลองใหม่"));
        Respondent.submitFrom(address, Respondent.iit(w.roundId(), w.school(), code)).statusCode(429)
                .body("type", equalTo("urn:ita:problem:too-many-code-failures"));
        // Another address is not held back, and usable checks never count.
        String teacher = Respondent.newAddress();
        for (int i = 0; i < CODE_FAILURES_PER_HOUR + 5; i++) {
            check(teacher, w.roundId(), w.school(), code).then().statusCode(200).body("usable", equalTo(true));
        }
        Respondent.submitFrom(teacher, Respondent.iit(w.roundId(), w.school(), code)).statusCode(201);
    }

    @Test
    void badInputAndClosedOrUnknownSurveysAreProblems() {
        ScoringEvents.World w = ScoringEvents.world(5);
        given().contentType("application/json").body("{\"code\": ").when().post("/access-codes/check")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:malformed-json"));
        given().contentType("application/json").when().post("/access-codes/check")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body(Map.of("roundId", w.roundId(), "unitCode", w.school()))
                .when().post("/access-codes/check")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:invalid-input"))
                .body("errors.field", hasItem("code"));
        check(Respondent.newAddress(), "no-such-round", w.school(), "22222-22222").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:ita:problem:round-not-found"));
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/access-codes/check'.post.responses.'200'.content.'application/json'.schema", org.hamcrest.Matchers.notNullValue());
    }

    /** Everything a check could have written: counts of the intake's tables and every code row's version. */
    private static String stateOf(ScoringEvents.World w) {
        return Db.rows("""
                SELECT (SELECT count(*) FROM survey_response WHERE round_id = ?) AS responses,
                       (SELECT count(*) FROM submission_seen) AS seen,
                       (SELECT count(*) FROM browser_token_spent) AS tokens,
                       (SELECT count(*) FROM outbox_event WHERE event_key = ?) AS outbox,
                       (SELECT string_agg(encode(code_hash, 'hex') || used || void || xmin::text, ',' ORDER BY code_hash)
                          FROM access_code WHERE round_id = ?) AS codes
                """, w.roundId(), w.school(), w.roundId()).toString();
    }
}
