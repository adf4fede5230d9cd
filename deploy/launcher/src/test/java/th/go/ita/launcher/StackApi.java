package th.go.ita.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The started system as its users reach it, through the gateway: what the end-to-end scenarios share. */
final class StackApi {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String UNIT = "KALASIN2";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LauncherConfig config;

    StackApi(LauncherConfig config) {
        this.config = config;
    }

    /** A new FY2567 round over {@value #UNIT}, open for answers now, once survey-service has it OPEN. */
    String openRound(String admin, String name) throws Exception {
        Instant now = Instant.now();
        Function<Integer, String> at = days -> now.plus(days, ChronoUnit.DAYS).toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name + " " + UUID.randomUUID().toString().substring(0, 8));
        body.put("fiscalYear", 2567);
        body.put("frameworkId", "NACC-2567");
        body.put("frameworkVersion", 1);
        body.put("scopeUnitCode", UNIT);
        body.put("surveyOpensAt", at.apply(-1));
        body.put("surveyClosesAt", at.apply(30));
        body.put("oitDeadline", at.apply(10));
        body.put("reviewOpensAt", at.apply(11));
        body.put("reviewClosesAt", at.apply(20));
        body.put("correctionClosesAt", at.apply(25));
        String round = call("POST", "/api/scoring/rounds", admin, body, 201).path("id").asText();
        call("POST", "/api/scoring/rounds/" + round + "/state", admin, Map.of("state", "OPEN"), 200);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // Created as DRAFT, then opened: two events, so wait for the second, not just for the round.
        while (!openIn(call("GET", "/api/survey/rounds", admin, null, 200), round)) {
            assertTrue(System.nanoTime() < deadline, "survey-service learnt of the open round within 60 s");
            Thread.sleep(500);
        }
        return round;
    }

    /** Waits until evidence-service has the round (from scoring's event). */
    void awaitEvidenceKnows(String round, String editor) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!text("/api/evidence/units/" + UNIT + "/rounds", editor).contains(round)) {
            assertTrue(System.nanoTime() < deadline, "evidence-service learnt of the round within 60 s");
            Thread.sleep(500);
        }
    }

    private static boolean openIn(JsonNode rounds, String round) {
        for (JsonNode r : rounds) {
            if (round.equals(r.path("id").asText()) && "OPEN".equals(r.path("state").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Answers every IIT question with a random option, as a respondent with {@code code}. @return the submission id */
    String answer(String round, String code, JsonNode questionnaire, Random random) throws Exception {
        Map<String, Object> body = answerBody(round, code, questionnaire, random);
        call("POST", "/api/survey/responses", null, body, 201);
        return (String) body.get("submissionId");
    }

    /**
     * Answers are released in steps of 5 (survey-service README, threat model): a release pass that
     * came while answers were still arriving can leave fewer than 5 waiting until the day ends. Called
     * once the answers have stood longer than a release pass (10 s), this answers as many more (from
     * {@code spare}) as complete the step, so every answer sent reaches scoring now. @return how many
     * were added
     */
    int completeTheStep(String round, Iterator<String> spare, JsonNode questionnaire, Random random) throws Exception {
        int waiting;
        try (Connection survey = DriverManager.getConnection("jdbc:postgresql://localhost:" + config.postgresPort() + "/survey",
                "postgres", "");
             PreparedStatement s = survey.prepareStatement(
                     "SELECT count(*) FROM survey_response WHERE round_id = ? AND instrument = 'IIT' AND NOT released")) {
            s.setString(1, round);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                waiting = rs.getInt(1);
            }
        }
        int added = waiting > 0 && waiting < 5 ? 5 - waiting : 0;
        for (int i = 0; i < added; i++) {
            answer(round, spare.next(), questionnaire, random);
        }
        return added;
    }

    /** A respondent's submission: every IIT question answered with a random option, a new submission id. */
    Map<String, Object> answerBody(String round, String code, JsonNode questionnaire, Random random) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (JsonNode section : questionnaire.path("sections")) {
            for (JsonNode question : section.path("questions")) {
                JsonNode options = question.path("options");
                answers.put(question.path("code").asText(), options.get(random.nextInt(options.size())).path("code").asText());
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("submissionId", UUID.randomUUID().toString());
        body.put("roundId", round);
        body.put("unitCode", UNIT);
        body.put("instrument", "IIT");
        body.put("code", code);
        body.put("answers", answers);
        return body;
    }

    /** The unit's score sheet as the area reads it, or null while none is computed. */
    JsonNode sheet(String round, String bearer) throws Exception {
        HttpResponse<String> sheet = send("GET", "/api/scoring/scores/rounds/" + round + "/units/" + UNIT, bearer, null);
        return sheet.statusCode() == 200 ? JSON.readTree(sheet.body()) : null;
    }

    /** After a fault: the whole round rebuilt from scoring's stored inputs gives the very sheets scoring shows live. */
    void assertRebuildEqualsLive(String round, String admin) throws Exception {
        JsonNode live = sheet(round, admin);
        JsonNode rebuilt = call("POST", "/api/scoring/scores/rounds/" + round + "/rebuild", admin, null, 200);
        assertTrue(rebuilt.path("units").asInt() >= 1, "the round has scored units: " + rebuilt);
        assertEquals(0, rebuilt.path("differed").size(), "a whole round rebuilt from stored inputs equals the live sheets: " + rebuilt);
        assertEquals(live, sheet(round, admin));
    }

    /** IIT respondents counted in the unit's sheet, or -1 while none is computed. */
    long scoredRespondents(String round, String bearer) throws Exception {
        JsonNode sheet = sheet(round, bearer);
        return sheet == null ? -1 : respondents(sheet);
    }

    /** IIT respondents counted in a sheet, or -1 when it has no IIT sample. */
    static long respondents(JsonNode sheet) {
        for (JsonNode sample : sheet.path("samples")) {
            if ("IIT".equals(sample.path("instrument").asText())) {
                return sample.path("received").asLong();
            }
        }
        return -1;
    }

    String text(String path, String bearer) throws Exception {
        HttpResponse<String> response = send("GET", path, bearer, null);
        return response.statusCode() + " " + response.body();
    }

    JsonNode call(String method, String path, String bearer, Object body, int expected) throws Exception {
        HttpResponse<String> response = send(method, path, bearer, body);
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    HttpResponse<String> send(String method, String path, String bearer, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
