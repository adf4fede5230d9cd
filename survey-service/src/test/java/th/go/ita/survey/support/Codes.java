package th.go.ita.survey.support;

import java.util.List;

import static io.restassured.RestAssured.given;

/** Generates codes through the staff endpoint; call from a test running as a staff member. */
public final class Codes {

    private Codes() {
    }

    public static List<String> generate(String roundId, String unit, int count) {
        return given().contentType("application/json").body("{\"count\":" + count + "}")
                .when().post("/rounds/{r}/units/{u}/access-codes", roundId, unit)
                .then().statusCode(201)
                .extract().jsonPath().getList("codes", String.class);
    }
}
