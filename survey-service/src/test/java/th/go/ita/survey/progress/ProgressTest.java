package th.go.ita.survey.progress;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import th.go.ita.survey.response.ResponseRelease;
import th.go.ita.survey.support.Respondent;
import th.go.ita.survey.support.ScoringEvents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ProgressTest {

    static final String AREA = "PROG-AREA";
    static final String SCHOOL = "PROG-AREA-S1";
    static final String TINY = "PROG-AREA-S2";
    static final String OTHER = "PROG-OTHER";

    static String openRound() {
        ScoringEvents.unit(AREA, "OBEC", "/OBEC/" + AREA + "/", 67, 5000);
        ScoringEvents.unit(SCHOOL, AREA, "/OBEC/" + AREA + "/" + SCHOOL + "/", 12, 450);
        ScoringEvents.unit(TINY, AREA, "/OBEC/" + AREA + "/" + TINY + "/", 3, 20);
        ScoringEvents.unit(OTHER, "OBEC", "/OBEC/" + OTHER + "/", 9, 300);
        return ScoringEvents.round(AREA, "OPEN", Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(9, ChronoUnit.DAYS));
    }

    @Inject
    ResponseRelease release;

    /**
     * The diff attack of the threat model: the unit-admin who handed out the slips reads the counts
     * before and after a colleague answers. No single answer moves them; a step of five does.
     */
    @Test
    @TestSecurity(user = "unit.school", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = SCHOOL))
    void progressMovesOnlyInStepsCountsAgainstTheSampleAndHidesSmallGroups() {
        String round = openRound();
        String before = given().when().get("/rounds/{r}/units/{u}/progress", round, SCHOOL)
                .then().statusCode(200).body("releaseStep", equalTo(5)).extract().asString();
        for (int i = 0; i < 4; i++) {
            Respondent.submit(Respondent.eit(round, SCHOOL)).statusCode(201);
            release.releaseDue(LocalDate.now(ZoneId.of("Asia/Bangkok")));
            assertThat(given().when().get("/rounds/{r}/units/{u}/progress", round, SCHOOL).then().statusCode(200)
                    .extract().asString()).as("progress after answer %d", i + 1).isEqualTo(before);
        }
        given().when().get("/rounds/{r}/units/{u}/progress", round, SCHOOL)
                .then().statusCode(200)
                .body("instruments.find { it.instrument == 'IIT' }.required", equalTo(12))
                .body("instruments.find { it.instrument == 'IIT' }.received", equalTo(0))
                .body("instruments.find { it.instrument == 'EIT' }.required", equalTo(45))
                .body("instruments.find { it.instrument == 'EIT' }.received", equalTo(0))
                .body("instruments.find { it.instrument == 'EIT' }.breakdownHidden", equalTo(true))
                .body("instruments.find { it.instrument == 'EIT' }.questions", nullValue());

        Map<String, Object> fifth = Respondent.eit(round, SCHOOL);
        fifth.put("answers", Map.of("e1", "1", "e2", "Y"));
        Respondent.submit(fifth).statusCode(201);
        release.releaseDue(LocalDate.now(ZoneId.of("Asia/Bangkok")));
        given().when().get("/rounds/{r}/units/{u}/progress", round, SCHOOL)
                .then().statusCode(200)
                .body("instruments.find { it.instrument == 'EIT' }.received", equalTo(5))
                .body("instruments.find { it.instrument == 'EIT' }.breakdownHidden", equalTo(false))
                .body("instruments.find { it.instrument == 'EIT' }.questions.e1.'4'", equalTo(4))
                .body("instruments.find { it.instrument == 'EIT' }.questions.e1.'1'", equalTo(1));

        given().when().get("/rounds/{r}/units/{u}/progress", round, AREA).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "area", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = AREA))
    void areaAdminSeesEveryUnitOfTheSubtreeWithItsRequiredSample() {
        String round = openRound();
        given().when().get("/rounds/{r}/progress", round)
                .then().statusCode(200)
                .body("unitCode", equalTo(java.util.List.of(AREA, SCHOOL, TINY)))
                .body("find { it.unitCode == 'PROG-AREA' }.instruments.find { it.instrument == 'IIT' }.required", equalTo(25))
                .body("find { it.unitCode == 'PROG-AREA' }.instruments.find { it.instrument == 'EIT' }.required", equalTo(400))
                .body("find { it.unitCode == 'PROG-AREA-S2' }.instruments.find { it.instrument == 'IIT' }.required", equalTo(3))
                .body("find { it.unitCode == 'PROG-AREA-S2' }.instruments.find { it.instrument == 'EIT' }.required", equalTo(20))
                .body("instruments.flatten().questions", hasItem(nullValue()));
        given().when().get("/rounds/{r}/units/{u}/progress", round, OTHER).then().statusCode(403);
    }
}
