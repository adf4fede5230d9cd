package th.go.ita.platform.testing;

import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every service must do alike, checked the same way in each: a service's test extends this
 * with {@code @QuarkusTest} and names its own probes. Tokens come from Quarkus' test security; the
 * real Keycloak is tested in platform/embedded and end to end.
 */
public abstract class ServiceBasicsContract {

    /** A request that breaks the input rules at one field of a JSON body. */
    public record BadBody(String method, String path, String body, String field) {
    }

    /** {@code quarkus.application.name}, e.g. {@code survey-service}. */
    protected abstract String serviceName();

    /** The Thai title of the service that {@code /info} shows. */
    protected abstract String thaiTitle();

    /** A body with a field of the wrong JSON type (an object where a text or a date belongs). */
    protected abstract BadBody wrongTypedField();

    /** A body with a value outside an enumeration (a state, a phase, a kind). */
    protected abstract BadBody unknownEnumValue();

    /** A path whose parameter holds a NUL byte, written as {@code %00}. */
    protected abstract String pathWithNulByte();

    /** The platform's hostile-input corpus over every operation of this service's OpenAPI document. */
    @Test
    // A system-admin of the national root: input gets past every access check to the code that reads it.
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void brokenAndHostileInputOnEveryOperationGetsAProblemNeverA5xx() {
        HostileInputCorpus.assertNoServerErrorsAndOnlyProblems(serviceName());
    }

    /** The same operations without a token: refused 401 problem+json where the document says they are secured. */
    @Test
    void everyOperationWithoutATokenIsRefusedAsProblemOrPublic() {
        HostileInputCorpus.assertWithoutATokenEveryOperationIsRefusedOrPublic(serviceName());
    }

    /**
     * A Buddhist-era year typed into a Gregorian date field (2569 for 2026), on every operation whose
     * body has a date: refused with its own problem type, saying in Thai which year to type.
     */
    @Test
    @TestSecurity(user = "probe", roles = {"system-admin", "area-admin", "unit-admin", "evidence-editor",
            "activity-editor", "auditor"})
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void aBuddhistEraYearInADateFieldIsItsOwnProblemSayingWhatToType() {
        HostileInputCorpus.assertBuddhistEraDatesAreNamed(serviceName());
    }

    @Test
    void infoNamesTheServiceAndItsVersionWithoutLogin() {
        given().when().get("/info")
                .then().statusCode(200)
                .body("service", equalTo(serviceName()))
                .body("version", equalTo("0.1.0-SNAPSHOT"))
                .body("title.th", equalTo(thaiTitle()));
    }

    @Test
    void readinessChecksTheDatabaseAndSaysHowEventDeliveryStandsWithoutDependingOnKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.find { it.name.startsWith('Event delivery') }.data.broker", equalTo("answering"))
                // A Kafka outage must not take the service off a load balancer: the outbox rides it out.
                .body("checks.name", not(hasItem(containsString("Kafka"))));
    }

    @Test
    void openApiDocumentDescribesTheEndpoints() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("ITA Online - " + serviceName()))
                .body("paths", hasKey("/me"))
                .body("paths", hasKey("/outbox/parked"));
    }

    @Test
    void prometheusMetricsIncludeTheOutboxRelay() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("ita_outbox_published_total"))
                .body(containsString("ita_outbox_parked_total"));
    }

    @Test
    void anEndpointWithoutASecurityAnnotationIsRefused() {
        assertEquals(Boolean.TRUE, ConfigProvider.getConfig()
                .getValue("quarkus.security.jaxrs.deny-unannotated-endpoints", Boolean.class));
    }

    @Test
    void unknownPathIsAProblemDocumentInThaiByDefault() {
        given().when().get("/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:not-found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("ไม่พบสิ่งที่ร้องขอ"))
                .body("detail_en", equalTo("Nothing was found at this address."));
    }

    @Test
    void englishIsUsedWhenTheCallerPrefersIt() {
        given().header("Accept-Language", "en-US,en;q=0.9").when().get("/no-such-thing")
                .then().statusCode(404)
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("Nothing was found at this address."))
                .body("detail_th", equalTo("ไม่พบสิ่งที่ร้องขอ"));
    }

    @Test
    void protectedEndpointWithoutTokenIsRefusedAsProblem() {
        given().when().get("/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:unauthorized"))
                .body("instance", startsWith("/me"));
    }

    @Test
    @TestSecurity(user = "unit.kalasin2", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void meIsWhatTheTokenSaysRolesAndUnitScope() {
        given().when().get("/me")
                .then().statusCode(200)
                .body("username", equalTo("unit.kalasin2"))
                .body("roles", hasItem("unit-admin"))
                .body("unitCode", equalTo("KALASIN2"));
    }

    @Test
    @TestSecurity(user = "unit.kalasin2", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void aRoleThatMayNotIsRefusedAsProblemInBothLanguages() {
        given().when().get("/outbox/parked")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:forbidden"))
                .body("detail_th", not(emptyOrNullString()))
                .body("detail_en", not(emptyOrNullString()));
    }

    // Every role at once, so the request passes the role check of any endpoint and reaches the
    // reading of its body: what is tested is the answer to the body, not who may send it.
    @Test
    @TestSecurity(user = "probe", roles = {"system-admin", "area-admin", "unit-admin", "evidence-editor",
            "activity-editor", "auditor"})
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void aFieldOfTheWrongTypeIsAProblemNamingTheField() {
        assertInvalidField(wrongTypedField());
    }

    @Test
    @TestSecurity(user = "probe", roles = {"system-admin", "area-admin", "unit-admin", "evidence-editor",
            "activity-editor", "auditor"})
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void anUnknownEnumValueIsAProblemNamingTheField() {
        assertInvalidField(unknownEnumValue());
    }

    @Test
    @TestSecurity(user = "probe", roles = {"system-admin", "area-admin", "unit-admin", "evidence-editor",
            "activity-editor", "auditor"})
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void aNulByteInAPathParameterIsAProblemNotAServerError() {
        given().urlEncodingEnabled(false).when().get(pathWithNulByte())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:invalid-characters"))
                .body("detail_en", not(emptyOrNullString()));
    }

    private static void assertInvalidField(BadBody probe) {
        given().contentType(ContentType.JSON).body(probe.body())
                .when().request(probe.method(), probe.path())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:invalid-input"))
                .body("detail_th", not(emptyOrNullString()))
                .body("detail_en", not(emptyOrNullString()))
                .body("errors.field", hasItem(probe.field()));
    }
}
