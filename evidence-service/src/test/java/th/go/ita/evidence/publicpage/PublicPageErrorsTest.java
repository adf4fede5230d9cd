package th.go.ita.evidence.publicpage;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The public disclosure pages are opened from printouts and links by people: a wrong address
 * there is a page in Thai and English for a browser, and problem+json for a program asking JSON.
 */
@QuarkusTest
class PublicPageErrorsTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void aBrowserGetsAThaiAndEnglishPageForAWrongDisclosureAddress() {
        for (String path : new String[]{"/oit/NOPE/2569", "/oit/NOPE/2569/O1", "/oit/NOPE/25x9", "/oit/files/not-an-id",
                "/oit/NOPE/%3Cscript%3Ealert(1)%3C%2Fscript%3E"}) {
            given().urlEncodingEnabled(false).accept(BROWSER).get(path)
                    .then().statusCode(404)
                    .contentType(startsWith("text/html"))
                    .header("Content-Security-Policy", startsWith("default-src 'none'"))
                    .body(allOf(containsString("lang=\"th\""), containsString("ไม่พบข้อมูล"), containsString("Not found"),
                            containsString("lang=\"en\""), not(containsString("<script>"))));
        }
    }

    @Test
    void aProgramAskingForJsonStillGetsTheProblem() {
        // The page is HTML only: asked for JSON it says so, as a problem.
        given().accept("application/json").get("/oit/NOPE/2569")
                .then().statusCode(406)
                .contentType("application/problem+json")
                .body("status", equalTo(406));
        given().get("/oit/NOPE/2569").then().statusCode(404).contentType("application/problem+json");
        // The JSON disclosure is not a page: a browser opening it still reads the problem.
        given().accept(BROWSER).get("/public/units/NOPE/years/2569")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
