package th.go.ita.survey;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ServiceBasicsTest {

    /**
     * Quarkus resolves a trusted-proxy entry that is not an IPv4 address or a CIDR range as a host
     * name, during the request: with "0:0:0:0:0:0:0:1" (host "0:0:0:0:0:0:0", port 1) every
     * submission waited up to the DNS timeout (5 s) before it was even read.
     */
    @Test
    void trustedProxiesAreAddressesThatNeedNoDnsLookup() {
        String[] entries = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.proxy.trusted-proxies", String.class).split(",");
        for (String entry : entries) {
            org.junit.jupiter.api.Assertions.assertTrue(
                    entry.matches("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?") || entry.matches("[0-9a-fA-F:]+/\\d{1,3}"),
                    "an IPv4 address or a CIDR range, not something Quarkus would look up in DNS: " + entry);
        }
    }

    @Test
    void infoNamesTheServiceAndItsVersionWithoutLogin() {
        given().when().get("/info")
                .then().statusCode(200)
                .body("service", equalTo("survey-service"))
                .body("version", equalTo("0.1.0-SNAPSHOT"))
                .body("title.th", equalTo("ระบบแบบวัด IIT และ EIT"));
    }

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void openApiDocumentDescribesTheEndpoints() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("ITA Online - survey-service"))
                .body("paths", org.hamcrest.Matchers.hasKey("/me"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
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
}
