package th.go.ita.scoring.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import th.go.ita.scoring.TestKeycloak;
import th.go.ita.scoring.demo.DemoDataLoader;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inviting users into the real Keycloak of the ITA realm. Callers are given by Quarkus' test
 * security (roles + unit_code); the accounts they create are checked the way a user meets them:
 * by logging in through the realm's test client and reading the token.
 */
@QuarkusTest
class UserInvitationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DemoDataLoader demo;

    @Inject
    KeycloakUsers keycloak;

    @BeforeEach
    void stack() throws Exception {
        demo.load();
        TestKeycloak.start();
    }

    static String username() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> invitation(String username, String role) {
        return Map.of("username", username, "email", username + "@test.ita.local",
                "firstName", "สมศรี", "lastName", "ทดสอบ", "role", role);
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void areaAdminInvitesASchoolUserWhoLogsInWithTheSchoolAndRoleInTheToken() throws Exception {
        String username = username();
        Response invited = given().contentType("application/json").body(invitation(username, "evidence-editor"))
                .when().post("/units/KALASIN2-S001/users");
        invited.then().statusCode(201)
                .header("Cache-Control", "no-store")
                .body("user.username", equalTo(username))
                .body("user.unitCode", equalTo("KALASIN2-S001"))
                .body("user.roles", equalTo(List.of("evidence-editor")))
                .body("user.enabled", equalTo(true))
                .body("user.pendingActions", hasItem("UPDATE_PASSWORD"))
                .body("temporaryPassword", matchesPattern("[A-Za-z2-9]{16}"))
                .body("emailSent", equalTo(false));
        String temporary = invited.path("temporaryPassword");
        String id = invited.path("user.id");

        // The temporary password is real, but Keycloak insists on a new one before any token.
        Response firstLogin = passwordGrant(username, temporary);
        assertEquals(400, firstLogin.statusCode(), firstLogin.asString());
        assertEquals("Account is not fully set up", firstLogin.path("error_description"));

        // What the user's first login would do: choose a password (here through the admin API).
        String chosen = "chosen-" + UUID.randomUUID();
        setPassword(id, chosen);
        Response login = passwordGrant(username, chosen);
        assertEquals(200, login.statusCode(), login.asString());
        JsonNode token = payload(login.path("access_token"));
        assertEquals("KALASIN2-S001", token.path("unit_code").asText());
        List<String> roles = JSON.convertValue(token.path("realm_access").path("roles"), List.class);
        assertTrue(roles.contains("evidence-editor"), "roles " + roles);
        assertFalse(roles.contains("area-admin"), "roles " + roles);

        given().when().get("/units/KALASIN2-S001/users").then().statusCode(200)
                .body("find { it.username == '" + username + "' }.roles", equalTo(List.of("evidence-editor")))
                .body("username", not(hasItem("unit.kalasin2")));

        given().contentType("application/json").body(invitation(username, "auditor"))
                .when().post("/units/KALASIN2-S001/users").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:user-exists"))
                .body("detail_th", equalTo("มีผู้ใช้ชื่อ " + username + " อยู่แล้ว กรุณาเลือกชื่อผู้ใช้อื่น"))
                .body("detail_en", equalTo("A user named " + username + " already exists. Choose another username."));
        assertEquals(List.of("evidence-editor"), rolesOf(id), "the refused second invitation changed nothing");

        given().when().post("/units/KALASIN2-S001/users/" + id + "/disable").then().statusCode(200)
                .body("enabled", equalTo(false));
        Response afterDisable = passwordGrant(username, chosen);
        assertEquals(400, afterDisable.statusCode(), afterDisable.asString());
        assertEquals("invalid_grant", afterDisable.path("error"));

        given().when().post("/units/KALASIN2-S001/users/" + id + "/enable").then().statusCode(200)
                .body("enabled", equalTo(true)).body("roles", equalTo(List.of("evidence-editor")));
        Response afterEnable = passwordGrant(username, chosen);
        assertEquals(200, afterEnable.statusCode(), afterEnable.asString());
        assertEquals(List.of("evidence-editor"), rolesOf(id), "re-enabling kept the user's role");
    }

    @Test
    @TestSecurity(user = "area.kalasin1", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN1"))
    void anotherAreasAdminIsRefusedAndNothingIsCreated() {
        String username = username();
        given().contentType("application/json").header("Accept-Language", "en")
                .body(invitation(username, "unit-admin"))
                .when().post("/units/KALASIN2-S001/users").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:unit-out-of-scope"))
                .body("detail", equalTo("Unit KALASIN2-S001 is outside what you may see or change."))
                .body("detail_th", equalTo("หน่วยงาน KALASIN2-S001 อยู่นอกขอบเขตสิทธิ์ของคุณ"));
        assertTrue(find(username).isEmpty(), "a refused invitation created a user");
        given().when().get("/units/KALASIN2-S001/users").then().statusCode(403);

        given().contentType("application/json").body(invitation(username, "unit-admin"))
                .when().post("/units/NO-SUCH-UNIT/users").then().statusCode(404)
                .body("type", equalTo("urn:ita:problem:unit-not-found"));
        assertTrue(find(username).isEmpty());
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void areaAdminCannotMakeASystemAdmin() {
        String username = username();
        given().contentType("application/json").body(invitation(username, "system-admin"))
                .when().post("/units/KALASIN2-S002/users").then().statusCode(403)
                .body("type", equalTo("urn:ita:problem:role-not-grantable"))
                .body("detail_en", equalTo("You may not give the role system-admin. Roles you may give: "
                        + "area-admin, unit-admin, evidence-editor, activity-editor, auditor."));
        assertTrue(find(username).isEmpty());
        given().when().get("/units/KALASIN2-S002/users/grantable-roles").then().statusCode(200)
                .body("roles", equalTo(List.of("area-admin", "unit-admin", "evidence-editor", "activity-editor", "auditor")));
    }

    @Test
    @TestSecurity(user = "unit.kalasin2", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void unitAdminGivesOnlyEditorRolesAndOnlyInTheirOwnUnit() {
        String auditor = username();
        given().contentType("application/json").body(invitation(auditor, "auditor"))
                .when().post("/units/KALASIN2/users").then().statusCode(403)
                .body("type", equalTo("urn:ita:problem:role-not-grantable"));
        String school = username();
        given().contentType("application/json").body(invitation(school, "evidence-editor"))
                .when().post("/units/KALASIN2-S001/users").then().statusCode(403)
                .body("type", equalTo("urn:ita:problem:unit-out-of-scope"));
        assertTrue(find(auditor).isEmpty());
        assertTrue(find(school).isEmpty());

        String editor = username();
        given().contentType("application/json").body(invitation(editor, "activity-editor"))
                .when().post("/units/KALASIN2/users").then().statusCode(201)
                .body("user.roles", equalTo(List.of("activity-editor")));

        // The area's own administrator also carries unit_code KALASIN2; a unit-admin must not lock them out.
        String areaAdminId = find("area.kalasin2").get(0).getId();
        given().when().post("/units/KALASIN2/users/" + areaAdminId + "/disable").then().statusCode(403)
                .body("type", equalTo("urn:ita:problem:user-not-manageable"));
        assertTrue(keycloak.users().get(areaAdminId).toRepresentation().isEnabled());
        given().when().post("/units/KALASIN2/users/" + areaAdminId + "/enable").then().statusCode(403)
                .body("type", equalTo("urn:ita:problem:user-not-manageable"));
        String otherSchoolUser = find("unit.school1").get(0).getId();
        given().when().post("/units/KALASIN2/users/" + otherSchoolUser + "/disable").then().statusCode(404)
                .body("type", equalTo("urn:ita:problem:user-not-found"));
        assertTrue(keycloak.users().get(otherSchoolUser).toRepresentation().isEnabled());
    }

    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void systemAdminMayMakeASystemAdminAndBadInputIsListedByField() {
        String username = username();
        given().contentType("application/json").body(invitation(username, "system-admin"))
                .when().post("/units/OBEC/users").then().statusCode(201)
                .body("user.roles", equalTo(List.of("system-admin")));

        String other = username();
        given().contentType("application/json").body(Map.of("username", other, "email", "not-an-address",
                        "firstName", "", "lastName", "ทดสอบ", "role", "king"))
                .when().post("/units/OBEC/users").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:invalid-input"))
                .body("errors.field", equalTo(List.of("email", "firstName", "role")));
        given().contentType("application/json").body(Map.of("username", username.toUpperCase(), "email", other + "@test.ita.local",
                        "firstName", "ก", "lastName", "ข", "role", "auditor"))
                .when().post("/units/OBEC/users").then().statusCode(409)
                .body("type", equalTo("urn:ita:problem:user-exists"));
        given().contentType("application/json").body(Map.of("username", other, "email", username + "@test.ita.local",
                        "firstName", "ก", "lastName", "ข", "role", "auditor"))
                .when().post("/units/OBEC/users").then().statusCode(409)
                .body("type", equalTo("urn:ita:problem:user-email-exists"));
        assertTrue(find(other).isEmpty());
        given().when().post("/units/OBEC/users/" + UUID.randomUUID() + "/disable").then().statusCode(404)
                .body("type", equalTo("urn:ita:problem:user-not-found"));
    }

    @Test
    @TestSecurity(user = "evidence.kalasin2", roles = "evidence-editor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void anEditorCannotInviteAnyone() {
        String username = username();
        given().contentType("application/json").body(invitation(username, "evidence-editor"))
                .when().post("/units/KALASIN2/users").then().statusCode(403)
                .body("type", equalTo("urn:ita:problem:forbidden"));
        assertTrue(find(username).isEmpty());
    }

    // --- helpers ---------------------------------------------------------------------------

    private List<UserRepresentation> find(String username) {
        return keycloak.users().searchByUsername(username, true);
    }

    private List<String> rolesOf(String id) {
        return keycloak.users().get(id).roles().realmLevel().listAll().stream()
                .map(r -> r.getName()).filter(n -> !n.startsWith("default-roles")).sorted().toList();
    }

    private void setPassword(String id, String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        keycloak.users().get(id).resetPassword(credential);
        UserRepresentation user = keycloak.users().get(id).toRepresentation();
        user.setRequiredActions(List.of());
        keycloak.users().get(id).update(user);
    }

    private static Response passwordGrant(String username, String password) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", "ita-test")
                .formParam("client_secret", "demo-secret-test-change-me")
                .formParam("username", username).formParam("password", password)
                .when().post(TestKeycloak.issuer() + "/protocol/openid-connect/token");
    }

    private static JsonNode payload(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
