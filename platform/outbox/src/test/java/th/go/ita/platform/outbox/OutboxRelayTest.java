package th.go.ita.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import th.go.ita.embedded.ItaTestStack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one relay every service uses, against a real broker: what an office would notice is an answer
 * or a review that never reaches scoring, or reaches it out of order.
 */
@QuarkusTest
@WithTestResource(value = ItaTestStack.class, initArgs = @ResourceArg(name = "database", value = "platform_outbox"))
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    @Test
    void aRecordTheBrokerRefusesIsParkedAndHoldsBackNothing() {
        String topic = topic("refused");
        // Over the producer's 1 MB request limit: the broker will never take it as it is.
        UUID oversized = write(topic, "UNIT-A", Map.of("blob", "x".repeat(1_100_000)));
        UUID sameKey = write(topic, "UNIT-A", Map.of("n", 1));
        UUID otherKey = write(topic, "UNIT-B", Map.of("n", 1));

        List<ConsumerRecord<String, String>> records = consume(topic, 2);
        assertEquals(List.of(sameKey.toString(), otherKey.toString()).stream().sorted().toList(),
                records.stream().map(r -> EventEnvelope.parse(r.value()).id().toString()).sorted().toList());

        await().atMost(Duration.ofSeconds(20)).until(() -> parkedReason(oversized) != null);
        assertTrue(parkedReason(oversized).startsWith("RecordTooLargeException"), parkedReason(oversized));
        given().when().get("/outbox/parked").then().statusCode(401);
    }

    @Test
    void anEventDatedHoursAheadIsParkedInsteadOfHoldingBackTheOutbox() {
        String topic = topic("future");
        // Kafka 4 refuses records stamped more than an hour ahead of its clock.
        UUID ahead = QuarkusTransaction.requiringNew().call(() -> outbox.add(topic, "UNIT-F", "Tested", "UNIT-F", null,
                Instant.now().plus(Duration.ofHours(7)), Map.of("n", 0)));
        UUID after = write(topic, "UNIT-F", Map.of("n", 1));

        List<ConsumerRecord<String, String>> records = consume(topic, 1);
        assertEquals(after, EventEnvelope.parse(records.get(0).value()).id());
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedReason(ahead) != null);
        assertTrue(parkedReason(ahead).startsWith("InvalidTimestampException"), parkedReason(ahead));
    }

    @Test
    @TestSecurity(user = "ops", roles = "system-admin")
    void anOperatorSeesWhyAnEventIsParkedAndPutsItBackInLine() {
        String topic = topic("release");
        UUID oversized = write(topic, "UNIT-A", Map.of("blob", "y".repeat(1_100_000)));
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedReason(oversized) != null);

        given().when().get("/outbox/parked").then().statusCode(200)
                .body("id", hasItem(oversized.toString()))
                .body("find { it.id == '%s' }.topic".formatted(oversized), org.hamcrest.Matchers.equalTo(topic))
                .body("find { it.id == '%s' }.reason".formatted(oversized),
                        org.hamcrest.Matchers.startsWith("RecordTooLargeException"))
                .body("find { it.id == '%s' }.payload".formatted(oversized), org.hamcrest.Matchers.nullValue());

        given().when().post("/outbox/parked/{id}/release", oversized).then().statusCode(204);
        // Back in line, refused again: parked once more with one more attempt, not lost.
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(oversized) >= 2 && parkedReason(oversized) != null);
        given().when().post("/outbox/parked/{id}/release", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "someone", roles = "unit-admin")
    void onlyASystemAdminSeesParkedEvents() {
        given().when().get("/outbox/parked").then().statusCode(403);
    }

    @Test
    void aKeysEventsArriveInTheOrderTheyWereWritten() {
        String topic = topic("order");
        int perKey = 40;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < perKey; i++) {
                for (String key : List.of("K1", "K2", "K3")) {
                    outbox.add(topic, key, "Counted", key, null, Map.of("n", i));
                }
            }
        });
        List<ConsumerRecord<String, String>> records = consume(topic, 3 * perKey);
        Map<String, List<Integer>> seen = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            seen.computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(EventEnvelope.parse(record.value()).payload().get("n").asInt());
        }
        List<Integer> expected = java.util.stream.IntStream.range(0, perKey).boxed().toList();
        assertEquals(Map.of("K1", expected, "K2", expected, "K3", expected), seen);
    }

    /** A national import announces its units with addAll: more events than one statement takes, all arriving in order. */
    @Test
    void eventsWrittenTogetherArriveAllInTheOrderGivenWithTheirEnvelopes() {
        String topic = topic("together");
        int perKey = 400;
        List<Outbox.Event> events = new ArrayList<>();
        for (int i = 0; i < perKey; i++) {
            for (String key : List.of("K1", "K2", "K3")) {
                events.add(new Outbox.Event(topic, key, "Counted", "UNIT-" + key, null, Map.of("n", i)));
            }
        }
        QuarkusTransaction.requiringNew().run(() -> outbox.addAll(events));
        // Delivery is at least once (consumers keep an inbox): a pass repeated while a CI machine was
        // slow sent part of the batch twice (1,418 records for 1,200 events). Each event must arrive,
        // in order per key; a repeat of one already seen is dropped here as a consumer's inbox drops it.
        List<ConsumerRecord<String, String>> records = consumeDistinct(topic, 3 * perKey);
        Map<String, List<Integer>> seen = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope envelope = EventEnvelope.parse(record.value());
            assertEquals("Counted", envelope.type());
            assertEquals("UNIT-" + record.key(), envelope.unitCode());
            seen.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(envelope.payload().get("n").asInt());
        }
        List<Integer> expected = java.util.stream.IntStream.range(0, perKey).boxed().toList();
        assertEquals(Map.of("K1", expected, "K2", expected, "K3", expected), seen);
    }

    @Test
    void aBrokerOutageIsRiddenOutAndNothingWrittenMeanwhileIsLost() throws Exception {
        String topic = topic("outage");
        awaitIdle();
        ItaTestStack.kafka().stop();
        List<UUID> written = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                written.add(write(topic, "UNIT-" + (i % 2), Map.of("n", i)));
            }
            OutboxRelay.Pass pass = relay.publishPending();
            assertEquals(0, pass.published(), "nothing is marked published while the broker is away");
            assertEquals(0, pass.parked(), "an outage parks nothing");
            assertEquals(5, pass.waiting());
            assertTrue(pass.producerSuspect());
            // Still ready: intake goes on into the outbox; readiness says delivery is what waits.
            given().when().get("/q/health/ready").then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("UP"))
                    .body("checks.find { it.name.startsWith('Event delivery') }.data.broker",
                            org.hamcrest.Matchers.startsWith("not answering since"))
                    .body("checks.find { it.name.startsWith('Event delivery') }.data.waiting",
                            org.hamcrest.Matchers.greaterThanOrEqualTo(5));
        } finally {
            ItaTestStack.kafka().restart();
        }
        List<ConsumerRecord<String, String>> records = consume(topic, 5);
        assertEquals(written.stream().map(UUID::toString).sorted().toList(),
                records.stream().map(r -> EventEnvelope.parse(r.value()).id().toString()).sorted().toList());
        for (UUID id : written) {
            assertTrue(attempts(id) >= 1, "the events waited through at least one failed pass");
        }
    }

    @Test
    void eventsAnEarlierRunLeftPendingArePublishedWhenTheRelayRunsAgain() {
        String topic = topic("resume");
        UUID id = UUID.randomUUID();
        // As a process that stopped before relaying leaves it: committed, attempted, not published.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO outbox_event (id, topic, event_key, type, payload, occurred_at, attempts)
                        VALUES (:id, :topic, 'UNIT-R', 'Left', CAST(:payload AS jsonb), now() - interval '1 hour', 3)""")
                .setParameter("id", id).setParameter("topic", topic)
                .setParameter("payload", "{\"id\":\"" + id + "\",\"type\":\"Left\",\"version\":1,\"payload\":{}}")
                .executeUpdate());
        List<ConsumerRecord<String, String>> records = consume(topic, 1);
        assertEquals(id, EventEnvelope.parse(records.get(0).value(), "Left").id());
        await().atMost(Duration.ofSeconds(10)).until(() -> published(id));
    }

    private UUID write(String topic, String key, Object payload) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.add(topic, key, "Tested", key, null, payload));
    }

    private void awaitIdle() {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND parked_at IS NULL")
                        .getSingleResult()).intValue() == 0));
    }

    private String parkedReason(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT park_reason FROM outbox_event WHERE id = :id AND parked_at IS NOT NULL")
                .setParameter("id", id).getResultStream().findFirst().orElse(null));
    }

    private int attempts(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT attempts FROM outbox_event WHERE id = :id").setParameter("id", id).getSingleResult()).intValue());
    }

    private boolean published(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                "SELECT 1 FROM outbox_event WHERE id = :id AND published_at IS NOT NULL")
                .setParameter("id", id).getResultList().isEmpty());
    }

    private static String topic(String name) {
        return "platform.test." + name + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Reads a topic from its start until {@code count} records are there (or 30 s pass). */
    /** The records of the topic, each event (envelope id) once, in the order first seen, until {@code count} arrived. */
    private static List<ConsumerRecord<String, String>> consumeDistinct(String topic, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("embedded.kafka.bootstrap-servers"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, ConsumerRecord<String, String>> first = new java.util.LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Instant until = Instant.now().plusSeconds(30);
            while (first.size() < count && Instant.now().isBefore(until)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> first.putIfAbsent(EventEnvelope.parse(r.value()).id().toString(), r));
            }
        }
        assertEquals(count, first.size(), "events on " + topic);
        return new ArrayList<>(first.values());
    }

    static List<ConsumerRecord<String, String>> consume(String topic, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("embedded.kafka.bootstrap-servers"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Instant until = Instant.now().plusSeconds(30);
            while (records.size() < count && Instant.now().isBefore(until)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        assertEquals(count, records.size(), "records on " + topic);
        return records;
    }
}
