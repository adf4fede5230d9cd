package th.go.ita.survey;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

// Tokens here come from Quarkus' test security instead of Keycloak: Keycloak itself and the realm's
// claims are tested against the real server in deploy/embedded (EmbeddedKeycloakTest) and end to end.
@QuarkusTest
class MeResourceTest {

    @Test
    @TestSecurity(user = "unit.kalasin2", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void tokenRolesAndUnitScopeAreWhatTheServiceSees() {
        given().when().get("/me")
                .then().statusCode(200)
                .body("username", equalTo("unit.kalasin2"))
                .body("roles", contains("unit-admin"))
                .body("unitCode", equalTo("KALASIN2"));
    }
}
