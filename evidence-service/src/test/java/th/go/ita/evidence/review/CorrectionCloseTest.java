package th.go.ita.evidence.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import th.go.ita.evidence.support.EditorActions;
import th.go.ita.evidence.support.OitFixture;
import th.go.ita.evidence.support.ScoringEvents;
import th.go.ita.evidence.support.TestDb;
import th.go.ita.platform.testing.EventContract;
import th.go.ita.platform.testing.TestBroker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * When a round's correction window closes, nothing is left provisional for ever: what failed and was
 * not fixed fails for good, what was never disclosed fails as not disclosed, and scoring hears both.
 */
@QuarkusTest
class CorrectionCloseTest {

    @Inject
    TestDb db;

    @Inject
    EditorActions editor;

    @Inject
    CorrectionClose closing;

    @Test
    @TestSecurity(user = "auditor.one", roles = "auditor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVA"))
    void theCloseGivesEveryOpenItemItsFinalVerdictAndLeavesTheRestAlone() {
        String round = OitFixture.newRound(db);
        editor.addLinkAndSubmit(round, "O1");
        editor.addLinkAndSubmit(round, "O3");
        editor.addLinkAndSubmit(round, "O4");
        given().contentType("application/json").body(Map.of("verdict", "FAILED", "comment", "ไม่พบคำสั่งแต่งตั้ง"))
                .post(ReviewTest.item(round, "O1") + "/review").then().statusCode(200).body("finalVerdict", equalTo(false));
        given().contentType("application/json").body(Map.of("verdict", "PASSED"))
                .post(ReviewTest.item(round, "O3") + "/review").then().statusCode(200);

        closing.closeDue(Instant.now());
        assertThat(db.count("SELECT count(*) FROM review WHERE round_id = ?1 AND reviewer = 'system'", round))
                .as("the window is still open: nothing is final but the pass").isZero();
        // Scoring moves the window's end (an admin edits the round): it has just passed.
        ObjectNode payload = ScoringEvents.roundPayload(round, 2566, OitFixture.FRAMEWORK, OitFixture.AREA, "CLOSED",
                Instant.now().minus(Duration.ofMinutes(1)));
        ScoringEvents.round(payload);
        db.awaitRow("SELECT id FROM assessment_round WHERE id = ?1 AND correction_closes_at < now()", round);

        closing.closeDue(Instant.now());

        assertThat(verdict(round, "EVU1", "O1")).isEqualTo("FAILED:true:system:" + CorrectionClose.FAIL_STANDS);
        assertThat(verdict(round, "EVU1", "O2")).isEqualTo("FAILED:true:system:" + CorrectionClose.NOT_DISCLOSED);
        assertThat(verdict(round, "EVU1", "O3")).as("passed stays passed").isEqualTo("PASSED:true:auditor.one:null");
        assertThat(db.scalar("SELECT status FROM item_status WHERE round_id = ?1 AND unit_code = 'EVU1' AND item_code = 'O4'",
                round)).as("an item awaiting the auditor keeps waiting; that verdict will be final").isEqualTo("SUBMITTED");
        assertThat(db.count("SELECT count(*) FROM review WHERE round_id = ?1 AND unit_code IN ('EVU2', 'EVA') "
                + "AND final AND verdict = 'FAILED' AND comment = ?2", round, CorrectionClose.NOT_DISCLOSED))
                .as("every item of the area's other units, nothing disclosed").isEqualTo(8);
        assertThat(db.scalar("SELECT status FROM item_status WHERE round_id = ?1 AND unit_code = 'EVU2' AND item_code = 'O1'",
                round)).isEqualTo("FAILED");
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE round_id = ?1 AND actor = 'system'", round)).isEqualTo(10);

        // The unit reads why, in the item's reviews.
        given().get(ReviewTest.item(round, "O2")).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("reviews[0].comment", equalTo(CorrectionClose.NOT_DISCLOSED));

        List<Map<String, Object>> finals = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            finals.clear();
            TestBroker.readAll("oit.reviews").stream().filter(r -> r.value().contains(round))
                    .peek(r -> EventContract.assertMatches("OitItemReviewed", r.value()))
                    .map(r -> ScoringEvents.parse(r.value()))
                    .filter(e -> "FAILED".equals(payload(e).get("verdict")) && Boolean.TRUE.equals(payload(e).get("final")))
                    .forEach(finals::add);
            return finals.size() == 10;
        });
        assertThat(finals.stream().filter(e -> "EVU1".equals(payload(e).get("unitCode")) && "O1".equals(payload(e).get("itemCode")))
                .map(e -> payload(e).get("sequence")).toList()).as("O1's second verdict").containsExactly(2);

        assertThat(closing.closeDue(Instant.now())).as("closing again gives nothing twice").isZero();
    }

    private String verdict(String round, String unit, String item) {
        List<Object[]> rows = db.rows("SELECT verdict, final, reviewer, comment FROM review WHERE round_id = ?1 "
                + "AND unit_code = ?2 AND item_code = ?3 ORDER BY reviewed_at DESC LIMIT 1", round, unit, item);
        Object[] r = rows.get(0);
        return r[0] + ":" + r[1] + ":" + r[2] + ":" + r[3];
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(Map<String, Object> event) {
        return (Map<String, Object>) event.get("payload");
    }
}
