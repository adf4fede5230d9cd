package th.go.ita.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real Keycloak of the local stack with the ITA realm, its data in embedded PostgreSQL. One
 * install under target/keycloak/install is unpacked once and reused by later builds.
 */
class EmbeddedKeycloakTest {

    private static final String REALM = "ita";
    private static final String TEST_CLIENT = "ita-test";
    private static final String TEST_SECRET = "demo-secret-test-change-me";
    private static final List<String> SERVICE_AUDIENCE = List.of("ita-survey", "ita-scoring", "ita-evidence", "ita-activity");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static Path postgresDir;
    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKeycloak keycloak;

    @BeforeAll
    static void startPostgresAndKeycloak() throws Exception {
        Path zip = Path.of(System.getProperty("ita.keycloak.zip"));
        Path install = Path.of(System.getProperty("ita.keycloak.install"));
        Path realm = Path.of(System.getProperty("ita.keycloak.realm"));

        long t = System.nanoTime();
        boolean unpacked = KeycloakDistribution.ensureInstalled(zip, install);
        timing(unpacked ? "unpack" : "unpack (already there, skipped)", t);

        postgresDir = Files.createTempDirectory("ita-keycloak-test-pg");
        postgres = EmbeddedPostgresServer.start(postgresDir.resolve("data"), 0);
        postgres.ensureDatabase("keycloak");

        int httpPort = PortCheck.freePort();
        int managementPort = PortCheck.freePort();
        while (managementPort == httpPort) {
            managementPort = PortCheck.freePort();
        }
        keycloak = new EmbeddedKeycloak(KeycloakOptions.builder()
                .distributionZip(zip)
                .installDir(install)
                .httpPort(httpPort)
                .managementPort(managementPort)
                .jdbcUrl(postgres.jdbcUrl("keycloak"))
                .dbUsername(EmbeddedPostgresServer.USER)
                .realmFile(realm)
                .logFile(install.resolveSibling("keycloak-test.log"))
                .build());
        t = System.nanoTime();
        keycloak.start();
        timing("first start (fresh database, realm import)", t);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (keycloak != null) {
            List<ProcessHandle> tree = processTree();
            System.out.println("[keycloak] RSS after the tests (idle): " + rssKb(tree) / 1024 + " MB, pids "
                    + tree.stream().map(ProcessHandle::pid).toList());
            keycloak.close();
            tree.forEach(p -> assertFalse(p.isAlive(), "Keycloak process " + p.pid() + " left running"));
        }
        if (postgres != null) {
            postgres.close();
        }
        if (postgresDir != null) {
            KeycloakDistribution.deleteRecursively(postgresDir);
        }
    }

    @Test
    void unitAdminTokenCarriesUnitCodeAndOnlyItsOwnRoles() throws Exception {
        JsonNode tokens = passwordGrant("unit.kalasin2", "demo");
        JsonNode access = jwtPayload(tokens.path("access_token").asText());

        assertEquals("KALASIN2", access.path("unit_code").asText());
        List<String> roles = texts(access.path("realm_access").path("roles"));
        assertTrue(roles.contains("unit-admin"), "roles: " + roles);
        assertFalse(roles.contains("system-admin"), "roles: " + roles);
        assertFalse(roles.contains("area-admin"), "roles: " + roles);
        assertEquals(keycloak.issuer(REALM), access.path("iss").asText());
        assertTrue(texts(access.path("aud")).containsAll(SERVICE_AUDIENCE), "aud: " + access.path("aud"));

        assertEquals("KALASIN2", jwtPayload(tokens.path("id_token").asText()).path("unit_code").asText());
        HttpResponse<String> userinfo = HTTP.send(HttpRequest.newBuilder(
                        URI.create(keycloak.issuer(REALM) + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + tokens.path("access_token").asText()).build(), utf8());
        assertEquals(200, userinfo.statusCode(), userinfo.body());
        JsonNode info = JSON.readTree(userinfo.body());
        assertEquals("KALASIN2", info.path("unit_code").asText());
        assertEquals("สมหญิง", info.path("given_name").asText());
    }

    @Test
    void schoolAdminBelongsToItsSchool() throws Exception {
        JsonNode access = jwtPayload(passwordGrant("unit.school1", "demo").path("access_token").asText());
        assertEquals("KALASIN2-S001", access.path("unit_code").asText());
        assertTrue(texts(access.path("realm_access").path("roles")).contains("unit-admin"));
    }

    @Test
    void wrongPasswordIsRejected() throws Exception {
        // A user of its own: brute-force protection would lock a shared demo user for other tests.
        String username = "wrong-pw-" + UUID.randomUUID().toString().substring(0, 8);
        inviteUser(clientCredentialsToken("ita-scoring-admin", "demo-secret-scoring-admin-change-me"),
                username, "the-right-one", "KALASIN2", "auditor");

        HttpResponse<String> response = tokenRequest(Map.of("grant_type", "password",
                "client_id", TEST_CLIENT, "client_secret", TEST_SECRET,
                "username", username, "password", "not-the-password"));
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("invalid_grant", JSON.readTree(response.body()).path("error").asText());
        assertEquals(200, tokenRequest(Map.of("grant_type", "password",
                "client_id", TEST_CLIENT, "client_secret", TEST_SECRET,
                "username", username, "password", "the-right-one")).statusCode());
    }

    @Test
    void frontendAndServiceClientsCannotUseThePasswordOrClientCredentialsGrant() throws Exception {
        HttpResponse<String> frontend = tokenRequest(Map.of("grant_type", "password",
                "client_id", "ita-frontend", "username", "admin", "password", "demo"));
        assertEquals("unauthorized_client", JSON.readTree(frontend.body()).path("error").asText(), frontend.body());

        HttpResponse<String> service = tokenRequest(Map.of("grant_type", "client_credentials",
                "client_id", "ita-scoring", "client_secret", "demo-secret-scoring-change-me"));
        assertTrue(service.statusCode() >= 400, "a bearer-only service client got a token: " + service.body());
    }

    @Test
    void frontendRefusesToRedirectToAForeignHost() throws Exception {
        String url = authorizeUrl("http://evil.example/", "S256", pkceChallenge(pkceVerifier()));

        HttpResponse<String> thai = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), utf8());
        assertEquals(400, thai.statusCode());
        assertTrue(thai.body().contains("พารามิเตอร์ไม่ถูกต้อง: redirect_uri"),
                "Thai is the realm's default language: " + thai.body());

        HttpResponse<String> english = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept-Language", "en").build(), utf8());
        assertEquals(400, english.statusCode());
        assertTrue(english.body().contains("Invalid parameter: redirect_uri"), english.body());
    }

    @Test
    void frontendRequiresPkce() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(authorizeUrl("http://localhost:8080/callback", null, null))).build(), utf8());
        assertEquals(302, response.statusCode());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("http://localhost:8080/callback?error=invalid_request"), location);
        assertTrue(location.contains("code_challenge_method"), location);
    }

    @Test
    void frontendLogsInWithCodeFlowAndPkceAndGetsATokenTheServicesAccept() throws Exception {
        // Keycloak marks its cookies Secure even on http; browsers keep them for http://localhost,
        // java.net.CookieManager would not, so the test carries them itself.
        Map<String, String> cookies = new LinkedHashMap<>();
        String redirectUri = "http://localhost:8080/callback";
        String verifier = pkceVerifier();

        HttpResponse<String> loginPage = HTTP.send(HttpRequest.newBuilder(
                URI.create(authorizeUrl(redirectUri, "S256", pkceChallenge(verifier)))).build(), utf8());
        assertEquals(200, loginPage.statusCode(), loginPage.body());
        keepCookies(loginPage, cookies);
        String action = loginFormAction(loginPage.body());

        HttpResponse<String> afterLogin = HTTP.send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "username", "area.kalasin2", "password", "demo", "credentialId", "")))).build(), utf8());
        assertEquals(302, afterLogin.statusCode(), afterLogin.body());
        String location = afterLogin.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(redirectUri + "?"), location);
        String code = queryParameter(location, "code");

        HttpResponse<String> exchange = tokenRequest(Map.of("grant_type", "authorization_code",
                "client_id", "ita-frontend", "code", code, "redirect_uri", redirectUri, "code_verifier", verifier));
        assertEquals(200, exchange.statusCode(), exchange.body());
        JsonNode access = jwtPayload(JSON.readTree(exchange.body()).path("access_token").asText());
        assertEquals("ita-frontend", access.path("azp").asText());
        assertTrue(texts(access.path("aud")).containsAll(SERVICE_AUDIENCE), "aud: " + access.path("aud"));
        assertEquals("KALASIN2", access.path("unit_code").asText());
        assertTrue(texts(access.path("realm_access").path("roles")).contains("area-admin"));
    }

    /**
     * scoring-service's way of inviting a user (its service account, Admin REST API), then a
     * restart on the same install and database: the realm is not imported twice, and the invited
     * user can still log in, so Keycloak's data lives in PostgreSQL.
     */
    @Test
    void anInvitedUserAndTheRealmSurviveARestart() throws Exception {
        String adminToken = clientCredentialsToken("ita-scoring-admin", "demo-secret-scoring-admin-change-me");
        String username = "invited-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        String userId = inviteUser(adminToken, username, password, "KALASIN2-S001", "evidence-editor");
        assertNotNull(userId);

        List<ProcessHandle> before = processTree();
        keycloak.close();
        before.forEach(p -> assertFalse(p.isAlive(), "Keycloak process " + p.pid() + " left running after close()"));
        long t = System.nanoTime();
        keycloak.start();
        timing("restart (same install and database)", t);

        JsonNode invited = jwtPayload(passwordGrant(username, password).path("access_token").asText());
        assertEquals("KALASIN2-S001", invited.path("unit_code").asText());
        assertTrue(texts(invited.path("realm_access").path("roles")).contains("evidence-editor"));
        assertEquals("KALASIN2", jwtPayload(passwordGrant("evidence.kalasin2", "demo")
                .path("access_token").asText()).path("unit_code").asText());
    }

    // --- helpers ---------------------------------------------------------------------------

    private static String inviteUser(String token, String username, String password, String unitCode, String role)
            throws Exception {
        String admin = keycloak.baseUrl() + "/admin/realms/" + REALM;
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", username + "@demo.ita.local");
        user.put("emailVerified", true);
        user.put("firstName", "ทดสอบ");
        user.put("lastName", "ผู้ได้รับเชิญ");
        user.put("attributes", Map.of("unit_code", List.of(unitCode)));
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(admin + "/users"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build(), utf8());
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        String userId = location.substring(location.lastIndexOf('/') + 1);

        // manage-users may map realm roles but not read /roles (view-realm): take it from "available".
        HttpResponse<String> available = HTTP.send(HttpRequest.newBuilder(
                        URI.create(admin + "/users/" + userId + "/role-mappings/realm/available"))
                .header("Authorization", "Bearer " + token).build(), utf8());
        assertEquals(200, available.statusCode(), available.body());
        ArrayNode chosen = JSON.createArrayNode();
        JSON.readTree(available.body()).forEach(r -> {
            if (r.path("name").asText().equals(role)) {
                chosen.add(r);
            }
        });
        assertEquals(1, chosen.size(), "role " + role + " in " + available.body());
        HttpResponse<String> mapped = HTTP.send(HttpRequest.newBuilder(
                        URI.create(admin + "/users/" + userId + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(chosen))).build(), utf8());
        assertEquals(204, mapped.statusCode(), mapped.body());
        return userId;
    }

    private static JsonNode passwordGrant(String username, String password) throws Exception {
        HttpResponse<String> response = tokenRequest(Map.of("grant_type", "password",
                "client_id", TEST_CLIENT, "client_secret", TEST_SECRET,
                "username", username, "password", password, "scope", "openid"));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static String clientCredentialsToken(String clientId, String secret) throws Exception {
        HttpResponse<String> response = tokenRequest(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static HttpResponse<String> tokenRequest(Map<String, String> parameters) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.issuer(REALM) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters))).build(), utf8());
    }

    private static String authorizeUrl(String redirectUri, String challengeMethod, String challenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", "ita-frontend");
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("redirect_uri", redirectUri);
        query.put("state", UUID.randomUUID().toString());
        query.put("nonce", UUID.randomUUID().toString());
        if (challenge != null) {
            query.put("code_challenge", challenge);
            query.put("code_challenge_method", challengeMethod);
        }
        return keycloak.issuer(REALM) + "/protocol/openid-connect/auth?" + form(query);
    }

    private static void keepCookies(HttpResponse<?> response, Map<String, String> jar) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            jar.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
    }

    private static String loginFormAction(String html) {
        Matcher form = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>").matcher(html);
        assertTrue(form.find(), "login form not found in: " + html);
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.group());
        assertTrue(action.find(), form.group());
        return action.group(1).replace("&amp;", "&");
    }

    private static String queryParameter(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " not in " + url);
    }

    private static String pkceVerifier() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String pkceChallenge(String verifier) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    private static JsonNode jwtPayload(String jwt) throws IOException {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length, "not a JWT: " + jwt);
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            values.add(node.asText());
        }
        return values;
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse.BodyHandler<String> utf8() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }

    private static List<ProcessHandle> processTree() {
        ProcessHandle root = keycloak.processHandle().orElseThrow();
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        return tree;
    }

    private static long rssKb(List<ProcessHandle> tree) throws Exception {
        String pids = tree.stream().map(p -> String.valueOf(p.pid())).collect(Collectors.joining(","));
        Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", pids).redirectErrorStream(true).start();
        String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ps.waitFor();
        return out.lines().map(String::trim).filter(s -> s.matches("\\d+")).mapToLong(Long::parseLong).sum();
    }

    private static void timing(String what, long startedNanos) {
        System.out.printf("[keycloak] %s: %.1f s%n", what, (System.nanoTime() - startedNanos) / 1e9);
    }
}
