package th.go.ita.survey.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import th.go.ita.survey.support.Codes;
import th.go.ita.survey.support.Db;
import th.go.ita.survey.support.Respondent;
import th.go.ita.survey.support.ScoringEvents;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quick measurement of intake on this machine, not a benchmark with a verdict: prints
 * submissions per second and latency percentiles of IIT submissions (validation, code spend,
 * response row in one transaction) from 4 concurrent clients. The full benchmark is
 * its own issue. Asserts only that every submission was accepted.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "system-admin")
@OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
class IntakeThroughputTest {

    private static final int SUBMISSIONS = 400;
    private static final int CLIENTS = 4;

    @jakarta.inject.Inject
    io.quarkus.scheduler.Scheduler scheduler;

    @Test
    void measureIntake() throws Exception {
        String pause = System.getProperty("bench.pause", "");
        for (String job : pause.split(",")) {
            if (!job.isBlank()) {
                scheduler.pause(job);
            }
        }
        ScoringEvents.World w = ScoringEvents.world(SUBMISSIONS);
        List<String> codes = Codes.generate(w.roundId(), w.school(), SUBMISSIONS);
        ObjectMapper json = new ObjectMapper();
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/responses");
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        // Warm-up outside the measurement, from all clients at once so their connections exist.
        List<Future<?>> warmUp = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String body = json.writeValueAsString(Respondent.iit(w.roundId(), w.school(), "22222-22222"));
            warmUp.add(pool.submit(() -> post(uri, body)));
        }
        for (Future<?> f : warmUp) {
            f.get();
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (String code : codes) {
            String body = json.writeValueAsString(Respondent.iit(w.roundId(), w.school(), code));
            done.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                int status = post(uri, body);
                latencies.add(System.nanoTime() - t0);
                statuses.add(status);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%nINTAKE: %d IIT submissions, %d clients, %.2f s: %.1f submissions/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n%n",
                SUBMISSIONS, CLIENTS, seconds, SUBMISSIONS / seconds, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted.get(sorted.size() - 1) / 1e6);
        for (String job : pause.split(",")) {
            if (!job.isBlank()) {
                scheduler.resume(job);
            }
        }
        assertThat(statuses).containsOnly(201);
        assertThat(Db.count("SELECT count(*) FROM survey_response WHERE round_id = ?", w.roundId())).isEqualTo(SUBMISSIONS);
    }

    /**
     * One POST over a kept-alive connection, from its own made-up address (as many phones would be:
     * the per-address limit is not what is measured; -Dbench.no-forwarded-for=true with raised
     * ita.intake.* limits measures without it).
     */
    private static int post(URI uri, String body) throws java.io.IOException {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) uri.toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        if (!Boolean.getBoolean("bench.no-forwarded-for")) {
            c.setRequestProperty("X-Forwarded-For", Respondent.newAddress());
        }
        try (var out = c.getOutputStream()) {
            out.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        int status = c.getResponseCode();
        try (var in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        return status;
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
