package th.go.ita.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * deploy/keycloak/ita-realm-production.json is the demo realm without what only a demonstration may
 * have: the demo users (password "demo"), the password-grant ita-test client and the public client
 * secrets. Derived here from the demo realm the same way make-production-realm.py does, so an edit of
 * one without the other fails.
 */
class ProductionRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path KEYCLOAK = Path.of("../keycloak").toAbsolutePath().normalize();

    @Test
    void theProductionRealmIsTheDemoRealmWithoutDemoUsersTestClientAndSecrets() throws Exception {
        JsonNode production = JSON.readTree(KEYCLOAK.resolve("ita-realm-production.json").toFile());
        ObjectNode expected = (ObjectNode) JSON.readTree(KEYCLOAK.resolve("ita-realm.json").toFile());
        ArrayNode users = JSON.createArrayNode();
        expected.path("users").forEach(u -> {
            if (u.path("username").asText().startsWith("service-account-")) {
                users.add(u);
            }
        });
        expected.set("users", users);
        ArrayNode clients = JSON.createArrayNode();
        expected.path("clients").forEach(c -> {
            if (!"ita-test".equals(c.path("clientId").asText())) {
                ((ObjectNode) c).remove("secret");
                clients.add(c);
            }
        });
        expected.set("clients", clients);
        assertEquals(expected, production, "run deploy/keycloak/make-production-realm.py after editing ita-realm.json");

        String text = production.toString();
        assertFalse(text.contains("ita-test"), "no password-grant test client");
        assertFalse(text.contains("change-me"), "no demo secret");
        assertFalse(text.contains("\"credentials\""), "no user with a password");
    }
}
