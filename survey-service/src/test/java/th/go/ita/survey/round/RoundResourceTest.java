package th.go.ita.survey.round;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import th.go.ita.survey.support.ScoringEvents;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class RoundResourceTest {

    // Fixed codes: the caller's unit comes from a claim written in an annotation.
    private static final String AREA = "RNDVIS-AREA";
    private static final String SCHOOL = "RNDVIS-AREA-S1";
    private static final String OTHER_AREA = "RNDVIS-OTHER";

    private static String openRound(String scope) {
        ScoringEvents.unit(AREA, null, "/OBEC/" + AREA + "/", 40, 2000);
        ScoringEvents.unit(SCHOOL, AREA, "/OBEC/" + AREA + "/" + SCHOOL + "/", 12, 300);
        ScoringEvents.unit(OTHER_AREA, null, "/OBEC/" + OTHER_AREA + "/", 40, 2000);
        return ScoringEvents.round(scope, "OPEN", Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(30, ChronoUnit.DAYS));
    }

    @Test
    @TestSecurity(user = "unit.rndvis-school", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = SCHOOL))
    void aSchoolSeesTheRoundOfItsAreaButNotAnotherAreasRound() {
        String areaRound = openRound(AREA);
        String otherRound = openRound(OTHER_AREA);
        given().when().get("/rounds")
                .then().statusCode(200)
                .body("find { it.id == '" + areaRound + "' }.state", equalTo("OPEN"))
                .body("find { it.id == '" + areaRound + "' }.scopeUnitCode", equalTo(AREA))
                .body("find { it.id == '" + areaRound + "' }.fiscalYear", equalTo(2569))
                .body("id", not(hasItem(otherRound)));
    }

    @Test
    @TestSecurity(user = "area.rndvis", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = AREA))
    void anAreaAdminSeesItsOwnAndItsSchoolsRoundsButNotAnotherAreas() {
        String areaRound = openRound(AREA);
        String schoolRound = openRound(SCHOOL);
        String otherRound = openRound(OTHER_AREA);
        given().when().get("/rounds")
                .then().statusCode(200)
                .body("id", hasItem(areaRound))
                .body("id", hasItem(schoolRound))
                .body("id", not(hasItem(otherRound)));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void otherRolesDoNot() {
        given().when().get("/rounds").then().statusCode(403);
    }
}
