package th.go.ita.survey.eit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import th.go.ita.survey.support.Db;
import th.go.ita.survey.support.Respondent;
import th.go.ita.survey.support.ScoringEvents;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class EitLinkTest {

    static final String AREA = "EIT-AREA";
    static final String SCHOOL = "EIT-AREA-S1";
    static final String OTHER = "EIT-OTHER";

    static String openRound() {
        ScoringEvents.unit(AREA, "OBEC", "/OBEC/" + AREA + "/", 40, 1000);
        ScoringEvents.unit(SCHOOL, AREA, "/OBEC/" + AREA + "/" + SCHOOL + "/", 7, 300);
        ScoringEvents.unit(OTHER, "OBEC", "/OBEC/" + OTHER + "/", 9, 300);
        return ScoringEvents.round("OBEC", "OPEN", Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(9, ChronoUnit.DAYS));
    }

    @Test
    @TestSecurity(user = "unit.school", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = SCHOOL))
    void unitAdminGetsOneStableOpaqueLinkWithQrImagesAnyoneCanOpen() throws Exception {
        String round = openRound();
        String token = given().when().get("/rounds/{r}/units/{u}/eit-link", round, SCHOOL)
                .then().statusCode(200)
                .body("url", startsWith("http://localhost:8080/e/"))
                .extract().path("token");
        assertThat(token).doesNotContain(SCHOOL).doesNotContain(round).hasSize(20);
        given().when().get("/rounds/{r}/units/{u}/eit-link", round, SCHOOL)
                .then().body("token", equalTo(token));

        given().when().get("/links/{t}", token).then().statusCode(200)
                .body("roundId", equalTo(round)).body("unitCode", equalTo(SCHOOL));
        String svg = given().when().get("/links/{t}/qr.svg", token).then().statusCode(200)
                .contentType("image/svg+xml").extract().asString();
        assertThat(svg).contains("<svg").contains("<path d=\"M");
        byte[] png = given().when().get("/links/{t}/qr.png", token).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isGreaterThan(200);
        given().when().get("/links/{t}", "not-a-link").then().statusCode(404)
                .body("type", equalTo("urn:ita:problem:link-not-found"));

        given().when().get("/rounds/{r}/units/{u}/eit-link", round, OTHER).then().statusCode(403);
    }

    @Test
    void oneBrowserAnswersOnceAndARetryIsCountedOnce() {
        String round = openRound();
        String token = Respondent.browserToken(round, SCHOOL);
        Map<String, Object> first = Respondent.eit(round, SCHOOL);
        first.put("browserToken", token);
        Respondent.submit(first).statusCode(201);
        Respondent.submit(first).statusCode(200).body("status", equalTo("already-received"));

        Map<String, Object> again = Respondent.eit(round, SCHOOL);
        again.put("browserToken", token);
        Respondent.submit(again).statusCode(409).body("type", equalTo("urn:ita:problem:browser-already-answered"));

        Map<String, Object> none = Respondent.eit(round, SCHOOL);
        none.remove("browserToken");
        Respondent.submit(none).statusCode(400).body("type", equalTo("urn:ita:problem:browser-token-required"));
        Map<String, Object> forged = Respondent.eit(round, SCHOOL);
        String genuine = (String) forged.get("browserToken");
        // Always a different first character: the old "replace with A" left a token that began with
        // A unchanged (about 1 run in 64), and that genuine token was then rightly accepted.
        forged.put("browserToken", (genuine.charAt(0) == 'A' ? "B" : "A") + genuine.substring(1));
        Respondent.submit(forged).statusCode(400).body("type", equalTo("urn:ita:problem:browser-token-invalid"));
        Map<String, Object> otherUnit = Respondent.eit(round, SCHOOL);
        otherUnit.put("browserToken", Respondent.browserToken(round, AREA));
        Respondent.submit(otherUnit).statusCode(400).body("type", equalTo("urn:ita:problem:browser-token-invalid"));

        assertThat(Db.count("SELECT count(*) FROM survey_response WHERE round_id = ?", round)).isEqualTo(1);
        assertThat(Db.rows("SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_response'"))
                .extracting(r -> r.get("column_name")).doesNotContain("browser_token", "token_hash");
    }

    @Test
    void oneAddressSendingTooFastIsSlowedDownWithoutSlowingOthers() {
        String round = openRound();
        String address = Respondent.newAddress();
        int refused = 0;
        for (int i = 0; i < 61; i++) {
            int status = Respondent.submitFrom(address, Respondent.eit("no-such-round", SCHOOL)).extract().statusCode();
            if (status == 429) {
                refused++;
            }
        }
        assertThat(refused).isEqualTo(1);
        Respondent.submitFrom(address, Respondent.eit(round, SCHOOL)).statusCode(429)
                .body("type", equalTo("urn:ita:problem:too-many-submissions"))
                .body("detail_en", equalTo("Too many submissions from your connection. Please wait a moment and try again."));
        Respondent.submitFrom(Respondent.newAddress(), Respondent.eit(round, SCHOOL)).statusCode(201);
    }

    @Test
    @TestSecurity(user = "unit.school", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = SCHOOL))
    void slipQrCodesAreMadeFromTheBodyForStaffOnly() {
        given().contentType("application/json")
                .body(Map.of("texts", java.util.List.of("http://localhost:8080/s/R/U/iit#code=22222-33333", "x")))
                .when().post("/qr")
                .then().statusCode(200)
                .body("svgs.size()", equalTo(2))
                .body("svgs[0]", org.hamcrest.Matchers.containsString("<svg"));
        given().contentType("application/json").body(Map.of("texts", java.util.List.of()))
                .when().post("/qr").then().statusCode(400);
    }

    @Test
    void slipQrCodesNeedALogin() {
        given().contentType("application/json").body(Map.of("texts", java.util.List.of("x")))
                .when().post("/qr").then().statusCode(401);
    }
}
