package th.go.ita.scoring;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import th.go.ita.platform.testing.HostileInputCorpus;

/** The platform's hostile-input corpus over every operation of this service's OpenAPI document. */
@QuarkusTest
class HostileInputTest {

    // A system-admin of the national root: input gets past every access check to the code that reads it.
    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void brokenAndHostileInputOnEveryOperationGetsAProblemNeverA5xx() {
        HostileInputCorpus.assertNoServerErrorsAndOnlyProblems("scoring-service");
    }
}
