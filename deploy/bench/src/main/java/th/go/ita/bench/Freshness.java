package th.go.ita.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How long after the answer that completes a step of 5 (the anonymity rule: answers leave
 * survey-service in steps of at least 5 per unit and instrument) the unit's {@code scores.changed}
 * is seen on Kafka. Each wave answers 4 times for each demo school, then the 5th, and waits for
 * each school's next event; idle, then again while intake runs at 4 connections on the area office.
 */
final class Freshness {

    private static final String SECTION = "score freshness";
    private static final List<String> SCHOOLS = List.of("KALASIN2-S001", "KALASIN2-S002", "KALASIN2-S003");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Api api;
    private final Results results;
    private final Settings settings;
    private final Map<String, List<Long>> seen = new ConcurrentHashMap<>();

    Freshness(Api api, Results results, Settings settings) {
        this.api = api;
        this.results = results;
        this.settings = settings;
    }

    void run(String round) throws Exception {
        JsonNode questionnaire = api.questionnaire(round, SCHOOLS.get(0));
        Map<String, List<String>> codes = new ConcurrentHashMap<>();
        for (String school : SCHOOLS) {
            codes.put(school, new ArrayList<>(api.codes(round, school, 10 * settings.freshnessWaves())));
        }
        List<String> loadCodes = api.codes(round, Api.UNIT, 2000);
        AtomicBoolean stop = new AtomicBoolean();
        Thread consumer = new Thread(() -> consume(round, stop), "bench-scores-changed");
        consumer.setDaemon(true);
        consumer.start();
        Thread.sleep(2000); // assigned and at the end of the topic
        try {
            caughtUp(round);
            List<Double> idle = new ArrayList<>();
            for (int w = 0; w < settings.freshnessWaves(); w++) {
                idle.addAll(wave(round, questionnaire, codes));
            }
            report("idle", idle, "");
            List<Double> loaded = new ArrayList<>();
            AtomicBoolean loadStop = new AtomicBoolean();
            ExecutorService load = Executors.newFixedThreadPool(4);
            Random random = new Random(1);
            List<String> bodies = new ArrayList<>();
            for (String code : loadCodes) {
                bodies.add(Api.answerBody(round, Api.UNIT, code, questionnaire, random));
            }
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
            long t0 = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                workers.add(load.submit(() -> {
                    int n;
                    while (!loadStop.get() && (n = next.getAndIncrement()) < bodies.size()) {
                        if (api.submit(api.target.survey(), bodies.get(n)) == 201) {
                            sent.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            try {
                for (int w = 0; w < settings.freshnessWaves(); w++) {
                    loaded.addAll(wave(round, questionnaire, codes));
                }
            } finally {
                loadStop.set(true);
                for (Future<?> f : workers) {
                    f.get();
                }
                load.shutdown();
            }
            double rate = sent.get() / ((System.nanoTime() - t0) / 1e9);
            report("under intake load", loaded, "while " + Results.number(rate) + " submissions/s at c=4");
        } finally {
            stop.set(true);
            consumer.join(10_000);
        }
    }

    /**
     * Idle means scoring has applied every answer intake released: the time it still needed after
     * intake stopped is its own figure (scoring must keep up with intake).
     */
    private void caughtUp(String round) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + Duration.ofSeconds(settings.isShort() ? 60 : 180).toNanos();
        long released = -1;
        long counted = -1;
        try (java.sql.Connection survey = java.sql.DriverManager.getConnection(api.target.jdbc("survey"), "postgres", "");
             java.sql.Connection scoring = java.sql.DriverManager.getConnection(api.target.jdbc("scoring"), "postgres", "")) {
            while (System.nanoTime() < deadline) {
                released = single(survey, "SELECT count(*) FROM survey_response WHERE round_id = ? AND unit_code = ? AND released", round);
                counted = single(scoring, "SELECT COALESCE(sum(respondents), 0) FROM respondent_tally WHERE round_id = CAST(? AS uuid) AND unit_code = ?", round);
                if (counted >= released) {
                    break;
                }
                Thread.sleep(250);
            }
        }
        results.add(SECTION, "scoring caught up with intake's released answers", "after intake", (System.nanoTime() - t0) / 1e9, "s", "",
                counted >= released ? counted + " answers counted" : "still " + (released - counted) + " of " + released + " behind");
    }

    private static long single(java.sql.Connection c, String sql, String round) throws java.sql.SQLException {
        try (java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, round);
            s.setString(2, Api.UNIT);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void report(String at, List<Double> seconds, String note) {
        double[] s = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (s.length == 0) {
            results.add(SECTION, "5th answer → scores.changed", at, Double.NaN, "s", "p99 < 1", "no sample");
            return;
        }
        results.add(SECTION, "5th answer → scores.changed p50", at, s[(int) Math.ceil(0.5 * s.length) - 1], "s", "", s.length + " steps " + note);
        results.add(SECTION, "5th answer → scores.changed p99", at, s[(int) Math.ceil(0.99 * s.length) - 1], "s", "< 1", "");
    }

    /** One step per school; @return seconds from each 5th answer's acceptance to the school's next event */
    private List<Double> wave(String round, JsonNode questionnaire, Map<String, List<String>> codes) throws Exception {
        Random random = new Random();
        Map<String, Integer> before = new ConcurrentHashMap<>();
        for (String school : SCHOOLS) {
            for (int i = 0; i < 4; i++) {
                submit(round, school, codes, questionnaire, random);
            }
        }
        Map<String, Long> fifth = new ConcurrentHashMap<>();
        for (String school : SCHOOLS) {
            before.put(school, seen.getOrDefault(school, List.of()).size());
            submit(round, school, codes, questionnaire, random);
            fifth.put(school, System.nanoTime());
        }
        List<Double> out = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (String school : SCHOOLS) {
            while (seen.getOrDefault(school, List.of()).size() <= before.get(school) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            List<Long> times = seen.getOrDefault(school, List.of());
            if (times.size() > before.get(school)) {
                out.add((times.get(before.get(school)) - fifth.get(school)) / 1e9);
            } else {
                System.err.println("bench: no scores.changed for " + school + " within " + WAIT.toSeconds() + " s");
            }
        }
        Thread.sleep(300); // a second event of the same step, if any, lands before the next wave counts
        for (String school : SCHOOLS) {
            List<Long> times = seen.getOrDefault(school, List.of());
            if (times.size() > before.get(school) + 1) {
                System.err.println("bench: " + (times.size() - before.get(school)) + " events for one step of " + school);
            }
        }
        return out;
    }

    private void submit(String round, String school, Map<String, List<String>> codes, JsonNode questionnaire,
                        Random random) throws Exception {
        String code = codes.get(school).remove(0);
        int status = api.submit(api.target.survey(), Api.answerBody(round, school, code, questionnaire, random));
        if (status != 201) {
            throw new IllegalStateException("submission for " + school + ": " + status);
        }
    }

    private void consume(String round, AtomicBoolean stop) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, api.target.kafka());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor("scores.changed").stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (!stop.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
                    long at = System.nanoTime();
                    try {
                        JsonNode event = Api.JSON.readTree(r.value());
                        if (round.equals(event.path("roundId").asText())) {
                            seen.computeIfAbsent(event.path("unitCode").asText(),
                                    k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(at);
                        }
                    } catch (Exception e) {
                        // not an event of ours
                    }
                }
            }
        }
    }

    static double[] sorted(List<Double> values) {
        double[] s = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        return s;
    }
}
