package th.go.ita.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import th.go.ita.embedded.PortCheck;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole system as `./ita start` runs it (real PostgreSQL, Kafka, Keycloak, the four packaged
 * services, the built SPA behind the gateway), on free ports and an empty data folder, then the
 * browser tests of the SPA against it. Prints start-up time and each process' memory. The backup
 * test runs last: it stops this stack and starts another on the restored data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalStack stack;
    private static LauncherConfig config;
    private static double startSeconds;

    @BeforeAll
    static void startEverything() throws Exception {
        Path root = Path.of(System.getProperty("ita.project.root", "../..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("ita-stack-it");
        Map<String, String> env = Map.of(
                "ITA_DATA_DIR", data.toString(),
                "ITA_PORT", String.valueOf(PortCheck.freePort()),
                "ITA_POSTGRES_PORT", String.valueOf(PortCheck.freePort()),
                "ITA_KAFKA_PORT", String.valueOf(PortCheck.freePort()),
                "ITA_KEYCLOAK_PORT", String.valueOf(PortCheck.freePort()),
                "ITA_KEYCLOAK_MANAGEMENT_PORT", String.valueOf(PortCheck.freePort()),
                "ITA_SURVEY_PORT", String.valueOf(PortCheck.freePort()),
                "ITA_SCORING_PORT", String.valueOf(PortCheck.freePort()),
                "ITA_EVIDENCE_PORT", String.valueOf(PortCheck.freePort()),
                "ITA_ACTIVITY_PORT", String.valueOf(PortCheck.freePort()));
        config = LauncherConfig.from(root, List.of(), env::get);
        long t = System.nanoTime();
        stack = LocalStack.start(config, System.out::println);
        startSeconds = (System.nanoTime() - t) / 1e9;
        System.out.printf("[measure] whole stack ready in %.1f s%n", startSeconds);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (stack == null) {
            return;
        }
        stack.processes().forEach((name, process) -> System.out.printf("[measure] RSS %-16s %6d MB%n", name, rssMb(process)));
        System.out.printf("[measure] RSS %-16s %6d MB (PostgreSQL server processes excluded)%n", "launcher+pg+kafka",
                rssMb(ProcessHandle.current()));
        List<ProcessHandle> children = List.copyOf(stack.processes().values());
        stack.close();
        for (ProcessHandle child : children) {
            child.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(child.isAlive(), "stopped: " + child.info().command().orElse("?"));
        }
    }

    @Test
    void everyServiceIsHealthyBehindTheGatewayAndServesItsOpenApi() throws Exception {
        for (String service : List.of("survey", "scoring", "evidence", "activity")) {
            HttpResponse<String> ready = get("/api/" + service + "/q/health/ready", null);
            assertEquals(200, ready.statusCode(), service + " readiness: " + ready.body());
            assertEquals("UP", JSON.readTree(ready.body()).path("status").asText());
            HttpResponse<String> openapi = get("/api/" + service + "/q/openapi?format=json", null);
            assertEquals(200, openapi.statusCode());
            assertEquals("ITA Online - " + service + "-service", JSON.readTree(openapi.body()).path("info").path("title").asText());
        }
    }

    @Test
    void theSpaIsServedWithItsRuntimeSettingsAndClientSideRoutesSurviveAReload() throws Exception {
        HttpResponse<String> env = get("/env.js", null);
        assertTrue(env.body().contains("\"keycloakUrl\":\"" + config.keycloakUrl() + "\""), env.body());
        HttpResponse<String> deepLink = get("/login-callback", null);
        assertEquals(200, deepLink.statusCode());
        assertTrue(deepLink.body().contains("<div id=\"root\">"), "index.html for a client-side route");
        HttpResponse<String> unknownApi = get("/api/scoring/no-such-endpoint", null);
        assertEquals(404, unknownApi.statusCode());
        assertEquals("application/problem+json", unknownApi.headers().firstValue("content-type").orElse(""));
    }

    @Test
    void realKeycloakTokensCarryTheUnitScopeThatServicesEnforce() throws Exception {
        String area = token("area.kalasin2");
        HttpResponse<String> school = get("/api/scoring/units/KALASIN2-S001", area);
        assertEquals(200, school.statusCode(), school.body());
        JsonNode unit = JSON.readTree(school.body());
        assertEquals("KALASIN2", unit.path("parentCode").asText());
        assertTrue(unit.path("demo").asBoolean(), "made-up demo school is marked as demo");

        String otherSchool = token("unit.school1");
        HttpResponse<String> denied = get("/api/scoring/units/KALASIN2", otherSchool);
        assertEquals(403, denied.statusCode(), "a school's admin cannot read its area office");
        assertEquals("urn:ita:problem:unit-out-of-scope", JSON.readTree(denied.body()).path("type").asText());

        HttpResponse<String> noToken = get("/api/evidence/me", null);
        assertEquals(401, noToken.statusCode());
        HttpResponse<String> me = get("/api/activity/me", area);
        assertEquals("KALASIN2", JSON.readTree(me.body()).path("unitCode").asText());
    }

    /**
     * A token Keycloak issued to another client of the realm (scoring's Keycloak-admin service
     * account, whose aud names none of the services) is refused: each service checks that its own
     * client is in the token's aud. Users' tokens (the SPA, the test client) name all four.
     */
    @Test
    void aTokenIssuedForAnotherAudienceIsRefused() throws Exception {
        String other = otherAudienceToken();
        String audience = JSON.readTree(java.util.Base64.getUrlDecoder().decode(other.split("\\.")[1])).path("aud").toString();
        String user = token("area.kalasin2");
        for (String service : List.of("survey", "scoring", "evidence", "activity")) {
            assertFalse(audience.contains("ita-" + service), "the other client's token is not for " + service + ": " + audience);
            HttpResponse<String> refused = get("/api/" + service + "/me", other);
            assertEquals(401, refused.statusCode(), service + " refuses a token for " + audience + ": " + refused.body());
            assertEquals(200, get("/api/" + service + "/me", user).statusCode(), service + " takes a user's token");
        }
    }

    /** docs/access's tables, the reading operations scoped by unit, with the demo users' real tokens. */
    @Test
    void aSliceOfTheAccessMatrixHoldsWithRealKeycloakTokens() throws Exception {
        new AccessMatrixSlice(config, LocalStackIT::demoToken, otherAudienceToken()).run();
    }

    /** The public origin's headers as a browser gets them, and what it keeps to itself. */
    @Test
    void theGatewaySendsItsSecurityHeadersAndKeepsMetricsInside() throws Exception {
        for (String path : List.of("/", "/e/Zq3xYtW8pK", "/env.js", "/api/scoring/info")) {
            HttpResponse<String> response = get(path, null);
            System.out.printf("[headers] %s -> %d%n", path, response.statusCode());
            for (String name : List.of("content-security-policy", "x-content-type-options", "referrer-policy",
                    "strict-transport-security")) {
                response.headers().firstValue(name).ifPresent(v -> System.out.printf("[headers]   %s: %s%n", name, v));
            }
            assertEquals(SecurityHeaders.contentSecurityPolicy(config.keycloakUrl()),
                    response.headers().firstValue("content-security-policy").orElse(null), path);
            assertEquals(SecurityHeaders.referrerPolicy(path), response.headers().firstValue("referrer-policy").orElse(null));
        }
        for (String service : List.of("survey", "scoring", "evidence", "activity")) {
            HttpResponse<String> metrics = get("/api/" + service + "/q/metrics", null);
            assertEquals(404, metrics.statusCode(), service + " metrics stay off the public origin");
            assertEquals("application/problem+json", metrics.headers().firstValue("content-type").orElse(""));
            assertEquals(404, get("/api/" + service + "/q/swagger-ui", null).statusCode());
        }
    }

    /** Issue 16: the hostile-input corpus through the gateway, with a real token and without. */
    @Test
    void brokenAndHostileInputThroughTheGatewayGetsProblemsNeverA5xx() throws Exception {
        new GatewayHostileInput(config, LocalStackIT::demoToken).run();
    }

    /** The anonymity audit (survey-service README, threat model): tables, topics, logs and the diff attack. */
    @Test
    void noTableTopicOrLogLinksAnAnswerToItsPersonAndNoSingleAnswerMovesAFigure() throws Exception {
        new AnonymityAudit(config, LocalStackIT::demoToken).run();
    }

    /** Issue 15's first fault: the broker stopped while answers and a verdict are committed. */
    @Test
    void answersAndAVerdictCommittedWhileKafkaIsDownAllReachScoringOnce() throws Exception {
        new KafkaOutage(config, stack.kafka(), LocalStackIT::demoToken).run();
    }

    /** Issue 15's process faults: a consumer killed after applying a step, PostgreSQL restarted under load. */
    @Test
    void aConsumerKilledAfterApplyingAStepAndADatabaseRestartedUnderLoadLoseAndDoubleNothing() throws Exception {
        CrashAndRestart faults = new CrashAndRestart(config, stack, LocalStackIT::demoToken);
        faults.consumerKilledRightAfterApplyingAStep();
        faults.databaseRestartedUnderLoad();
    }

    /** Issue 23: back up the running stack, go on, restore into an empty folder, start on it. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aBackupOfTheRunningStackRestoresIntoAnEmptyFolderExactlyAndTheStackStartsOnIt() throws Exception {
        // The scenario stops this stack; @AfterAll stops the one it returns, or this one again if it failed.
        stack = new BackupAndRestore(config, LocalStackIT::demoToken).run(stack);
    }

    @Test
    void browserTestsOfTheSpaPassAgainstTheStartedStack() throws Exception {
        Path frontend = config.projectRoot().resolve("frontend");
        // Not inheritIO: this JVM's standard streams are the test runner's channel to Maven.
        Path log = Path.of("target", "e2e.log").toAbsolutePath();
        ProcessBuilder npm = new ProcessBuilder("npm", "run", "e2e")
                .directory(frontend.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        npm.environment().put("ITA_BASE_URL", config.gatewayUrl());
        Process process = npm.start();
        process.getOutputStream().close();
        // The journeys (survey, evidence, activity, scoring) take 2-3 minutes on a busy 2-core machine.
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        // Lenient: a browser's output may hold bytes that are not UTF-8, and the result matters more.
        System.out.println(new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        assertTrue(finished, "Playwright finished within 15 minutes");
        assertEquals(0, process.exitValue(), "Playwright tests (frontend/e2e) passed; see their output above");
    }

    private static HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A token the realm issued to another of its clients: scoring's Keycloak-admin service account, for itself. */
    private static String otherAudienceToken() throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=ita-scoring-admin"
                + "&client_secret=demo-secret-scoring-admin-change-me";
        HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(
                        URI.create(config.keycloakUrl() + "/realms/ita/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, issued.statusCode(), issued.body());
        return JSON.readTree(issued.body()).path("access_token").asText();
    }

    /** A token from the real Keycloak, through the test-only client of the realm (demo secret). */
    /** {@link #token} for the scenarios, which take a plain function. */
    private static String demoToken(String username) {
        try {
            return token(username);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String token(String username) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=ita-test&client_secret=demo-secret-test-change-me"
                + "&scope=openid&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=demo";
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.keycloakUrl() + "/realms/ita/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static long rssMb(ProcessHandle process) {
        try {
            Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
            return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }
}
