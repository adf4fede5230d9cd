package th.go.ita.survey.response;

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
 * Many phones at once: IIT submissions from 4 concurrent clients are each accepted, stored once and
 * spend their own code. How fast is measured by deploy/bench (intake), not here.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "system-admin")
@OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
class ConcurrentIntakeTest {

    private static final int SUBMISSIONS = 200;
    private static final int CLIENTS = 4;

    @Test
    void concurrentSubmissionsAreEachStoredOnceAndSpendTheirOwnCode() throws Exception {
        ScoringEvents.World w = ScoringEvents.world(SUBMISSIONS);
        List<String> codes = Codes.generate(w.roundId(), w.school(), SUBMISSIONS);
        ObjectMapper json = new ObjectMapper();
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/responses");
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        for (String code : codes) {
            String body = json.writeValueAsString(Respondent.iit(w.roundId(), w.school(), code));
            done.add(pool.submit(() -> {
                statuses.add(post(uri, body));
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(statuses).hasSize(SUBMISSIONS).containsOnly(201);
        assertThat(Db.count("SELECT count(*) FROM survey_response WHERE round_id = ?", w.roundId())).isEqualTo(SUBMISSIONS);
        assertThat(Db.count("SELECT count(*) FROM access_code WHERE round_id = ? AND used", w.roundId())).isEqualTo(SUBMISSIONS);
    }

    /** One POST from its own made-up address, as many phones would be (the per-address limit is tested elsewhere). */
    private static int post(URI uri, String body) throws java.io.IOException {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) uri.toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        c.setRequestProperty("X-Forwarded-For", Respondent.newAddress());
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
}
