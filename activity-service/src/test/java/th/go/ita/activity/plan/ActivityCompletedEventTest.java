package th.go.ita.activity.plan;

import th.go.ita.platform.testing.TestBroker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.go.ita.activity.support.TestTree;
import th.go.ita.activity.support.Tx;
import th.go.ita.platform.testing.EventContract;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static th.go.ita.activity.support.Api.activity;
import static th.go.ita.activity.support.Api.plan;
import static th.go.ita.activity.support.Api.post;
import static th.go.ita.activity.support.Api.put;

/**
 * A completed activity reaches {@code activity.events} once, keyed by its unit, in its published
 * schema. How the relay orders, parks and retries is the platform's (platform/outbox's suite).
 */
@QuarkusTest
class ActivityCompletedEventTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    EntityManager em;

    @BeforeEach
    void tree() {
        TestTree.ensure();
    }

    @Test
    @TestSecurity(user = "activity.area1", roles = "activity-editor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "T-AREA1"))
    void completingAnActivityPublishesActivityCompletedOnceThroughTheOutbox() throws Exception {
        int year = TestTree.freshYear();
        post("/units/T-AREA1/plans", plan(year)).statusCode(201);
        String id = post("/units/T-AREA1/plans/" + year + "/activities", activity("No Gift Policy " + year, "IN_PROGRESS"))
                .statusCode(201).extract().path("id");
        put("/activities/" + id, activity("No Gift Policy " + year, "DONE")).statusCode(200)
                .body("completedOn", equalTo(Today.date().toString()));
        // Saving it again as done is not a second completion.
        put("/activities/" + id, activity("No Gift Policy " + year, "DONE")).statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> published(id).isPresent());
        Optional<ConsumerRecord<String, String>> record = Optional.empty();
        for (int i = 0; i < 10 && record.isEmpty(); i++) {
            record = TestBroker.readAll("activity.events").stream()
                    .filter(r -> r.value().contains(id)).findFirst();
        }
        assertTrue(record.isPresent(), "ActivityCompleted reached the topic");
        assertEquals("T-AREA1", record.get().key());
        JsonNode event = MAPPER.readTree(record.get().value());
        assertEquals("ActivityCompleted", event.get("type").asText());
        assertEquals(published(id).get(), event.get("id").asText());
        JsonNode payload = event.get("payload");
        assertEquals(year, payload.get("fiscalYear").asInt());
        assertEquals("No Gift Policy " + year, payload.get("name").asText());
        assertEquals(List.of("MANAGEMENT", "EXPLORE"), MAPPER.convertValue(payload.get("mettaElements"), List.class));
        assertEquals(List.of("O35"), MAPPER.convertValue(payload.get("oitItemCodes"), List.class));
        assertNotNull(payload.get("completedOn"));
        EventContract.assertMatches("ActivityCompleted", record.get().value());
        assertEquals(1L, TestBroker.readAll("activity.events").stream().filter(r -> r.value().contains(id)).count());
        assertEquals(1L, Tx.call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE CAST(payload AS text) LIKE :id")
                .setParameter("id", "%" + id + "%").getSingleResult()).longValue()));
    }

    /** The outbox id of the event about the activity, once the relay marked it published. */
    private Optional<String> published(String activityId) {
        return Tx.call(() -> em.createNativeQuery("""
                        SELECT CAST(id AS text) FROM outbox_event
                        WHERE CAST(payload AS text) LIKE :id AND published_at IS NOT NULL""")
                .setParameter("id", "%" + activityId + "%")
                .getResultStream().findFirst().map(Object::toString));
    }
}
