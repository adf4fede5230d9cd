package th.go.ita.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The anonymity audit of the whole started system (survey-service README, threat model): real
 * IIT answers through the gateway, then every figure any role can read before and after each
 * single answer, every table of every database on the server (Keycloak's too), every record of
 * every Kafka topic and every log file, searched for what would link an answer to its person.
 */
final class AnonymityAudit {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String UNIT = "KALASIN2";
    private static final int STEP = 5;

    private final LauncherConfig config;
    private final Function<String, String> tokens;
    /** What must never be found beside an answer, or anywhere: codes (both spellings) and submission ids. */
    private final List<String> secrets = new ArrayList<>();

    AnonymityAudit(LauncherConfig config, Function<String, String> tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    void run() throws Exception {
        String admin = tokens.apply("admin");
        String unitAdmin = tokens.apply("unit.kalasin2");
        String area = tokens.apply("area.kalasin2");
        String round = openRound(admin);
        List<String> codes = new ArrayList<>();
        for (JsonNode code : call("POST", "/api/survey/rounds/" + round + "/units/" + UNIT + "/access-codes", unitAdmin,
                Map.of("count", STEP), 201).path("codes")) {
            codes.add(code.asText());
            secrets.add(code.asText());
            secrets.add(code.asText().replace("-", ""));
        }
        JsonNode questionnaire = call("GET", "/api/survey/rounds/" + round + "/questionnaires/IIT?unit=" + UNIT, null, null, 200);

        // The diff attack: every figure the unit-admin and the area can read, after each single answer.
        Map<String, String> before = figures(round, unitAdmin, area);
        before.forEach((figure, shown) -> assertTrue(shown.startsWith("200 "), figure + " is readable: " + shown));
        Random random = new Random(7);
        for (int i = 0; i < STEP - 1; i++) {
            answer(round, codes.get(i), questionnaire, random);
            assertEquals(before, figures(round, unitAdmin, area), "figures after answer " + (i + 1));
        }
        Thread.sleep(12_000); // longer than a release pass (10 s) and a relay pass
        assertEquals(before, figures(round, unitAdmin, area), "figures a release pass after four answers");

        answer(round, codes.get(STEP - 1), questionnaire, random);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (scoredRespondents(round, area) != STEP) {
            assertTrue(System.nanoTime() < deadline, "the step of five reached scoring within 90 s");
            Thread.sleep(1000);
        }
        Map<String, String> after = figures(round, unitAdmin, area);
        assertFalse(after.equals(before), "a step of five moves the figures");
        assertTrue(after.get("survey progress").contains("\"received\":" + STEP), after.get("survey progress"));

        auditDatabases();
        auditTopics(round);
        auditLogs();
    }

    private String openRound(String admin) throws Exception {
        Instant now = Instant.now();
        Function<Integer, String> at = days -> now.plus(days, ChronoUnit.DAYS).toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Anonymity audit " + UUID.randomUUID().toString().substring(0, 8));
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
        while (!call("GET", "/api/survey/rounds", admin, null, 200).toString().contains(round)) {
            assertTrue(System.nanoTime() < deadline, "survey-service learnt of the round within 60 s");
            Thread.sleep(500);
        }
        return round;
    }

    private void answer(String round, String code, JsonNode questionnaire, Random random) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (JsonNode section : questionnaire.path("sections")) {
            for (JsonNode question : section.path("questions")) {
                JsonNode options = question.path("options");
                answers.put(question.path("code").asText(), options.get(random.nextInt(options.size())).path("code").asText());
            }
        }
        String submissionId = UUID.randomUUID().toString();
        secrets.add(submissionId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("submissionId", submissionId);
        body.put("roundId", round);
        body.put("unitCode", UNIT);
        body.put("instrument", "IIT");
        body.put("code", code);
        body.put("answers", answers);
        call("POST", "/api/survey/responses", null, body, 201);
    }

    /** Every figure computed from responses that these roles can read, as they read it. */
    private Map<String, String> figures(String round, String unitAdmin, String area) throws Exception {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("survey progress", text("/api/survey/rounds/" + round + "/units/" + UNIT + "/progress", unitAdmin));
        figures.put("area progress", text("/api/survey/rounds/" + round + "/progress", area));
        figures.put("score sheet", text("/api/scoring/scores/rounds/" + round + "/units/" + UNIT, area));
        figures.put("round progress", text("/api/scoring/dashboards/areas/" + UNIT + "/rounds/" + round + "/progress", area));
        figures.put("area dashboard", text("/api/scoring/dashboards/areas/" + UNIT + "?fiscalYear=2567", area));
        figures.put("round progress export", text("/api/scoring/dashboards/areas/" + UNIT + "/rounds/" + round
                + "/progress/export?format=csv", area));
        figures.put("area dashboard export", text("/api/scoring/dashboards/areas/" + UNIT + "/export?fiscalYear=2567&format=csv", area));
        return figures;
    }

    private long scoredRespondents(String round, String area) throws Exception {
        HttpResponse<String> sheet = send("GET", "/api/scoring/scores/rounds/" + round + "/units/" + UNIT, area, null);
        if (sheet.statusCode() != 200) {
            return -1;
        }
        for (JsonNode sample : JSON.readTree(sheet.body()).path("samples")) {
            if ("IIT".equals(sample.path("instrument").asText())) {
                return sample.path("received").asLong();
            }
        }
        return -1;
    }

    /**
     * Every table of every database: no code or submission id anywhere, and where a row holds
     * answers, no time of day, no sequence and no column that could order or date it finer than
     * the day.
     */
    private void auditDatabases() throws Exception {
        String server = "jdbc:postgresql://localhost:" + config.postgresPort() + "/";
        List<String> databases = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT datname FROM pg_database WHERE NOT datistemplate")) {
            while (rs.next()) {
                databases.add(rs.getString(1));
            }
        }
        assertTrue(databases.containsAll(List.of("survey", "scoring", "evidence", "activity", "keycloak")), databases.toString());
        int tables = 0;
        for (String database : databases) {
            try (Connection c = DriverManager.getConnection(server + database, "postgres", "");
                 Statement s = c.createStatement()) {
                List<String[]> names = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT table_schema, table_name FROM information_schema.tables "
                        + "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                    while (rs.next()) {
                        names.add(new String[]{rs.getString(1), rs.getString(2)});
                    }
                }
                for (String[] name : names) {
                    tables++;
                    String table = "\"" + name[0] + "\".\"" + name[1] + "\"";
                    boolean holdsAnswers = false;
                    try (ResultSet rows = s.executeQuery("SELECT row_to_json(t)::text FROM " + table + " t")) {
                        while (rows.next()) {
                            String row = rows.getString(1);
                            for (String secret : secrets) {
                                if (row.contains(secret)) {
                                    fail(database + "." + table + " holds a code or submission id: " + row);
                                }
                            }
                            holdsAnswers |= row.contains("\"answers\"");
                        }
                    }
                    if (holdsAnswers) {
                        checkNothingOrdersOrDatesTheAnswers(s, database, name);
                    }
                }
            }
        }
        System.out.printf("[measure] anonymity audit: %d databases, %d tables read%n", databases.size(), tables);
    }

    private static void checkNothingOrdersOrDatesTheAnswers(Statement s, String database, String[] name) throws Exception {
        String where = "table_schema = '" + name[0] + "' AND table_name = '" + name[1] + "'";
        List<String> timeColumns = new ArrayList<>();
        try (ResultSet cols = s.executeQuery("SELECT column_name, data_type, coalesce(column_default, '') FROM information_schema.columns WHERE " + where)) {
            while (cols.next()) {
                assertFalse(cols.getString(3).startsWith("nextval"), database + "." + name[1] + "." + cols.getString(1)
                        + " is a sequence beside answers");
                if (cols.getString(2).startsWith("timestamp") || cols.getString(2).startsWith("time ")) {
                    timeColumns.add(cols.getString(1));
                }
            }
        }
        for (String column : timeColumns) {
            // The day, as midnight of the database (UTC) or of Bangkok (17:00 UTC): nothing finer.
            try (ResultSet finer = s.executeQuery("SELECT count(*) FROM \"" + name[0] + "\".\"" + name[1] + "\" t WHERE \""
                    + column + "\" IS NOT NULL AND to_char(\"" + column + "\" AT TIME ZONE 'UTC', 'HH24:MI:SS.US') "
                    + "NOT IN ('00:00:00.000000', '17:00:00.000000') AND row_to_json(t)::text LIKE '%\"answers\"%'")) {
                finer.next();
                assertEquals(0, finer.getInt(1), database + "." + name[1] + "." + column + " keeps a time of day beside answers");
            }
        }
    }

    /** Every topic: no secret in any key, header or value; responses dated to the day and released in steps. */
    private void auditTopics(String round) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + config.kafkaPort());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "anonymity-audit-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        int records = 0;
        List<JsonNode> ourSteps = new ArrayList<>();
        int ourScoreChanges = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<String> topics = consumer.listTopics().keySet().stream().filter(t -> !t.startsWith("__")).toList();
            consumer.subscribe(topics);
            long quiet = System.nanoTime();
            while (System.nanoTime() - quiet < Duration.ofSeconds(5).toNanos()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    quiet = System.nanoTime();
                    records++;
                    String all = record.key() + " " + record.value() + " " + Stream.of(record.headers().toArray())
                            .map(h -> h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8)).toList();
                    for (String secret : secrets) {
                        assertFalse(all.contains(secret), record.topic() + " record holds a code or submission id");
                    }
                    if (record.topic().equals("survey.responses")) {
                        assertEquals(17 * 3600_000L, Math.floorMod(record.timestamp(), 86_400_000L),
                                "a response record's timestamp is the start of a Bangkok day");
                        JsonNode event = JSON.readTree(record.value());
                        if (round.equals(event.path("roundId").asText())) {
                            ourSteps.add(event);
                        }
                    }
                    if (record.topic().equals("scores.changed") && record.value().contains(round)) {
                        ourScoreChanges++;
                    }
                }
            }
        }
        assertEquals(1, ourSteps.size(), "five answers went out as one step");
        JsonNode payload = ourSteps.get(0).path("payload");
        assertEquals(STEP, payload.path("responses").size());
        payload.path("responses").forEach(r -> assertEquals(new java.util.TreeSet<>(List.of("answers", "respondentCategory")),
                new java.util.TreeSet<>(iterate(r.fieldNames())), "a released response is its answers and category only"));
        assertTrue(ourScoreChanges <= 1, "one step, at most one score change; was " + ourScoreChanges);
        System.out.printf("[measure] anonymity audit: %d Kafka records read%n", records);
    }

    /** Every log file of the stack (services, Keycloak): no code, no submission id, no respondent's request line. */
    private void auditLogs() throws Exception {
        List<Path> logs;
        try (Stream<Path> files = Files.walk(config.logDir())) {
            logs = files.filter(Files::isRegularFile).toList();
        }
        assertFalse(logs.isEmpty(), "the stack writes logs to " + config.logDir());
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            for (String secret : secrets) {
                assertFalse(text.contains(secret), log.getFileName() + " holds a code or submission id");
            }
            assertFalse(text.contains("/responses"), log.getFileName() + " logs a respondent's request");
        }
        System.out.printf("[measure] anonymity audit: %d log files read%n", logs.size());
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private String text(String path, String bearer) throws Exception {
        HttpResponse<String> response = send("GET", path, bearer, null);
        return response.statusCode() + " " + response.body();
    }

    private JsonNode call(String method, String path, String bearer, Object body, int expected) throws Exception {
        HttpResponse<String> response = send(method, path, bearer, body);
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String bearer, Object body) throws Exception {
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
