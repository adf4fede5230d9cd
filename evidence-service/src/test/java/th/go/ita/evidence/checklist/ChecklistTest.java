package th.go.ita.evidence.checklist;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import th.go.ita.evidence.support.OitFixture;
import th.go.ita.evidence.support.TestDb;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ChecklistTest {

    @Inject
    TestDb db;

    private static String path(String unit, String round) {
        return "/units/" + unit + "/rounds/" + round + "/checklist";
    }

    @Test
    @TestSecurity(user = "editor.evu1", roles = "evidence-editor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVU1"))
    void editorSeesTheRoundsItemsGroupedBySubIndicatorAllEmpty() {
        String round = OitFixture.newRound(db);
        given().get(path("EVU1", round)).then().statusCode(200)
                .body("unitCode", equalTo("EVU1"))
                .body("fiscalYear", equalTo(2566))
                .body("progress.total", equalTo(4))
                .body("progress.empty", equalTo(4))
                .body("subIndicators.code", contains("9.1", "9.2", "10.1"))
                .body("subIndicators[0].items.code", contains("O1", "O2"))
                .body("subIndicators[0].progress.total", equalTo(2))
                .body("subIndicators[0].items[0].requirementTh", equalTo("ข้อกำหนดของ O1"))
                .body("subIndicators.items.flatten().status", everyItem(equalTo("EMPTY")))
                .body("subIndicators[0].items[0].updatedBy", nullValue());
        given().get("/units/EVU1/rounds").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(round));
    }

    @Test
    @TestSecurity(user = "editor.evu2", roles = "evidence-editor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVU2"))
    void anotherOfficesEditorIsRefused() {
        String round = OitFixture.newRound(db);
        given().get(path("EVU1", round)).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:unit-out-of-scope"));
    }

    @Test
    @TestSecurity(user = "area.eva", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVA"))
    void areaAdminReadsUnitsInTheirSubtree() {
        String round = OitFixture.newRound(db);
        given().get(path("EVU1", round)).then().statusCode(200).body("unitCode", equalTo("EVU1"));
    }

    @Test
    @TestSecurity(user = "area.evb", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVB"))
    void areaAdminOfAnotherAreaIsRefused() {
        String round = OitFixture.newRound(db);
        given().get(path("EVU1", round)).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "auditor.one", roles = "auditor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVA"))
    void assignedAuditorReadsButAnUnassignedUnitIsRefused() {
        String round = OitFixture.newRound(db);
        given().get(path("EVU1", round)).then().statusCode(200);
        given().get(path("EVU2", round)).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "editor.evu1", roles = "evidence-editor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVU1"))
    void unknownUnitAndUnknownRoundAreNotFound() {
        OitFixture.newRound(db);
        given().get(path("NOPE", "whatever")).then().statusCode(404)
                .body("type", equalTo("urn:ita:problem:unit-not-found"));
        given().get(path("EVU1", "no-such-round")).then().statusCode(404)
                .body("type", equalTo("urn:ita:problem:round-not-found"));
    }

    @Test
    @TestSecurity(user = "area.evb", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVB"))
    void areaAdminAssignsAuditorsOnlyInTheirSubtree() {
        OitFixture.newRound(db);
        given().put("/units/EVU1/auditors/auditor.two").then().statusCode(403);
        given().put("/units/EVB/auditors/auditor.two").then().statusCode(201);
        given().get("/units/EVB/auditors").then().statusCode(200).body("auditor", contains("auditor.two"));
        given().delete("/units/EVB/auditors/auditor.two").then().statusCode(204);
        given().get("/units/EVB/auditors").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    @TestSecurity(user = "area.eva", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVA"))
    void areaAdminAssignsAnAuditorToHerWholeAreaAtOnce() {
        OitFixture.newRound(db);
        given().contentType("application/json").body("{\"auditor\":\"auditor.bulk\",\"area\":\"EVA\"}")
                .post("/auditor-assignments").then().statusCode(200)
                .body("unitCodes", contains("EVA", "EVU1", "EVU2")).body("added", equalTo(3));
        given().get("/units/EVU2/auditors").then().statusCode(200).body("auditor", hasItem("auditor.bulk"));
        // Again: nothing new, nothing doubled.
        given().contentType("application/json").body("{\"auditor\":\"auditor.bulk\",\"unitCodes\":[\"EVU1\",\"EVU2\"]}")
                .post("/auditor-assignments").then().statusCode(200).body("added", equalTo(0));
    }

    @Test
    @TestSecurity(user = "area.evb", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVB"))
    void bulkAssignmentOutsideTheCallersAreaIsRefusedWhole() {
        OitFixture.newRound(db);
        given().contentType("application/json").body("{\"auditor\":\"auditor.other\",\"area\":\"EVA\"}")
                .post("/auditor-assignments").then().statusCode(403)
                .body("type", equalTo("urn:ita:problem:unit-out-of-scope"));
        // Her own area first, another office's unit after: nothing at all is assigned.
        given().contentType("application/json").body("{\"auditor\":\"auditor.other\",\"unitCodes\":[\"EVB\",\"EVU1\"]}")
                .post("/auditor-assignments").then().statusCode(403);
        given().get("/units/EVB/auditors").then().statusCode(200).body("auditor", not(hasItem("auditor.other")));
    }

    @Test
    @TestSecurity(user = "area.evb", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVB"))
    void bulkAssignmentWithoutOneClearTargetIsABadRequestInThaiAndEnglish() {
        for (String body : new String[]{"{\"auditor\":\"a.b\"}", "{\"auditor\":\"a.b\",\"area\":\"EVB\",\"unitCodes\":[\"EVB\"]}"}) {
            given().contentType("application/json").body(body).post("/auditor-assignments").then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("urn:ita:problem:assignment-target"))
                    .body("detail_th", containsString("เขตพื้นที่")).body("detail_en", containsString("exactly one"));
        }
        given().contentType("application/json").body("{\"auditor\":\"not a name!\",\"area\":\"EVB\"}")
                .post("/auditor-assignments").then().statusCode(400).contentType("application/problem+json")
                .body("detail_th", notNullValue()).body("detail_en", notNullValue());
        given().contentType("application/json").body("not json").post("/auditor-assignments").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
