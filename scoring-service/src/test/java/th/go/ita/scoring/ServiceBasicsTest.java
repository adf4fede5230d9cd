package th.go.ita.scoring;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import th.go.ita.platform.testing.ServiceBasicsContract;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
class ServiceBasicsTest extends ServiceBasicsContract {

    @Override
    protected String serviceName() {
        return "scoring-service";
    }

    @Override
    protected String thaiTitle() {
        return "ระบบคำนวณคะแนนและหน่วยงาน";
    }

    // A round's window given as an object: this used to answer a bare 400 without a problem document.
    @Override
    protected BadBody wrongTypedField() {
        return new BadBody("POST", "/rounds", """
                {"name": "probe", "fiscalYear": 2566, "frameworkId": "OBEC-2566", "frameworkVersion": 1,
                 "scopeUnitCode": "OBEC", "correctionClosesAt": {}}""", "correctionClosesAt");
    }

    // The body is read before the round is looked up, so any id reaches the enum.
    @Override
    protected BadBody unknownEnumValue() {
        return new BadBody("POST", "/rounds/" + UUID.randomUUID() + "/state", "{\"state\": \"NO_SUCH_VALUE\"}", "state");
    }

    @Override
    protected String pathWithNulByte() {
        return "/units/OBEC%00X";
    }

    @Test
    void openApiDocumentDescribesTheUnitEndpoints() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/units/{code}"));
    }
}
