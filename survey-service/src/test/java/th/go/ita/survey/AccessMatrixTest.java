package th.go.ita.survey;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import th.go.ita.platform.testing.access.AccessMatrix;
import th.go.ita.platform.testing.access.AccessMatrix.Request;
import th.go.ita.platform.testing.access.SignedTokens;
import th.go.ita.survey.support.Codes;
import th.go.ita.survey.support.Respondent;
import th.go.ita.survey.support.ScoringEvents;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Every operation × every role × own unit / subtree / parent / another area, and the three callers
 * without a usable token, against docs/access/survey-service.md. A fresh tree (root › area › school,
 * root › other area) in one open round over the root; each unit has an EIT link, an unused IIT code
 * and an open own survey with public results. The respondent operations are public by design: the
 * table shows they answer every caller alike, so a token can neither open nor mark an answer.
 * Each respondent request comes from an address of its own, as different people's would.
 */
@QuarkusTest
@QuarkusTestResource(SignedTokens.class)
class AccessMatrixTest {

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String root = "SR-" + suffix;
        String area = "SA-" + suffix;
        String school = "SA-" + suffix + "-S1";
        String other = "SB-" + suffix;
        ScoringEvents.unit(root, null, "/" + root + "/", 10, 100);
        ScoringEvents.unit(area, root, "/" + root + "/" + area + "/", 40, 1000);
        ScoringEvents.unit(school, area, "/" + root + "/" + area + "/" + school + "/", 20, 300);
        ScoringEvents.unit(other, root, "/" + root + "/" + other + "/", 30, 500);
        String round = ScoringEvents.round(root, "OPEN", Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(30, ChronoUnit.DAYS));

        AccessMatrix.of("survey-service", new AccessMatrix.Tree(root, area, school, other))
                .parameters(unit -> AccessMatrix.asSystemAdmin(root, () -> fixtures(round, unit)))
                .platformOperations("rounds")
                .request("GET /rounds/{roundId}/questionnaires/{instrument}", unit -> Request.query("unit=" + unit))
                .request("POST /rounds/{roundId}/units/{unitCode}/browser-token", unit -> fromAnAddressOfItsOwn(
                        Request.path("/rounds/" + round + "/units/" + unit + "/browser-token")))
                .request("POST /responses", unit -> fromAnAddressOfItsOwn(Request.json(Respondent.eit(round, unit))))
                .request("POST /access-codes/check", unit -> fromAnAddressOfItsOwn(Request.json(Map.of(
                        "roundId", round, "unitCode", unit, "code", AccessMatrix.asSystemAdmin(root,
                                () -> Codes.generate(round, unit, 1).get(0))))))
                .request("POST /own-surveys/{token}/responses", unit -> fromAnAddressOfItsOwn(Request.json(Map.of(
                        "submissionId", UUID.randomUUID().toString(), "answers", Map.of("q1", "4", "q2", "1")))))
                .request("POST /qr", unit -> Request.json(Map.of("texts", List.of("https://ita.example/s/" + unit))))
                .request("POST /rounds/{roundId}/units/{unitCode}/access-codes", unit -> Request.json(Map.of("count", 1))
                        .withPath("/rounds/" + round + "/units/" + unit + "/access-codes"))
                .request("POST /rounds/{roundId}/units/{unitCode}/access-codes/void", unit -> Request.json(Map.of("codes",
                        AccessMatrix.asSystemAdmin(root, () -> Codes.generate(round, unit, 1))))
                        .withPath("/rounds/" + round + "/units/" + unit + "/access-codes/void"))
                .request("POST /units/{unitCode}/own-surveys", unit -> Request.json(survey()))
                // A survey changes only while a draft: each call gets a draft of its own.
                .request("PUT /units/{unitCode}/own-surveys/{id}", unit -> Request.json(survey())
                        .withPath("/units/" + unit + "/own-surveys/" + AccessMatrix.asSystemAdmin(root, () -> draft(unit))))
                .request("POST /units/{unitCode}/own-surveys/{id}/state", unit -> Request.json(Map.of("state", "OPEN"))
                        .withPath("/units/" + unit + "/own-surveys/" + AccessMatrix.asSystemAdmin(root, () -> draft(unit)) + "/state"))
                .request("PUT /units/{unitCode}/own-surveys/{id}/results-public", unit -> Request.json(Map.of("resultsPublic", true)))
                .assertMatchesTable();
    }

    private static Request fromAnAddressOfItsOwn(Request request) {
        String address = Respondent.newAddress();
        return new Request(request.path(), request.query(), request.body(), r -> r.header("X-Forwarded-For", address));
    }

    /** The path parameters of one unit's fixtures: its EIT link and an open own survey with public results. */
    private static Map<String, String> fixtures(String round, String unit) {
        String link = given().get("/rounds/" + round + "/units/" + unit + "/eit-link").then().statusCode(200)
                .extract().path("token");
        String survey = draft(unit);
        given().contentType("application/json").body(Map.of("state", "OPEN"))
                .post("/units/" + unit + "/own-surveys/" + survey + "/state").then().statusCode(200);
        given().contentType("application/json").body(Map.of("resultsPublic", true))
                .put("/units/" + unit + "/own-surveys/" + survey + "/results-public").then().statusCode(200);
        String publicUrl = given().get("/units/" + unit + "/own-surveys/" + survey).then().statusCode(200)
                .extract().path("publicUrl");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("roundId", round);
        values.put("unitCode", unit);
        values.put("instrument", "EIT");
        values.put("links/{token}", link);
        values.put("own-surveys/{token}", publicUrl.substring(publicUrl.lastIndexOf('/') + 1));
        values.put("own-surveys/{id}", survey);
        values.put("channel", "rounds");
        return values;
    }

    private static String draft(String unit) {
        return given().contentType("application/json").body(survey()).post("/units/" + unit + "/own-surveys")
                .then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> survey() {
        return Map.of("titleTh", "ความพึงพอใจต่อการให้บริการ (ทดสอบ)", "questions", List.of(
                Map.of("type", "LIKERT_5", "textTh", "ความพึงพอใจโดยรวม", "required", true),
                Map.of("type", "SINGLE_CHOICE", "textTh", "กลุ่มงานที่ติดต่อ", "required", true,
                        "options", List.of(Map.of("labelTh", "กลุ่มอำนวยการ"), Map.of("labelTh", "กลุ่มนโยบายและแผน")))));
    }
}
