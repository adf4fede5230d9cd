package th.go.ita.activity;

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
import th.go.ita.activity.score.UnitScore;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static th.go.ita.activity.Api.activity;
import static th.go.ita.activity.Api.get;
import static th.go.ita.activity.Api.plan;
import static th.go.ita.activity.Api.post;
import static th.go.ita.activity.Api.put;

@QuarkusTest
class LoopAndOutboxTest {

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
    void weakIndicatorsFromLastYearsScoresComeWithLinkedActivitiesAndSuggestions() {
        int year = TestTree.freshYear();
        Map<String, Object> indicators = new HashMap<>();
        indicators.put("1", 91.78);
        indicators.put("3", 97.89);
        indicators.put("8", 90.48);
        indicators.put("10", 100.00);
        KafkaEvents.scores("T-AREA1", "round-" + (year - 1), year - 1, 96.37, Instant.now(), indicators);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Tx.call(() -> UnitScore.latest("T-AREA1", year - 1).isPresent()));

        post("/units/T-AREA1/plans", plan(year)).statusCode(201);
        post("/units/T-AREA1/plans/" + year + "/activities", flagCeremony()).statusCode(201);

        get("/units/T-AREA1/plans/" + year + "/indicators").statusCode(200)
                .body("scoresFiscalYear", equalTo(year - 1))
                .body("total", equalTo(96.37f))
                .body("indicators.code", contains("1", "3", "8", "10"))
                .body("indicators.findAll { it.weak }.code", contains("1", "8"))
                .body("indicators.find { it.code == '1' }.activities.name", contains("เข้าแถวเคารพธงชาติ"))
                .body("indicators.find { it.code == '8' }.activities", hasSize(0))
                .body("indicators.find { it.code == '8' }.suggestions.activityCode",
                        contains("SMILING-SERVICE", "SATISFACTION-SURVEY", "LESSONS-LEARNED"))
                // A hand-made activity is not the template's: the template's activities are still suggested.
                .body("indicators.find { it.code == '1' }.suggestions.activityCode", contains("FLAG-CEREMONY", "VOLUNTEER-CSR"))
                .body("indicators.find { it.code == '3' }.suggestions", hasSize(0));
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
                .body("completedOn", equalTo(th.go.ita.activity.plan.Today.date().toString()));
        // Saving it again as done is not a second completion.
        put("/activities/" + id, activity("No Gift Policy " + year, "DONE")).statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> published(id).isPresent());
        Optional<ConsumerRecord<String, String>> record = Optional.empty();
        for (int i = 0; i < 10 && record.isEmpty(); i++) {
            record = KafkaEvents.readAll("activity.events").stream()
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
        assertEquals(java.util.Set.of(), contract().validate(event), "the event follows its published schema");
        assertEquals(1L, KafkaEvents.readAll("activity.events").stream().filter(r -> r.value().contains(id)).count());
        assertEquals(1L, Tx.call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE CAST(payload AS text) LIKE :id")
                .setParameter("id", "%" + id + "%").getSingleResult()).longValue()));
    }

    private static com.networknt.schema.JsonSchema contract() {
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream("events/ActivityCompleted.schema.json")) {
            return com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anEventKafkaDoesNotAcknowledgeStaysUnpublishedAndHoldsOnlyItsOwnUnitsLaterEvents() {
        String key = "OUTBOX-" + java.util.UUID.randomUUID();
        java.util.UUID tooLarge = java.util.UUID.randomUUID();
        java.util.UUID after = java.util.UUID.randomUUID();
        java.util.UUID otherUnit = java.util.UUID.randomUUID();
        // Over the producer's max.request.size (1 MB): the broker never acknowledges it.
        String big = "{\"blob\":\"" + "x".repeat(1_100_000) + "\"}";
        Tx.call(() -> {
            insertOutbox(tooLarge, key, big, "2000-01-01T00:00:00Z");
            insertOutbox(after, key, "{}", "2000-01-01T00:00:01Z");
            insertOutbox(otherUnit, key + "-B", "{}", "2000-01-01T00:00:02Z");
            return null;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(tooLarge) >= 1 && isPublished(otherUnit));
        assertEquals(false, isPublished(tooLarge));
        assertEquals(false, isPublished(after), "a unit's later event waits for its earlier one");
        // Clean up, so the stuck row does not keep the relay busy for the rest of the run.
        Tx.call(() -> em.createNativeQuery("DELETE FROM outbox_event WHERE event_key LIKE :k")
                .setParameter("k", key + "%").executeUpdate());
    }

    private void insertOutbox(java.util.UUID id, String key, String payload, String at) {
        em.createNativeQuery("""
                        INSERT INTO outbox_event (id, topic, event_key, type, payload, occurred_at)
                        VALUES (:id, 'activity.test', :key, 'Test', CAST(:payload AS jsonb), CAST(:at AS timestamptz))""")
                .setParameter("id", id).setParameter("key", key).setParameter("payload", payload).setParameter("at", at)
                .executeUpdate();
    }

    private int attempts(java.util.UUID id) {
        return Tx.call(() -> ((Number) em.createNativeQuery("SELECT attempts FROM outbox_event WHERE id = :id")
                .setParameter("id", id).getSingleResult()).intValue());
    }

    private boolean isPublished(java.util.UUID id) {
        return Tx.call(() -> em.createNativeQuery("SELECT published_at FROM outbox_event WHERE id = :id")
                .setParameter("id", id).getSingleResult() != null);
    }

    /** The outbox id of the event about the activity, once the relay marked it published. */
    private Optional<String> published(String activityId) {
        return Tx.call(() -> em.createNativeQuery("""
                        SELECT CAST(id AS text) FROM outbox_event
                        WHERE CAST(payload AS text) LIKE :id AND published_at IS NOT NULL""")
                .setParameter("id", "%" + activityId + "%")
                .getResultStream().findFirst().map(Object::toString));
    }

    @Test
    @TestSecurity(user = "area1", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "T-AREA1"))
    void areaOverviewShowsWhichUnitsHaveAPlanAndHowFarTheyAre() {
        int year = TestTree.freshYear();
        QuarkusTxFixtures.planWithActivity("T-AREA1-S2", year);
        get("/units/T-AREA1/overview?fiscalYear=" + year).statusCode(200)
                .body("units", equalTo(3))
                .body("unitsWithPlan", equalTo(1))
                .body("rows.unitCode", contains("T-AREA1", "T-AREA1-S1", "T-AREA1-S2"))
                .body("rows.find { it.unitCode == 'T-AREA1-S2' }.hasPlan", equalTo(true))
                .body("rows.find { it.unitCode == 'T-AREA1-S2' }.activities", equalTo(1))
                .body("rows.find { it.unitCode == 'T-AREA1-S2' }.completionRate", equalTo(0.0f))
                .body("rows.find { it.unitCode == 'T-AREA1-S1' }.hasPlan", equalTo(false));
        get("/units/T-AREA2/overview?fiscalYear=" + year).statusCode(403);
        get("/units/T-AREA1/overview").statusCode(400).body("type", equalTo("urn:ita:problem:fiscal-year"));
    }

    @Test
    @TestSecurity(user = "area1", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "T-AREA1"))
    void totalsChangeFromLastYearOnlyUnderComparableFrameworksSplitByLinkedActivities() {
        int year = TestTree.freshYear();
        String fwA = "FW-A-" + year;
        String fwB = "FW-B-" + year;
        String fwC = "FW-C-" + year;
        KafkaEvents.framework(fwA, 1, year - 1, "G-" + year);
        KafkaEvents.framework(fwB, 1, year, "G-" + year);
        KafkaEvents.framework(fwC, 1, year, "H-" + year);
        Instant now = Instant.now();
        KafkaEvents.scores("T-AREA1-S1", "a" + year, year - 1, fwA, 90.00, now, Map.of("1", 90.0));
        KafkaEvents.scores("T-AREA1-S1", "b" + year, year, fwB, 94.50, now, Map.of("1", 94.5));
        KafkaEvents.scores("T-AREA1-S2", "a" + year, year - 1, fwA, 92.00, now, Map.of("1", 92.0));
        KafkaEvents.scores("T-AREA1-S2", "b" + year, year, fwB, 93.00, now, Map.of("1", 93.0));
        KafkaEvents.scores("T-AREA1", "a" + year, year - 1, fwA, 95.00, now, Map.of("1", 95.0));
        KafkaEvents.scores("T-AREA1", "c" + year, year, fwC, 97.00, now, Map.of("1", 97.0));
        QuarkusTxFixtures.planWithActivity("T-AREA1-S1", year, List.of("1"));
        QuarkusTxFixtures.planWithActivity("T-AREA1-S2", year, List.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> Tx.call(() ->
                UnitScore.count("fiscalYear in ?1 and roundId in ?2", List.of(year - 1, year),
                        List.of("a" + year, "b" + year, "c" + year)) == 6
                        && ((Number) em.createNativeQuery("SELECT count(*) FROM framework_ref WHERE id IN (:a, :b, :c)")
                        .setParameter("a", fwA).setParameter("b", fwB).setParameter("c", fwC)
                        .getSingleResult()).intValue() == 3));

        get("/units/T-AREA1/overview?fiscalYear=" + year).statusCode(200)
                .body("rows.find { it.unitCode == 'T-AREA1-S1' }.totalChange", equalTo(4.5f))
                .body("rows.find { it.unitCode == 'T-AREA1-S1' }.linkedActivities", equalTo(true))
                .body("rows.find { it.unitCode == 'T-AREA1-S2' }.totalChange", equalTo(1.0f))
                .body("rows.find { it.unitCode == 'T-AREA1-S2' }.linkedActivities", equalTo(false))
                // FW-C is another comparability group: no change is shown for the area office.
                .body("rows.find { it.unitCode == 'T-AREA1' }.total", equalTo(97.0f))
                .body("rows.find { it.unitCode == 'T-AREA1' }.totalChange", org.hamcrest.Matchers.nullValue())
                .body("change.unitsWithActivities", equalTo(1))
                .body("change.meanChangeWithActivities", equalTo(4.5f))
                .body("change.unitsWithoutActivities", equalTo(1))
                .body("change.meanChangeWithoutActivities", equalTo(1.0f));
    }

    private static Map<String, Object> flagCeremony() {
        Map<String, Object> body = new HashMap<>(activity("เข้าแถวเคารพธงชาติ", "PLANNED"));
        body.put("indicatorCodes", List.of("1"));
        body.put("mettaElements", List.of("ATTITUDE"));
        body.put("pdcaPhase", "DO");
        return body;
    }
}
