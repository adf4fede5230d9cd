package th.go.ita.survey.anonymity;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import th.go.ita.survey.code.UsedMarkBlender;
import th.go.ita.survey.secret.KeyedHash;
import th.go.ita.survey.support.Codes;
import th.go.ita.survey.support.Db;
import th.go.ita.survey.support.Respondent;
import th.go.ita.survey.support.ScoringEvents;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays a database administrator who wants to know which code (so which person, if they know who
 * got which slip) gave which answers, with everything the tables hold, including PostgreSQL's
 * system columns. Eight respondents answer differently, so each response is recognisable.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "system-admin")
@OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
class UnlinkabilityTest {

    private static final String[] LEVELS = {"4", "3", "2", "1"};
    private static final String[] YES_NO = {"Y", "N"};

    @Inject
    KeyedHash keyedHash;

    @Inject
    UsedMarkBlender blender;

    @Inject
    io.quarkus.scheduler.Scheduler scheduler;

    @Test
    void noStoredColumnJoinsAResponseToTheCodeThatSubmittedIt() {
        ScoringEvents.World w = ScoringEvents.world(8);
        List<String> codes = Codes.generate(w.roundId(), w.school(), 10);
        // truth: response tag (its answers) -> hash of the code that submitted it
        Map<String, String> truth = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> body = Respondent.iit(w.roundId(), w.school(), codes.get(i));
            String i1 = LEVELS[i % 4];
            String i3 = YES_NO[i / 4];
            body.put("answers", Map.of("i1", i1, "i2", "4", "i3", i3));
            Respondent.submit(body).statusCode(201);
            truth.put(i1 + i3, HexFormat.of().formatHex(keyedHash.hash("access-code", codes.get(i).replace("-", ""))));
        }
        blender.blend();

        // cmin/cmax (command numbers inside a transaction) and ctid (physical place) coincide by
        // chance between unrelated rows; ctid is attacked through ordering below.
        List<String> responseColumns = columns("survey_response").stream().filter(c -> !c.matches("cmin|cmax|ctid")).toList();
        List<String> codeColumns = columns("access_code").stream().filter(c -> !c.matches("cmin|cmax|ctid")).toList();
        Set<String> usedHashes = new TreeSet<>(truth.values());
        List<String> attempts = new ArrayList<>();
        for (String rc : responseColumns) {
            for (String cc : codeColumns) {
                Map<String, Set<String>> candidates = new LinkedHashMap<>();
                for (Map<String, Object> row : Db.rows("SELECT (r.answers->>'i1') || (r.answers->>'i3') AS tag, "
                        + "encode(c.code_hash, 'hex') AS hash FROM survey_response r JOIN access_code c "
                        + "ON CAST(r." + rc + " AS text) = CAST(c." + cc + " AS text) "
                        + "WHERE r.round_id = ? AND c.round_id = ? AND c.used", w.roundId(), w.roundId())) {
                    candidates.computeIfAbsent((String) row.get("tag"), t -> new TreeSet<>()).add((String) row.get("hash"));
                }
                attempts.add(rc + "=" + cc);
                // A join either finds nothing or every used code alike (round, unit): never fewer.
                candidates.forEach((tag, hashes) -> assertThat(hashes)
                        .as("response %s joined on %s = %s", tag, rc, cc).isEqualTo(usedHashes));
            }
        }
        assertThat(attempts).contains("xmin=xmin", "id=code_hash", "submitted_on=batch_id");

        // Order is no link either: responses and codes listed by any column do not line up.
        String xmin = "CAST(CAST(xmin AS text) AS bigint)";
        for (String rc : List.of("id", "ctid", xmin)) {
            for (String cc : List.of("code_hash", "ctid", xmin)) {
                List<String> responseOrder = Db.rows("SELECT (answers->>'i1') || (answers->>'i3') AS tag FROM survey_response "
                        + "WHERE round_id = ? ORDER BY " + rc + ", id", w.roundId()).stream().map(r -> (String) r.get("tag")).toList();
                List<String> codeOrder = Db.rows("SELECT encode(code_hash, 'hex') AS hash FROM access_code "
                        + "WHERE round_id = ? AND used ORDER BY " + cc + ", code_hash", w.roundId()).stream().map(r -> (String) r.get("hash")).toList();
                List<String> truthInResponseOrder = responseOrder.stream().map(truth::get).toList();
                assertThat(codeOrder).as("responses by %s vs codes by %s", rc, cc).isNotEqualTo(truthInResponseOrder);
            }
        }
    }

    /**
     * The blender's list of units to rewrite lives in memory. A crash after a code was spent and
     * before the blender came round would leave the spent code and its response with one xmin:
     * after a start every used code is rewritten, one unit per transaction (a national sweep in one
     * transaction would hold hundreds of thousands of row locks), so the link does not survive it.
     */
    @Test
    void aRestartInsideTheBlendersWindowStillErasesTheXminLink() {
        ScoringEvents.World first = ScoringEvents.world(5);
        ScoringEvents.World second = ScoringEvents.world(5);
        scheduler.pause("used-mark-blender"); // the crash: no scheduled pass comes round
        try {
            for (ScoringEvents.World w : List.of(first, second)) {
                String code = Codes.generate(w.roundId(), w.school(), 1).get(0);
                Respondent.submit(Respondent.iit(w.roundId(), w.school(), code)).statusCode(201);
                assertThat(usedCodeXmins(w)).as("the link the blender exists to erase").containsExactly(responseXmin(w));
            }
            blender.startOver();
            int rewritten = 0;
            do {
                rewritten += blender.blend();
            } while (blender.sweeping());
            assertThat(rewritten).isGreaterThanOrEqualTo(2);
            for (ScoringEvents.World w : List.of(first, second)) {
                assertThat(usedCodeXmins(w)).hasSize(1).doesNotContain(responseXmin(w));
            }
            assertThat(usedCodeXmins(first)).as("each unit committed on its own").doesNotContainAnyElementsOf(usedCodeXmins(second));
        } finally {
            scheduler.resume("used-mark-blender");
        }
    }

    private static Object responseXmin(ScoringEvents.World w) {
        return Db.rows("SELECT CAST(xmin AS text) AS x FROM survey_response WHERE round_id = ?", w.roundId()).get(0).get("x");
    }

    private static Set<Object> usedCodeXmins(ScoringEvents.World w) {
        Set<Object> xmins = new TreeSet<>();
        Db.rows("SELECT CAST(xmin AS text) AS x FROM access_code WHERE round_id = ? AND used", w.roundId())
                .forEach(r -> xmins.add(r.get("x")));
        return xmins;
    }

    @Test
    void theUsedMarkAndTheResponseCarryNoTime() {
        assertThat(Db.rows("SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_name IN ('survey_response', 'access_code', 'submission_seen')"))
                .extracting(r -> r.get("data_type"))
                .doesNotContain("timestamp with time zone", "timestamp without time zone", "time without time zone");
        assertThat(columns("survey_response")).doesNotContain("code", "code_hash", "ip", "address", "respondent_id",
                "submission_id", "browser_token");
    }

    private static List<String> columns(String table) {
        List<String> names = new ArrayList<>(Db.rows("SELECT column_name FROM information_schema.columns WHERE table_name = ?", table)
                .stream().map(r -> (String) r.get("column_name")).toList());
        // System columns a database administrator can read too.
        names.addAll(List.of("xmin", "xmax", "cmin", "cmax", "ctid"));
        return names;
    }
}
