package th.go.ita.platform.access;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoModeTest {

    private static List<String> refusals(boolean demo, Map<String, String> settings) {
        return DemoMode.refusals(demo, name -> Optional.ofNullable(settings.get(name)));
    }

    @Test
    void outsideDemoModeTheSurveyDemoHashKeyRefusesTheStartNamingTheSettingAndItsVariable() {
        List<String> refused = refusals(false, Map.of("ita.secrets.hash-key", "DEMO-ONLY-survey-hash-key-change-me"));
        assertEquals(1, refused.size());
        assertTrue(refused.get(0).startsWith("ita.secrets.hash-key (ITA_SECRETS_HASH_KEY) holds the demo value"), refused.get(0));
        assertTrue(refused.get(0).contains("ITA_DEMO=true"), refused.get(0));
    }

    @Test
    void outsideDemoModeEveryDemoClientSecretAndTheAdminPasswordAreRefused() {
        List<String> refused = refusals(false, Map.of(
                "ita.keycloak-admin.client-secret", "demo-secret-scoring-admin-change-me",
                "quarkus.oidc.credentials.secret", "demo-secret-survey-change-me",
                "ita.keycloak-admin.password", "admin"));
        assertEquals(3, refused.size(), String.join("\n", refused));
        assertTrue(refused.stream().anyMatch(r -> r.startsWith("ita.keycloak-admin.client-secret (ITA_KEYCLOAK_ADMIN_CLIENT_SECRET)")));
    }

    @Test
    void outsideDemoModeDemoDataIsRefused() {
        List<String> refused = refusals(false, Map.of("ita.demo-data.enabled", "true"));
        assertEquals(1, refused.size());
        assertTrue(refused.get(0).startsWith("ita.demo-data.enabled (ITA_DEMO_DATA_ENABLED) is on and ita.demo (ITA_DEMO) is off"));
        assertEquals(List.of(), refusals(false, Map.of("ita.demo-data.enabled", "false")));
    }

    @Test
    void realSecretsStartOutsideDemoMode() {
        assertEquals(List.of(), refusals(false, Map.of(
                "ita.secrets.hash-key", "k3hL0R9x8N4mYq2T7wZpF6vJ1sC5bA0d",
                "ita.keycloak-admin.client-secret", "Xy7-generated-by-keycloak",
                "quarkus.oidc.credentials.secret", "another-real-secret")));
        assertEquals(List.of(), refusals(false, Map.of()));
    }

    @Test
    void inDemoModeTheDemoSecretsAreAllowed() {
        assertEquals(List.of(), refusals(true, Map.of(
                "ita.secrets.hash-key", "DEMO-ONLY-survey-hash-key-change-me",
                "ita.keycloak-admin.client-secret", "demo-secret-scoring-admin-change-me")));
    }
}
