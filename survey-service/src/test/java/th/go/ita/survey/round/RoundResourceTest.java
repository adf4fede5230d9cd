package th.go.ita.survey.round;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import th.go.ita.survey.support.ScoringEvents;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RoundResourceTest {

    @Test
    @TestSecurity(user = "unit.kalasin2", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void staffSeeTheRoundsScoringAnnounced() {
        ScoringEvents.World w = ScoringEvents.world(3);
        given().when().get("/rounds")
                .then().statusCode(200)
                .body("find { it.id == '" + w.roundId() + "' }.state", equalTo("OPEN"))
                .body("find { it.id == '" + w.roundId() + "' }.scopeUnitCode", equalTo(w.area()))
                .body("find { it.id == '" + w.roundId() + "' }.fiscalYear", equalTo(2569));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void otherRolesDoNot() {
        given().when().get("/rounds").then().statusCode(403);
    }
}
