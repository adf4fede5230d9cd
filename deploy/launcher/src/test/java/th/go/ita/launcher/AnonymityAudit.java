package th.go.ita.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
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

    private static final ObjectMapper JSON = StackApi.JSON;
    private static final String UNIT = StackApi.UNIT;
    private static final int STEP = 5;

    private final LauncherConfig config;
    private final Function<String, String> tokens;
    /** What must never be found beside an answer, or anywhere: codes (both spellings) and submission ids. */
    private final List<String> secrets = new ArrayList<>();

    private final StackApi api;

    AnonymityAudit(LauncherConfig config, Function<String, String> tokens) {
        this.config = config;
        this.tokens = tokens;
        this.api = new StackApi(config);
    }

    void run() throws Exception {
        String admin = tokens.apply("admin");
        String unitAdmin = tokens.apply("unit.kalasin2");
        String area = tokens.apply("area.kalasin2");
        String round = api.openRound(admin, "Anonymity audit");
        List<String> codes = new ArrayList<>();
        for (JsonNode code : api.call("POST", "/api/survey/rounds/" + round + "/units/" + UNIT + "/access-codes", unitAdmin,
                Map.of("count", STEP), 201).path("codes")) {
            codes.add(code.asText());
            secrets.add(code.asText());
            secrets.add(code.asText().replace("-", ""));
        }
        JsonNode questionnaire = api.call("GET", "/api/survey/rounds/" + round + "/questionnaires/IIT?unit=" + UNIT, null, null, 200);

        // The diff attack: every figure the unit-admin and the area can read, after each single answer.
        Map<String, String> before = figures(round, unitAdmin, area);
        // Each is readable by its role (a sheet not computed yet is a 404 of its own); the exports are files.
        before.forEach((figure, shown) -> assertTrue(shown.startsWith("200 ") || shown.startsWith("404 ")
                && shown.contains("score-not-computed"), figure + " is readable: " + shown));
        assertTrue(before.get("round progress export").startsWith("200 ") && before.get("area dashboard export").startsWith("200 "));
        Random random = new Random(7);
        for (int i = 0; i < STEP - 1; i++) {
            secrets.add(api.answer(round, codes.get(i), questionnaire, random));
            assertEquals(before, figures(round, unitAdmin, area), "figures after answer " + (i + 1));
        }
        Thread.sleep(12_000); // longer than a release pass (10 s) and a relay pass
        assertEquals(before, figures(round, unitAdmin, area), "figures a release pass after four answers");

        secrets.add(api.answer(round, codes.get(STEP - 1), questionnaire, random));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (api.scoredRespondents(round, area) != STEP) {
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

    /** Every figure computed from responses that these roles can read, as they read it. */
    private Map<String, String> figures(String round, String unitAdmin, String area) throws Exception {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("survey progress", api.text("/api/survey/rounds/" + round + "/units/" + UNIT + "/progress", unitAdmin));
        figures.put("area progress", api.text("/api/survey/rounds/" + round + "/progress", area));
        figures.put("score sheet", api.text("/api/scoring/scores/rounds/" + round + "/units/" + UNIT, area));
        figures.put("round progress", api.text("/api/scoring/dashboards/areas/" + UNIT + "/rounds/" + round + "/progress", area));
        figures.put("area dashboard", api.text("/api/scoring/dashboards/areas/" + UNIT + "?fiscalYear=2567", area));
        figures.put("round progress export", api.text("/api/scoring/dashboards/areas/" + UNIT + "/rounds/" + round
                + "/progress/export?format=csv", area));
        figures.put("area dashboard export", api.text("/api/scoring/dashboards/areas/" + UNIT + "/export?fiscalYear=2567&format=csv", area));
        return figures;
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
}
