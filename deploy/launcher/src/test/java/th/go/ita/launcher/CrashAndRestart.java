package th.go.ita.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import th.go.ita.embedded.EmbeddedPostgresServer;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15's process faults, on the real stack: scoring-service killed (SIGKILL) right after it
 * applied a step of answers, so its Kafka offsets are behind what it stored, with more answers and
 * verdicts sent while it is away; and PostgreSQL restarted while respondents keep submitting
 * through the gateway. Every answer and verdict counts once, no request gets a 5xx other than a
 * 503 with {@code Retry-After}, and no code is spent without its response or the other way round.
 */
final class CrashAndRestart {

    private static final String UNIT = StackApi.UNIT;

    private final LauncherConfig config;
    private final LocalStack stack;
    private final Function<String, String> tokens;
    private final StackApi api;

    CrashAndRestart(LauncherConfig config, LocalStack stack, Function<String, String> tokens) {
        this.config = config;
        this.stack = stack;
        this.tokens = tokens;
        this.api = new StackApi(config);
    }

    void consumerKilledRightAfterApplyingAStep() throws Exception {
        long started = System.nanoTime();
        String admin = tokens.apply("admin");
        String area = tokens.apply("area.kalasin2");
        String editor = tokens.apply("evidence.kalasin2");
        String auditor = tokens.apply("auditor");
        String round = api.openRound(admin, "Consumer crash");
        api.awaitEvidenceKnows(round, editor);
        api.send("PUT", "/api/evidence/units/" + UNIT + "/auditors/auditor", area, null);
        List<String> codes = codes(round, 24);
        JsonNode questionnaire = questionnaire(round);
        Random random = new Random(151);
        for (String code : codes.subList(0, 10)) {
            api.answer(round, code, questionnaire, random);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (scoredInputs(round) == 0) {
            assertTrue(System.nanoTime() < deadline, "scoring applied the first step within 60 s");
            Thread.sleep(20);
        }
        long applied = System.nanoTime();
        // Kafka offsets are committed every few seconds: killed now, scoring has stored the step
        // but not said so to Kafka, and gets it again when it is back.
        stack.crash("scoring-service");
        System.out.printf("[measure] consumer crash: scoring killed %.2f s after it applied the first step%n",
                (System.nanoTime() - applied) / 1e9);
        for (String code : codes.subList(10, 20)) {
            api.answer(round, code, questionnaire, random);
        }
        String items = "/api/evidence/units/" + UNIT + "/rounds/" + round + "/items/";
        for (String item : List.of("O1", "O2", "O3")) {
            api.call("POST", items + item + "/links", editor, Map.of("url", "https://www.kalasin2.go.th/oit/" + item, "label", item), 201);
            api.call("POST", items + item + "/submit", editor, null, 200);
            api.call("POST", items + item + "/review", auditor, Map.of("verdict", "PASSED"), 200);
        }
        Thread.sleep(11_000); // past a release pass: what is left waiting is now known
        int sent = 20 + api.completeTheStep(round, codes.subList(20, codes.size()).iterator(), questionnaire, random);
        long down = System.nanoTime();
        stack.startAgain("scoring-service");
        System.out.printf("[measure] consumer crash: scoring away %.1f s, back and ready%n", (System.nanoTime() - down) / 1e9);
        deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!counted(api.sheet(round, area), sent, 40)) {
            assertTrue(System.nanoTime() < deadline, "every answer and verdict reached scoring within 120 s: " + api.sheet(round, area));
            Thread.sleep(1000);
        }
        Thread.sleep(5_000); // a second redelivery would land by now
        JsonNode live = api.sheet(round, area);
        assertEquals(sent, StackApi.respondents(live), "the step scoring had stored before it was killed counted once: " + live);
        assertEquals(40, live.path("oitItemsPending").asInt(), "three verdicts counted once");
        api.assertRebuildEqualsLive(round, admin);
        System.out.printf("[measure] consumer crash: %d answers + 3 verdicts sent, %d + 3 counted (0 lost, 0 double); fault took %.0f s%n",
                sent, StackApi.respondents(live), (System.nanoTime() - started) / 1e9);
    }

    void databaseRestartedUnderLoad() throws Exception {
        long started = System.nanoTime();
        String admin = tokens.apply("admin");
        String area = tokens.apply("area.kalasin2");
        String round = api.openRound(admin, "Database restart");
        List<String> all = codes(round, 34);
        List<String> codes = all.subList(0, 30);
        JsonNode questionnaire = questionnaire(round);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> problems = new ArrayList<>();
        AtomicInteger accepted = new AtomicInteger();
        Thread respondents = new Thread(() -> {
            Random random = new Random(152);
            for (String code : codes) {
                Map<String, Object> body = api.answerBody(round, code, questionnaire, random);
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (System.nanoTime() < deadline) {
                    try {
                        HttpResponse<String> response = api.send("POST", "/api/survey/responses", null, body);
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() == 201 || response.statusCode() == 200) {
                            accepted.incrementAndGet();
                            break;
                        }
                        if (response.statusCode() != 503 || response.headers().firstValue("Retry-After").isEmpty()) {
                            problems.add(response.statusCode() + " " + response.headers().map() + " " + response.body());
                            break;
                        }
                    } catch (Exception e) {
                        problems.add(e.toString());
                        break;
                    }
                    // As the web app does: the same submission again, after a pause.
                    sleep(1000);
                }
            }
        }, "respondents");
        respondents.start();
        while (accepted.get() < 8 && respondents.isAlive()) {
            Thread.sleep(20);
        }
        EmbeddedPostgresServer postgres = stack.postgres();
        long stopped = System.nanoTime();
        postgres.stop();
        Thread.sleep(5_000);
        postgres.restart();
        System.out.printf("[measure] database restart: PostgreSQL away %.1f s with respondents submitting%n",
                (System.nanoTime() - stopped) / 1e9);
        respondents.join(TimeUnit.MINUTES.toMillis(3));
        assertTrue(problems.isEmpty(), "only 201, or 503 with Retry-After: " + problems);
        System.out.printf("[measure] database restart: answers through the gateway by status %s%n", new java.util.TreeMap<>(statuses));
        assertEquals(30, accepted.get(), "every respondent's answer was taken in the end");
        assertTrue(statuses.containsKey(503), "the restart was felt as 503 with Retry-After: " + statuses);

        Thread.sleep(11_000); // past a release pass: what is left waiting is now known
        int sent = 30 + api.completeTheStep(round, all.subList(30, all.size()).iterator(), questionnaire, new Random(153));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (StackApi.respondents(orEmpty(api.sheet(round, area))) != sent) {
            assertTrue(System.nanoTime() < deadline, "all " + sent + " reached scoring within 120 s: " + api.sheet(round, area));
            Thread.sleep(1000);
        }
        try (Connection survey = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + config.postgresPort() + "/survey", EmbeddedPostgresServer.USER, "")) {
            assertEquals(sent, count(survey, "SELECT count(*) FROM access_code WHERE round_id = ? AND used", round),
                    "codes spent: one per response, none without");
            assertEquals(sent, count(survey, "SELECT count(*) FROM survey_response WHERE round_id = ?", round),
                    "responses stored: one per spent code, none twice");
        }
        for (String service : List.of("survey", "scoring", "evidence", "activity")) {
            assertEquals("UP", api.call("GET", "/api/" + service + "/q/health/ready", null, null, 200).path("status").asText(),
                    service + " is ready again");
        }
        assertTrue(!tokens.apply("unit.kalasin2").isBlank(), "Keycloak gives tokens again");
        System.out.printf("[measure] database restart: %d answered, %d stored, %d counted, 0 partial; fault took %.0f s%n",
                sent, sent, sent, (System.nanoTime() - started) / 1e9);
    }

    private List<String> codes(String round, int count) throws Exception {
        List<String> codes = new ArrayList<>();
        for (JsonNode code : api.call("POST", "/api/survey/rounds/" + round + "/units/" + UNIT + "/access-codes",
                tokens.apply("unit.kalasin2"), Map.of("count", count), 201).path("codes")) {
            codes.add(code.asText());
        }
        return codes;
    }

    private JsonNode questionnaire(String round) throws Exception {
        return api.call("GET", "/api/survey/rounds/" + round + "/questionnaires/IIT?unit=" + UNIT, null, null, 200);
    }

    private int scoredInputs(String round) throws Exception {
        try (Connection scoring = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + config.postgresPort() + "/scoring", EmbeddedPostgresServer.USER, "")) {
            return count(scoring, "SELECT count(*) FROM score_input_event WHERE round_id = CAST(? AS uuid)", round);
        }
    }

    private static int count(Connection c, String sql, String round) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, round);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static boolean counted(JsonNode sheet, int answers, int pending) {
        return sheet != null && StackApi.respondents(sheet) == answers && sheet.path("oitItemsPending").asInt() == pending;
    }

    private static JsonNode orEmpty(JsonNode sheet) {
        return sheet == null ? StackApi.JSON.createObjectNode() : sheet;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
