package th.go.ita.survey.anonymity;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import th.go.ita.platform.outbox.OutboxRelay;
import th.go.ita.survey.response.ResponseRelease;
import th.go.ita.survey.support.Codes;
import th.go.ita.survey.support.Db;
import th.go.ita.platform.testing.TestBroker;
import th.go.ita.survey.support.Respondent;
import th.go.ita.survey.support.ScoringEvents;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@TestSecurity(user = "admin", roles = "system-admin")
@OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
class LogsTest {

    @Inject
    ResponseRelease release;

    @Inject
    OutboxRelay relay;

    @Test
    void logsNeverContainCodesAnswersOrSubmissionIds() {
        ScoringEvents.World w = ScoringEvents.world(5);
        List<String> codes = Codes.generate(w.roundId(), w.school(), 3);
        StringBuilder log = new StringBuilder();
        Handler capture = new Handler() {
            final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                log.append(formatter.formatMessage(record)).append('\n');
                if (record.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                    log.append(trace).append('\n');
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("th.go.ita.survey");
        Level before = ours.getLevel();
        root.addHandler(capture);
        ours.setLevel(Level.FINEST);
        Map<String, Object> ok = Respondent.iit(w.roundId(), w.school(), codes.get(0));
        ok.put("answers", Map.of("i1", "3", "i2", "2", "i3", "Y", "i4", "1"));
        Map<String, Object> bad = Respondent.iit(w.roundId(), w.school(), codes.get(1));
        bad.put("answers", Map.of("i1", "7", "secret-question", "9"));
        try {
            Respondent.submit(ok).statusCode(201);
            Respondent.submit(ok).statusCode(200);
            Respondent.submit(Respondent.iit(w.roundId(), w.school(), codes.get(0))).statusCode(409);
            Respondent.submit(bad).statusCode(422);
            Respondent.submit(Respondent.iit(w.roundId(), w.school(), "ZZZZZ-ZZZZZ")).statusCode(404);
            // The check at code entry (usable, used, unknown) is heard too.
            for (String checked : List.of(codes.get(2), codes.get(0), "ZZZZZ-ZZZZZ")) {
                io.restassured.RestAssured.given().header("X-Forwarded-For", Respondent.newAddress())
                        .contentType("application/json")
                        .body(Map.of("roundId", w.roundId(), "unitCode", w.school(), "code", checked))
                        .when().post("/access-codes/check").then().statusCode(200);
            }
            // The answer left over from a day gone by, released and relayed: the release and the relay are heard too.
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Bangkok"));
            Db.update("UPDATE survey_response SET submitted_on = ? WHERE unit_code = ?", java.sql.Date.valueOf(today.minusDays(1)), w.school());
            release.releaseDue(today);
            relay.publishPending();
            assertThat(TestBroker.awaitRecords("survey.responses", r -> w.school().equals(r.key()), Duration.ofSeconds(20)))
                    .hasSize(1);
        } finally {
            root.removeHandler(capture);
            ours.setLevel(before);
        }
        String text = log.toString();
        for (String code : codes) {
            assertThat(text).doesNotContain(code).doesNotContain(code.replace("-", ""));
        }
        assertThat(text).doesNotContain("ZZZZZ").doesNotContain("secret-question").doesNotContain("\"i1\"")
                .doesNotContain("i1=").doesNotContain(ok.get("submissionId").toString());
    }
}
