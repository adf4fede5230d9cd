package th.go.ita.survey.support;

import io.restassured.response.ValidatableResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/**
 * A respondent's phone: posts answers the way the web app does, from its own (made-up) address so
 * the per-address rate limit of one test does not throttle another.
 */
public final class Respondent {

    public static final Map<String, String> FULL_IIT = Map.of("i1", "4", "i2", "3", "i3", "N", "i4", "2");
    public static final Map<String, String> FULL_EIT = Map.of("e1", "4", "e2", "N");

    private Respondent() {
    }

    public static String newAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    public static Map<String, Object> iit(String roundId, String unit, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("submissionId", UUID.randomUUID().toString());
        body.put("roundId", roundId);
        body.put("unitCode", unit);
        body.put("instrument", "IIT");
        body.put("code", code);
        body.put("answers", FULL_IIT);
        return body;
    }

    public static Map<String, Object> eit(String roundId, String unit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("submissionId", UUID.randomUUID().toString());
        body.put("roundId", roundId);
        body.put("unitCode", unit);
        body.put("instrument", "EIT");
        body.put("answers", FULL_EIT);
        body.put("respondentCategory", "PARENT");
        body.put("browserToken", browserToken(roundId, unit));
        return body;
    }

    /** What the web app asks for when the EIT page opens; null when the survey cannot be answered. */
    public static String browserToken(String roundId, String unit) {
        var response = given().header("X-Forwarded-For", newAddress())
                .when().post("/rounds/{r}/units/{u}/browser-token", roundId, unit);
        return response.statusCode() == 200 ? response.jsonPath().getString("browserToken") : null;
    }

    public static ValidatableResponse submit(Object body) {
        return submitFrom(newAddress(), body);
    }

    public static ValidatableResponse submitFrom(String address, Object body) {
        return given().header("X-Forwarded-For", address).contentType("application/json").body(body)
                .when().post("/responses").then();
    }
}
