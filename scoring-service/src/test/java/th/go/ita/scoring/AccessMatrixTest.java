package th.go.ita.scoring;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import th.go.ita.platform.testing.access.AccessMatrix;
import th.go.ita.platform.testing.access.AccessMatrix.Request;
import th.go.ita.platform.testing.access.SignedTokens;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;

/**
 * Every operation × every role × own unit / subtree / parent / another area, and the three callers
 * without a usable token, against docs/access/scoring-service.md. A fresh tree (root › area ›
 * school, root › other area) made through the API; each unit gets an open round scoped to it with a
 * computed score sheet, an official result and a user invited to it in the test's Keycloak.
 */
@QuarkusTest
@QuarkusTestResource(SignedTokens.class)
class AccessMatrixTest {

    private static final String FRAMEWORK = "OBEC-2566";
    private static final int ROUND_YEAR = 2566;
    private static final int OFFICIAL_YEAR = 2560;

    private final Map<String, String> types = new HashMap<>();

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() throws Exception {
        // The user operations ask Keycloak; their permitted cases must succeed for real.
        TestKeycloak.start();
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String root = "XR-" + suffix;
        String area = "XA-" + suffix;
        String school = "XA-" + suffix + "-S1";
        String other = "XB-" + suffix;
        String framework = AccessMatrix.asSystemAdmin(root, () -> {
            unit(root, null, "NATIONAL");
            unit(area, root, "AREA_PRIMARY");
            unit(school, area, "SCHOOL");
            unit(other, root, "AREA_PRIMARY");
            // Version 2 records its provenance, which an import must (version 1 predates the rule). The
            // first import of a shipped document stores it as imports do (201 REPLACED): done here, so
            // every row of the matrix meets the same stored document (200 UNCHANGED).
            String document = given().get("/frameworks/" + FRAMEWORK + "/versions/2").then().statusCode(200)
                    .extract().asString();
            given().contentType("application/json").body(document).post("/frameworks").then().statusCode(lessThan(300));
            return document;
        });

        AccessMatrix.of("scoring-service", new AccessMatrix.Tree(root, area, school, other))
                .parameters(unit -> AccessMatrix.asSystemAdmin(root, () -> fixtures(unit)))
                .platformOperations("survey-responses")
                .request("GET /dashboards/areas/{unitCode}", unit -> Request.query("fiscalYear=" + ROUND_YEAR))
                .request("GET /dashboards/areas/{unitCode}/export", unit -> Request.query("fiscalYear=" + ROUND_YEAR))
                .request("GET /units/{code}/search", unit -> Request.query("q=" + unit))
                // The document as stored: importing it again changes nothing (200), so every row can try.
                .request("POST /frameworks", unit -> Request.json(framework))
                .request("POST /rounds", unit -> Request.json(round(unit)))
                // A round changes only while a draft: each call gets a draft of its own.
                .request("PUT /rounds/{id}", unit -> Request.json(round(unit)).withPath("/rounds/" + draftRound(root, unit)))
                .request("POST /rounds/{id}/state", unit -> Request.json(Map.of("state", "OPEN"))
                        .withPath("/rounds/" + draftRound(root, unit) + "/state"))
                .request("PUT /official-results/{unitCode}/{fiscalYear}", unit -> Request.json(official()))
                .request("POST /official-results/import", unit -> Request.json(Map.of("csv",
                        "unit_code,fiscal_year,framework_id,framework_version,indicators,total,rating,passed,source\n"
                                + unit + ",2561,,,,70,C,false,access matrix\n")))
                .request("POST /units", unit -> Request.json(unitBody(freshCode(unit), unit, "SCHOOL")))
                .request("PUT /units/{code}", unit -> Request.json(unitBody(unit, null, types.get(unit))))
                // Moving, deactivating and activating take units of their own under the target, so the
                // tree the other rows stand on stays as it is.
                .request("POST /units/{code}/move", unit -> AccessMatrix.asSystemAdmin(root, () -> {
                    String moving = unit(freshCode(unit), unit, "SCHOOL");
                    String to = unit(freshCode(unit), unit, "OTHER");
                    return Request.json(Map.of("parentCode", to)).withPath("/units/" + moving + "/move");
                }))
                .request("POST /units/{code}/deactivate", unit -> Request.path("/units/"
                        + AccessMatrix.asSystemAdmin(root, () -> unit(freshCode(unit), unit, "SCHOOL")) + "/deactivate"))
                .request("POST /units/{code}/activate", unit -> Request.path("/units/" + AccessMatrix.asSystemAdmin(root, () -> {
                    String child = unit(freshCode(unit), unit, "SCHOOL");
                    given().post("/units/" + child + "/deactivate").then().statusCode(200);
                    return child;
                }) + "/activate"))
                .request("POST /units/import", unit -> Request.json(Map.of("csv",
                        "code,parent_code,type,name_th,name_en,staff_count,service_population\n"
                                + freshCode(unit) + "," + unit + ",SCHOOL,โรงเรียนนำเข้า (ทดสอบ),,5,50\n")))
                .request("POST /units/{code}/users", unit -> Request.json(invitation(username(), "evidence-editor")))
                .assertMatchesTable();
    }

    /** The path parameters of one unit's fixtures, made through the service's own API. */
    private Map<String, String> fixtures(String unit) {
        String round = given().contentType("application/json").body(round(unit)).post("/rounds")
                .then().statusCode(201).extract().path("id");
        given().contentType("application/json").body(Map.of("state", "OPEN")).post("/rounds/" + round + "/state")
                .then().statusCode(200);
        given().post("/scores/rounds/" + round + "/units/" + unit + "/rebuild").then().statusCode(200);
        given().contentType("application/json").body(official()).put("/official-results/" + unit + "/" + OFFICIAL_YEAR)
                .then().statusCode(200);
        String user = given().contentType("application/json").body(invitation(username(), "unit-admin"))
                .post("/units/" + unit + "/users").then().statusCode(201).extract().path("user.id");
        return Map.of("code", unit, "unitCode", unit, "rounds/{id}", round, "roundId", round,
                "frameworks/{id}", FRAMEWORK, "version", "1", "fiscalYear", String.valueOf(OFFICIAL_YEAR),
                "userId", user, "channel", "survey-responses");
    }

    /** A unit made through the API (as whoever is calling); its code back. */
    private String unit(String code, String parent, String type) {
        given().contentType("application/json").body(unitBody(code, parent, type)).post("/units").then().statusCode(201);
        types.put(code, type);
        return code;
    }

    private static Map<String, Object> unitBody(String code, String parent, String type) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "type", type, "nameTh", "หน่วยงาน " + code + " (ทดสอบ)",
                "staffCount", 20, "servicePopulation", 300));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        return body;
    }

    private static String freshCode(String under) {
        return under + "-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    }

    private String draftRound(String root, String unit) {
        return AccessMatrix.asSystemAdmin(root, () -> given().contentType("application/json").body(round(unit))
                .post("/rounds").then().statusCode(201).extract().path("id"));
    }

    private static Map<String, Object> round(String unit) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "ITA " + ROUND_YEAR + " " + unit, "fiscalYear", ROUND_YEAR,
                "frameworkId", FRAMEWORK, "frameworkVersion", 1, "scopeUnitCode", unit));
        body.putAll(Map.of("surveyOpensAt", "2026-06-01T00:00:00Z", "surveyClosesAt", "2026-07-31T00:00:00Z",
                "oitDeadline", "2026-06-30T00:00:00Z", "reviewOpensAt", "2026-07-01T00:00:00Z",
                "reviewClosesAt", "2026-08-15T00:00:00Z", "correctionClosesAt", "2026-08-31T00:00:00Z"));
        return body;
    }

    private static Map<String, Object> official() {
        return Map.of("total", 80, "rating", "B", "passed", true, "source", "แบบรายงานผล (ทดสอบ)");
    }

    private static String username() {
        return "am-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> invitation(String username, String role) {
        return Map.of("username", username, "email", username + "@test.ita.local",
                "firstName", "สมศรี", "lastName", "ทดสอบ", "role", role);
    }
}
