package th.go.ita.survey.code;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import th.go.ita.survey.support.Codes;
import th.go.ita.survey.support.Db;
import th.go.ita.survey.support.Respondent;
import th.go.ita.survey.support.ScoringEvents;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AccessCodeResourceTest {

    /** Fixed codes, because the token's unit_code claim in the annotations below is fixed. */
    static final String AREA = "SCOPE-AREA";
    static final String SCHOOL = "SCOPE-AREA-S1";
    static final String OTHER = "SCOPE-OTHER";

    static String openRound() {
        ScoringEvents.unit(AREA, "OBEC", "/OBEC/" + AREA + "/", 40, 1000);
        ScoringEvents.unit(SCHOOL, AREA, "/OBEC/" + AREA + "/" + SCHOOL + "/", 7, 300);
        ScoringEvents.unit(OTHER, "OBEC", "/OBEC/" + OTHER + "/", 9, 300);
        return ScoringEvents.round("OBEC", "OPEN", Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(9, ChronoUnit.DAYS));
    }

    @Test
    @TestSecurity(user = "unit.school", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = SCHOOL))
    void unitAdminGetsOneCodePerStaffMemberShownOnceAndStoredOnlyAsKeyedHashes() {
        String round = openRound();
        List<String> codes = given().contentType("application/json").body("{}")
                .when().post("/rounds/{r}/units/{u}/access-codes", round, SCHOOL)
                .then().statusCode(201)
                .header("Cache-Control", "no-store")
                .body("codes", hasSize(7))
                .body("surveyUrl", equalTo("http://localhost:8080/s/" + round + "/" + SCHOOL + "/iit"))
                .extract().jsonPath().getList("codes", String.class);
        assertThat(codes).allMatch(c -> c.matches("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}")).doesNotHaveDuplicates();

        List<Map<String, Object>> stored = Db.rows(
                "SELECT row_to_json(c)::text AS json, length(code_hash) AS len FROM access_code c WHERE round_id = ?", round);
        assertThat(stored).hasSize(7).allMatch(r -> ((Number) r.get("len")).intValue() == 32);
        String everything = Db.rows("SELECT string_agg(row_to_json(c)::text, ' ') AS all FROM access_code c").get(0).get("all")
                + " " + Db.rows("SELECT string_agg(row_to_json(b)::text, ' ') AS all FROM access_code_batch b").get(0).get("all");
        for (String code : codes) {
            assertThat(everything).doesNotContain(code).doesNotContain(code.replace("-", ""));
        }

        given().when().get("/rounds/{r}/units/{u}/access-codes", round, SCHOOL)
                .then().statusCode(200)
                .body("generated", equalTo(7)).body("unused", equalTo(7)).body("used", equalTo(0))
                .body("batches[0].size", equalTo(7)).body("batches[0].createdBy", equalTo("unit.school"))
                .body("batches[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("codes")));
    }

    @Test
    @TestSecurity(user = "unit.school", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = SCHOOL))
    void csvOfANewBatchCarriesEachCodeWithItsSurveyLink() {
        String round = openRound();
        String csv = given().contentType("application/json").accept("text/csv").body("{\"count\":3}")
                .when().post("/rounds/{r}/units/{u}/access-codes", round, SCHOOL)
                .then().statusCode(201)
                .header("Content-Disposition", startsWith("attachment; filename=\"iit-codes-" + SCHOOL))
                .extract().asString();
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("code,link");
        String code = lines[1].split(",")[0];
        assertThat(lines[1]).isEqualTo(code + ",http://localhost:8080/s/" + round + "/" + SCHOOL + "/iit#code=" + code);
        assertThat(Db.count("SELECT count(*) FROM access_code WHERE round_id = ?", round)).isEqualTo(3);
    }

    @Test
    @TestSecurity(user = "unit.school", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = SCHOOL))
    void voidedCodesNoLongerWorkAndUsedOnesCannotBeVoided() {
        String round = openRound();
        List<String> first = Codes.generate(round, SCHOOL, 3);
        Respondent.submit(Respondent.iit(round, SCHOOL, first.get(0))).statusCode(201);

        given().contentType("application/json").body(Map.of("codes", List.of(first.get(0), first.get(1).toLowerCase())))
                .when().post("/rounds/{r}/units/{u}/access-codes/void", round, SCHOOL)
                .then().statusCode(200).body("voided", equalTo(1));
        Respondent.submit(Respondent.iit(round, SCHOOL, first.get(1))).statusCode(410)
                .body("type", equalTo("urn:ita:problem:code-void"));

        String batch = given().when().get("/rounds/{r}/units/{u}/access-codes", round, SCHOOL)
                .then().extract().path("batches[0].batchId");
        given().contentType("application/json").body(Map.of("batchId", batch))
                .when().post("/rounds/{r}/units/{u}/access-codes/void", round, SCHOOL)
                .then().statusCode(200).body("voided", equalTo(1));
        given().when().get("/rounds/{r}/units/{u}/access-codes", round, SCHOOL)
                .then().body("generated", equalTo(3)).body("used", equalTo(1)).body("voided", equalTo(2))
                .body("unused", equalTo(0));
    }

    @Test
    @TestSecurity(user = "area", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = AREA))
    void areaAdminManagesCodesOfSchoolsBelowButNotOfAnotherArea() {
        String round = openRound();
        assertThat(Codes.generate(round, SCHOOL, 2)).hasSize(2);
        given().contentType("application/json").body("{}")
                .when().post("/rounds/{r}/units/{u}/access-codes", round, OTHER)
                .then().statusCode(403).body("type", equalTo("urn:ita:problem:unit-out-of-scope"));
        given().when().get("/rounds/{r}/units/{u}/access-codes", round, OTHER).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "school.admin", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = SCHOOL))
    void unitAdminOfASchoolCannotTouchItsAreaOfficesCodes() {
        String round = openRound();
        given().contentType("application/json").body("{}")
                .when().post("/rounds/{r}/units/{u}/access-codes", round, AREA)
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").body(Map.of("batchId", java.util.UUID.randomUUID().toString()))
                .when().post("/rounds/{r}/units/{u}/access-codes/void", round, AREA)
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "evidence", roles = "evidence-editor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = SCHOOL))
    void otherRolesCannotGenerateCodes() {
        String round = openRound();
        given().contentType("application/json").body("{}")
                .when().post("/rounds/{r}/units/{u}/access-codes", round, SCHOOL)
                .then().statusCode(403).body("type", equalTo("urn:ita:problem:forbidden"));
        assertThat(Db.count("SELECT count(*) FROM access_code WHERE round_id = ?", round)).isZero();
    }

    @Test
    void withoutLoginNoCodes() {
        given().contentType("application/json").body("{}")
                .when().post("/rounds/{r}/units/{u}/access-codes", "any", SCHOOL)
                .then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void tooManyCodesOrAClosedRoundAreRefused() {
        String round = openRound();
        given().contentType("application/json").body("{\"count\":5000}")
                .when().post("/rounds/{r}/units/{u}/access-codes", round, SCHOOL)
                .then().statusCode(400).body("type", equalTo("urn:ita:problem:invalid-input"));
        String closed = ScoringEvents.round("OBEC", "CLOSED", Instant.now().minus(9, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS));
        given().contentType("application/json").body("{}")
                .when().post("/rounds/{r}/units/{u}/access-codes", closed, SCHOOL)
                .then().statusCode(409).body("type", equalTo("urn:ita:problem:round-not-collecting"));
    }
}
