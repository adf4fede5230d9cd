package th.go.ita.scoring;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import th.go.ita.scoring.demo.DemoDataLoader;
import th.go.ita.scoring.round.AssessmentRound;
import th.go.ita.scoring.score.UnitScores;
import th.go.ita.platform.testing.EventContract;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every event this service writes matches the JSON Schema its consumers check their fixtures against (docs/events/). */
@QuarkusTest
class EventContractTest {

    @Inject
    DemoDataLoader demo;

    @Inject
    UnitScores scores;

    @Inject
    EntityManager em;

    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void everyEventWrittenMatchesItsPublishedSchema() throws Exception {
        demo.load();
        String round = given().contentType("application/json").body(Map.of("name", "contract", "fiscalYear", 2566,
                        "frameworkId", "OBEC-2566", "frameworkVersion", 1, "scopeUnitCode", "KALASIN2",
                        "surveyOpensAt", "2026-06-01T00:00:00Z", "surveyClosesAt", "2026-07-01T00:00:00Z"))
                .when().post("/rounds").then().statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() ->
                scores.recompute(AssessmentRound.findById(UUID.fromString(round)), "KALASIN2-S003"));

        for (String type : List.of("UnitUpserted", "FrameworkPublished", "RoundUpserted", "UnitScoreChanged",
                "OfficialResultChanged")) {
            @SuppressWarnings("unchecked")
            List<String> events = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "SELECT CAST(payload AS text) FROM outbox_event WHERE type = :t").setParameter("t", type).getResultList());
            assertTrue(!events.isEmpty(), "no " + type + " event was written");
            for (String event : events) {
                EventContract.assertMatches(type, event);
            }
        }
    }
}
