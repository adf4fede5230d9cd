package th.go.ita.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
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

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every event this service writes matches the JSON Schema it publishes for other services (docs/events.md). */
@QuarkusTest
class EventContractTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    DemoDataLoader demo;

    @Inject
    UnitScores scores;

    @Inject
    EntityManager em;

    static JsonSchema schema(String type) throws Exception {
        try (InputStream in = EventContractTest.class.getClassLoader().getResourceAsStream("events/" + type + ".schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

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

        for (String type : List.of("UnitUpserted", "FrameworkPublished", "RoundUpserted", "UnitScoreChanged")) {
            JsonSchema schema = schema(type);
            @SuppressWarnings("unchecked")
            List<String> events = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "SELECT CAST(payload AS text) FROM outbox_event WHERE type = :t").setParameter("t", type).getResultList());
            assertTrue(!events.isEmpty(), "no " + type + " event was written");
            for (String event : events) {
                JsonNode node = MAPPER.readTree(event);
                Set<ValidationMessage> errors = schema.validate(node);
                assertEquals(Set.of(), errors, type + ": " + event.substring(0, Math.min(300, event.length())));
            }
        }
    }
}
