package th.go.ita.scoring;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.go.ita.scoring.unit.Unit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Who may read which unit: the tree decides, from the token's unit code. */
@QuarkusTest
class UnitScopeTest {

    @BeforeEach
    @Transactional
    void tree() {
        if (Unit.findById("T-ROOT") != null) {
            return;
        }
        persist("T-ROOT", null, "NATIONAL", "สพฐ. (ทดสอบ)");
        persist("T-AREA1", "T-ROOT", "AREA_PRIMARY", "เขต 1 (ทดสอบ)");
        persist("T-AREA1-S1", "T-AREA1", "SCHOOL", "โรงเรียน 1 (ทดสอบ)");
        persist("T-AREA1-S2", "T-AREA1", "SCHOOL", "โรงเรียน 2 (ทดสอบ)");
        persist("T-AREA2", "T-ROOT", "AREA_PRIMARY", "เขต 2 (ทดสอบ)");
    }

    private static void persist(String code, String parent, String type, String name) {
        Unit unit = new Unit();
        unit.code = code;
        unit.parentCode = parent;
        unit.path = Unit.childPath(parent == null ? null : Unit.<Unit>findById(parent).path, code);
        unit.type = type;
        unit.nameTh = name;
        unit.staffCount = 20;
        unit.persist();
        Unit.flush();
    }

    @Test
    @TestSecurity(user = "area", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "T-AREA1"))
    void areaAdminSeesSchoolsInTheirSubtree() {
        given().when().get("/units/T-AREA1-S2")
                .then().statusCode(200)
                .body("nameTh", equalTo("โรงเรียน 2 (ทดสอบ)"))
                .body("parentCode", equalTo("T-AREA1"));
    }

    @Test
    @TestSecurity(user = "area", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "T-AREA1"))
    void areaAdminCannotSeeAnotherArea() {
        given().when().get("/units/T-AREA2")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:unit-out-of-scope"))
                .body("detail_en", equalTo("Unit T-AREA2 is outside what you may see or change."));
    }

    @Test
    @TestSecurity(user = "school1", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "T-AREA1-S1"))
    void unitAdminCannotSeeTheNeighbouringSchoolNorTheirArea() {
        given().when().get("/units/T-AREA1-S1").then().statusCode(200);
        given().when().get("/units/T-AREA1-S2").then().statusCode(403);
        given().when().get("/units/T-AREA1").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "T-ROOT"))
    void unknownUnitIsNotFound() {
        given().when().get("/units/NO-SUCH-UNIT")
                .then().statusCode(404)
                .body("detail", equalTo("ไม่พบหน่วยงานรหัส NO-SUCH-UNIT"));
    }
}
