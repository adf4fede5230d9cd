package th.go.ita.evidence.review;

import th.go.ita.platform.testing.TestBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import th.go.ita.embedded.ItaTestStack;
import th.go.ita.evidence.support.EditorActions;
import th.go.ita.evidence.support.OitFixture;
import th.go.ita.evidence.support.ScoringEvents;
import th.go.ita.evidence.support.TestDb;
import th.go.ita.platform.testing.EventContract;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ReviewTest {

    @Inject
    TestDb db;

    @Inject
    EditorActions editor;

    static String item(String round, String item) {
        return "/units/EVU1/rounds/" + round + "/items/" + item;
    }

    private void editorSubmitsALink(String round, String itemCode) {
        editor.addLinkAndSubmit(round, itemCode);
    }

    @Test
    @TestSecurity(user = "auditor.one", roles = "auditor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVA"))
    void failNeedsACommentThenTheRevisedItemPassesAndScoringIsTold() {
        String round = OitFixture.newRound(db);
        editorSubmitsALink(round, "O1");

        given().get("/reviews/queue").then().statusCode(200)
                .body("findAll { it.roundId == '" + round + "' }.itemCode", contains("O1"));

        given().contentType("application/json").body(Map.of("verdict", "FAILED"))
                .post(item(round, "O1") + "/review").then().statusCode(400)
                .body("type", equalTo("urn:ita:problem:comment-required"));
        assertThat(db.scalar("SELECT status FROM item_status WHERE round_id = ?1 AND item_code = 'O1'", round))
                .isEqualTo("SUBMITTED");

        given().contentType("application/json")
                .body(Map.of("verdict", "FAILED", "comment", "ลิงก์ไม่ได้แสดงโครงสร้างล่าสุด"))
                .post(item(round, "O1") + "/review").then().statusCode(200)
                .body("verdict", equalTo("FAILED"))
                .body("finalVerdict", equalTo(false));
        given().get("/reviews/queue").then().statusCode(200)
                .body("findAll { it.roundId == '" + round + "' }.size()", equalTo(0));

        editor.uploadAndResubmit(round, "O1");
        given().get("/reviews/queue").then().statusCode(200)
                .body("findAll { it.roundId == '" + round + "' }.status", contains("RESUBMITTED"));
        given().contentType("application/json").body(Map.of("verdict", "PASSED"))
                .post(item(round, "O1") + "/review").then().statusCode(200).body("finalVerdict", equalTo(true));

        var records = TestBroker.awaitRecords("oit.reviews",
                r -> r.value().contains(round) && r.value().contains("\"PASSED\""), Duration.ofSeconds(30));
        assertThat(records.get(0).key()).isEqualTo("EVU1");
        EventContract.assertMatches("OitItemReviewed", records.get(0).value());
        Map<String, Object> event = ScoringEvents.parse(records.get(0).value());
        assertThat(event.get("type")).isEqualTo("OitItemReviewed");
        // The item's second verdict (the first failed it): scoring keeps the highest, whatever arrives last.
        assertThat(event.get("payload")).isEqualTo(Map.of("roundId", round, "unitCode", "EVU1", "itemCode", "O1",
                "verdict", "PASSED", "final", true, "reviewedOn",
                ((Map<?, ?>) event.get("payload")).get("reviewedOn"), "sequence", 2));

        List<Object[]> trail = db.rows("SELECT action, from_status, to_status, actor FROM audit_entry "
                + "WHERE round_id = ?1 ORDER BY id", round);
        assertThat(trail).extracting(r -> r[0] + ":" + r[1] + "->" + r[2] + ":" + r[3]).containsExactly(
                "LINK_ADDED:EMPTY->DRAFT:editor.evu1",
                "SUBMITTED:DRAFT->SUBMITTED:editor.evu1",
                "REVIEWED:SUBMITTED->FAILED:auditor.one",
                "FILE_UPLOADED:FAILED->FAILED:editor.evu1",
                "SUBMITTED:FAILED->RESUBMITTED:editor.evu1",
                "REVIEWED:RESUBMITTED->PASSED:auditor.one");
        given().get("/units/EVU1/rounds/" + round + "/audit-trail").then().statusCode(200)
                .body("size()", equalTo(6))
                .body("[2].detail", equalTo("ลิงก์ไม่ได้แสดงโครงสร้างล่าสุด"));
    }

    @Test
    @TestSecurity(user = "auditor.two", roles = "auditor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVA"))
    void anUnassignedAuditorCanNeitherReviewNorSeeTheQueue() {
        String round = OitFixture.newRound(db);
        editorSubmitsALink(round, "O2");
        given().contentType("application/json").body(Map.of("verdict", "PASSED"))
                .post(item(round, "O2") + "/review").then().statusCode(403)
                .body("type", equalTo("urn:ita:problem:auditor-not-assigned"));
        given().get("/reviews/queue").then().statusCode(200)
                .body("findAll { it.roundId == '" + round + "' }.size()", equalTo(0));
        assertThat(db.scalar("SELECT status FROM item_status WHERE round_id = ?1 AND item_code = 'O2'", round))
                .isEqualTo("SUBMITTED");
    }

    @Test
    @TestSecurity(user = "auditor.one", roles = "auditor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVA"))
    void onlySubmittedItemsCanBeReviewed() {
        String round = OitFixture.newRound(db);
        given().contentType("application/json").body(Map.of("verdict", "PASSED"))
                .post(item(round, "O3") + "/review").then().statusCode(409)
                .body("type", equalTo("urn:ita:problem:item-not-awaiting-review"));
        given().contentType("application/json").body(Map.of("verdict", "MAYBE"))
                .post(item(round, "O3") + "/review").then().statusCode(400)
                .body("type", equalTo("urn:ita:problem:invalid-input"));
    }

    @Test
    @TestSecurity(user = "editor.evu1", roles = "evidence-editor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVU1"))
    void editorsCannotReadTheAuditTrailOrReview() {
        String round = OitFixture.newRound(db);
        given().get("/units/EVU1/rounds/" + round + "/audit-trail").then().statusCode(403);
        given().contentType("application/json").body(Map.of("verdict", "PASSED"))
                .post(item(round, "O1") + "/review").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin.evu1", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVU1"))
    void theAuditTrailIsAppendOnlyEvenForTheDatabase() {
        String round = OitFixture.newRound(db);
        given().contentType("application/json").body(Map.of("url", "https://example.go.th/x"))
                .post(item(round, "O4") + "/links").then().statusCode(201);
        given().get("/units/EVU1/rounds/" + round + "/audit-trail").then().statusCode(200)
                .body("action", hasItem("LINK_ADDED"));
        assertThatThrownBy(() -> db.execute("UPDATE audit_entry SET actor = 'someone else' WHERE round_id = ?1", round))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> db.execute("DELETE FROM audit_entry WHERE round_id = ?1", round))
                .hasStackTraceContaining("append-only");
        assertThat(db.scalar("SELECT actor FROM audit_entry WHERE round_id = ?1", round)).isEqualTo("admin.evu1");
    }

    // How the relay rides out an outage is the platform's suite (OutboxRelayTest); what is this
    // service's is that an auditor's verdict never waits for Kafka and still reaches scoring.
    @Test
    @TestSecurity(user = "auditor.one", roles = "auditor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVA"))
    void aVerdictCommittedWhileKafkaIsDownIsPublishedWhenItIsBack() throws Exception {
        String round = OitFixture.newRound(db);
        editorSubmitsALink(round, "O2");
        String unpublished = "SELECT count(*) FROM outbox_event WHERE type = 'OitItemReviewed' "
                + "AND payload->>'roundId' = ?1 AND published_at IS NULL";
        ItaTestStack.kafka().stop();
        try {
            given().contentType("application/json").body(Map.of("verdict", "PASSED"))
                    .post(item(round, "O2") + "/review").then().statusCode(200);
            // Committed with its verdict, the event waits in the outbox through a pass that failed.
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count(unpublished + " AND attempts > 0", round) == 1);
        } finally {
            ItaTestStack.kafka().restart();
        }
        var records = TestBroker.awaitRecords("oit.reviews", r -> r.value().contains(round), Duration.ofSeconds(60));
        assertThat(records).hasSize(1);
        assertThat(ScoringEvents.parse(records.get(0).value()).get("type")).isEqualTo("OitItemReviewed");
        await().atMost(Duration.ofSeconds(10)).until(() -> db.count(unpublished, round) == 0);
    }
}
