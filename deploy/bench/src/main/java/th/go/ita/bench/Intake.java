package th.go.ita.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * IIT intake at rising concurrency, straight to survey-service, beside the plain JDBC baseline: the
 * same INSERT of a {@code survey_response} row, one transaction each, over as many connections,
 * into the same PostgreSQL, in the same run. Then the respondent path as a phone takes it through
 * the gateway: the questionnaire, then the submission.
 */
final class Intake {

    private static final String SECTION = "intake";
    private static final String RAW_TABLE = "bench_raw_response";

    private final Api api;
    private final Results results;
    private final Settings settings;
    private final Map<String, Long> pids;

    Intake(Api api, Results results, Settings settings, Map<String, Long> pids) {
        this.api = api;
        this.results = results;
        this.settings = settings;
        this.pids = pids;
    }

    /** @return the round the answers went to (the later scenarios reuse it) */
    String run() throws Exception {
        String round = api.openRound("intake");
        JsonNode questionnaire = api.questionnaire(round, Api.UNIT);
        int[] levels = settings.concurrency();
        int perLevel = settings.submissionsPerLevel();
        int warmUp = settings.warmUp();
        List<String> codes = api.codes(round, Api.UNIT, warmUp + levels.length * perLevel + settings.respondents());
        Random random = new Random(18);
        List<String> bodies = new ArrayList<>(codes.size());
        for (String code : codes) {
            bodies.add(Api.answerBody(round, Api.UNIT, code, questionnaire, random));
        }
        String answers = Api.JSON.readTree(bodies.get(0)).path("answers").toString();
        String survey = api.target.survey();
        Load.run(4, warmUp, Duration.ofSeconds(60), i -> api.submit(survey, bodies.get(i)) == 201);
        try (Raw raw = new Raw(api.target.jdbc("survey"), round, answers)) {
            raw.run(4, warmUp); // warm-up
            int offset = warmUp;
            for (int c : levels) {
                int from = offset;
                Long surveyPid = pids.get("survey");
                double cpu0 = surveyPid == null ? -1 : Processes.cpuMillis(surveyPid);
                Load.Stats intake = Load.run(c, perLevel, settings.levelLimit(), i -> api.submit(survey, bodies.get(from + i)) == 201);
                double cpu1 = surveyPid == null ? -1 : Processes.cpuMillis(surveyPid);
                offset += perLevel;
                Load.Stats base = raw.run(c, perLevel);
                String at = "c=" + c;
                results.add(SECTION, "IIT submissions/s (30 answers, one code each)", at, intake.perSecond(), "per s", "",
                        intake.done() + " in " + Results.number(intake.seconds()) + " s" + (intake.failed() > 0 ? ", " + intake.failed() + " failed" : ""));
                results.add(SECTION, "IIT submission latency p50", at, intake.p50(), "ms");
                results.add(SECTION, "IIT submission latency p99", at, intake.p99(), "ms");
                results.add(SECTION, "raw INSERT tps (JDBC, same row)", at, base.perSecond(), "per s", "",
                        base.done() + " rows");
                results.add(SECTION, "intake ÷ raw", at, intake.perSecond() / base.perSecond(), "ratio",
                        c == 16 ? "≥ 0.5 (0.3 closes)" : "", "");
                if (cpu0 >= 0 && intake.done() > 0) {
                    results.add(SECTION, "survey-service CPU per submission", at, (cpu1 - cpu0) / intake.done(), "ms",
                            c == 16 ? "≤ 0.4" : "", "user+system time of its JVM");
                }
            }
            respondentPath(round, questionnaire, codes.subList(offset, offset + settings.respondents()));
        }
        return round;
    }

    /**
     * What a phone does: load the questionnaire, then submit. Straight to survey-service, as
     * behind the gateway every local client has one address, and one address may send 60 a minute.
     */
    private void respondentPath(String round, JsonNode questionnaire, List<String> codes) throws Exception {
        String survey = api.target.survey();
        URI form = URI.create(survey + "/rounds/" + round + "/questionnaires/IIT?unit=" + Api.UNIT);
        Random random = new Random(5);
        List<String> bodies = new ArrayList<>();
        for (String code : codes) {
            bodies.add(Api.answerBody(round, Api.UNIT, code, questionnaire, random));
        }
        int c = settings.respondentConcurrency();
        Load.Stats path = Load.run(c, codes.size(), settings.levelLimit(), i -> {
            HttpResponse<Void> q = api.http.send(HttpRequest.newBuilder(form).timeout(Duration.ofSeconds(30))
                    .header("X-Forwarded-For", Api.address()).build(), HttpResponse.BodyHandlers.discarding());
            return q.statusCode() == 200 && api.submit(survey, bodies.get(i)) == 201;
        });
        String at = "c=" + c;
        results.add("respondent path", "questionnaire + submit", at, path.perSecond(), "per s", "",
                path.done() + " respondents" + (path.failed() > 0 ? ", " + path.failed() + " failed" : ""));
        results.add("respondent path", "latency p50", at, path.p50(), "ms");
        results.add("respondent path", "latency p99", at, path.p99(), "ms");
    }

    /** The baseline: one INSERT per transaction (autocommit), into a copy of survey_response's shape and indexes. */
    static final class Raw implements AutoCloseable {
        private final String url;
        private final String round;
        private final String answers;

        Raw(String url, String round, String answers) throws Exception {
            this.url = url;
            this.round = round;
            this.answers = answers;
            try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + RAW_TABLE);
                s.execute("CREATE TABLE " + RAW_TABLE + " (LIKE survey_response INCLUDING ALL)");
            }
        }

        Load.Stats run(int connections, int rows) throws Exception {
            List<Connection> pool = new ArrayList<>();
            List<PreparedStatement> statements = new ArrayList<>();
            try {
                for (int i = 0; i < connections; i++) {
                    Connection c = DriverManager.getConnection(url, "postgres", "");
                    pool.add(c);
                    statements.add(c.prepareStatement("INSERT INTO " + RAW_TABLE + " (id, round_id, unit_code, instrument, "
                            + "framework_id, framework_version, respondent_category, answers, submitted_on) "
                            + "VALUES (?, ?, ?, 'IIT', 'NACC-2567', 1, NULL, CAST(? AS jsonb), ?)"));
                }
                ThreadLocal<PreparedStatement> mine = new ThreadLocal<>();
                java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
                return Load.run(connections, rows, Duration.ofSeconds(120), i -> {
                    PreparedStatement s = mine.get();
                    if (s == null) {
                        s = statements.get(next.getAndIncrement());
                        mine.set(s);
                    }
                    s.setObject(1, UUID.randomUUID());
                    s.setString(2, round);
                    s.setString(3, Api.UNIT);
                    s.setString(4, answers);
                    s.setObject(5, LocalDate.now());
                    return s.executeUpdate() == 1;
                });
            } finally {
                for (Connection c : pool) {
                    c.close();
                }
            }
        }

        @Override
        public void close() throws Exception {
            try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + RAW_TABLE);
            }
        }
    }
}
