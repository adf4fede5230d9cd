package th.go.ita.evidence;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import th.go.ita.evidence.support.OitFixture;
import th.go.ita.evidence.support.ScoringEvents;
import th.go.ita.evidence.support.TestDb;
import th.go.ita.platform.testing.access.AccessMatrix;
import th.go.ita.platform.testing.access.AccessMatrix.Request;
import th.go.ita.platform.testing.access.SignedTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;

/**
 * Every operation × every role × own unit / subtree / parent / another area, and the three callers
 * without a usable token, against docs/access/evidence-service.md. A fresh tree (root › area › school,
 * root › other area) in one open round over the root: at each unit, O1 holds a submitted link, O2 a
 * submitted PDF, O3 takes new links and uploads, O4 is submitted in a new round for each call (made by the
 * unit's own evidence-editor: no one else may); the matrix's auditor is assigned to the caller's own
 * area and its school.
 */
@QuarkusTest
@QuarkusTestResource(SignedTokens.class)
class AccessMatrixTest {

    private static final int YEAR = 2555;

    @Inject
    TestDb db;

    private String round;

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String root = "MR-" + suffix;
        String area = "MA-" + suffix;
        String school = "MA-" + suffix + "-S1";
        String other = "MB-" + suffix;
        String rootPath = ScoringEvents.unit(root, null, "ส่วนกลาง (ทดสอบ)");
        String areaPath = ScoringEvents.unit(area, rootPath, "เขต (ทดสอบ)");
        ScoringEvents.unit(school, areaPath, "โรงเรียน (ทดสอบ)");
        ScoringEvents.unit(other, rootPath, "เขตอื่น (ทดสอบ)");
        String framework = "MFW-" + suffix;
        ScoringEvents.framework(framework, 1, YEAR);
        for (String unit : new String[]{root, area, school, other}) {
            db.awaitRow("SELECT code FROM unit WHERE code = ?1", unit);
        }
        round = openRound(framework, root);
        String auditor = "auditor@" + area;
        AccessMatrix.asSystemAdmin(root, () -> {
            given().put("/units/" + area + "/auditors/" + auditor).then().statusCode(201);
            given().put("/units/" + school + "/auditors/" + auditor).then().statusCode(201);
            return null;
        });

        AccessMatrix.of("evidence-service", new AccessMatrix.Tree(root, area, school, other))
                .parameters(unit -> AccessMatrix.as("evidence-editor", unit, () -> fixtures(unit)))
                .platformOperations("units")
                .request("POST /units/{unitCode}/rounds/{roundId}/items/{itemCode}/links",
                        unit -> Request.json(Map.of("url", "https://example.go.th/o3")).withPath(item(unit, "O3") + "/links"))
                .request("POST /units/{unitCode}/rounds/{roundId}/items/{itemCode}/files",
                        unit -> Request.with(r -> r.multiPart("file", "order.pdf", OitFixture.PDF, "application/pdf"))
                                .withPath(item(unit, "O3") + "/files"))
                .request("POST /units/{unitCode}/rounds/{roundId}/items/{itemCode}/evidence/{evidenceId}/withdraw",
                        unit -> Request.path(item(unit, "O3") + "/evidence/" + AccessMatrix.as("evidence-editor", unit,
                                () -> link(unit, "O3")) + "/withdraw"))
                // A submitted item takes no new evidence: each call submits O4 of a round of its own.
                .request("POST /units/{unitCode}/rounds/{roundId}/items/{itemCode}/submit", unit -> {
                    String fresh = openRound(framework, root);
                    AccessMatrix.as("evidence-editor", unit, () -> given().contentType("application/json")
                            .body(Map.of("url", "https://example.go.th/O4")).post(item(fresh, unit, "O4") + "/links")
                            .then().statusCode(201));
                    return Request.path(item(fresh, unit, "O4") + "/submit");
                })
                .request("POST /units/{unitCode}/rounds/{roundId}/items/{itemCode}/review",
                        unit -> Request.json(Map.of("verdict", "PASSED")).withPath(item(unit, "O1") + "/review"))
                // A whole area (the unit and every unit below it) given to one auditor at once.
                .request("POST /auditor-assignments", unit -> Request.json(Map.of("auditor", "bulk.auditor", "area", unit)))
                .request("PUT /units/{unitCode}/auditors/{auditor}",
                        unit -> Request.path("/units/" + unit + "/auditors/another.auditor"))
                .request("DELETE /units/{unitCode}/auditors/{auditor}", unit -> {
                    // Assigned again before each call (a refused call leaves the assignment as it was).
                    AccessMatrix.asSystemAdmin(root, () -> given().put("/units/" + unit + "/auditors/leaving.auditor")
                            .then().statusCode(lessThan(300)));
                    return Request.path("/units/" + unit + "/auditors/leaving.auditor");
                })
                .assertMatchesTable();
    }

    private String item(String unit, String item) {
        return item(round, unit, item);
    }

    private static String item(String round, String unit, String item) {
        return "/units/" + unit + "/rounds/" + round + "/items/" + item;
    }

    /** An open round over the whole tree, as scoring publishes it. */
    private String openRound(String framework, String root) {
        String id = "MR-" + UUID.randomUUID();
        ScoringEvents.round(ScoringEvents.roundPayload(id, YEAR, framework, root, "OPEN", Instant.now().plus(Duration.ofDays(30))));
        db.awaitRow("SELECT id FROM assessment_round WHERE id = ?1", id);
        return id;
    }

    private String link(String unit, String item) {
        return given().contentType("application/json").body(Map.of("url", "https://example.go.th/" + item))
                .post(item(unit, item) + "/links").then().statusCode(201).extract().path("id");
    }

    /** O1 a submitted link, O2 a submitted PDF (its id is the file of every file operation). */
    private Map<String, String> fixtures(String unit) {
        link(unit, "O1");
        given().post(item(unit, "O1") + "/submit").then().statusCode(200);
        String file = given().multiPart("file", "order.pdf", OitFixture.PDF, "application/pdf").post(item(unit, "O2") + "/files")
                .then().statusCode(201).extract().path("id");
        given().post(item(unit, "O2") + "/submit").then().statusCode(200);
        return Map.of("unitCode", unit, "roundId", round, "itemCode", "O2", "evidenceId", file,
                "fiscalYear", String.valueOf(YEAR), "auditor", "auditor@" + unit, "channel", "units");
    }
}
