package th.go.ita.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import th.go.ita.embedded.ItaTestStack;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one consumer rule, against real PostgreSQL and a real broker: a failure that passes delays an
 * event and parks nothing; an unreadable event is parked with its reason while consumption goes
 * on; a replay after the fix brings a parked event back, once.
 */
@QuarkusTest
@WithTestResource(value = ItaTestStack.class, initArgs = @ResourceArg(name = "database", value = "platform_outbox"))
class ConsumedEventsTest {

    static final String CHANNEL = "consumer-test";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Test
    @TestSecurity(user = "ops", roles = "system-admin")
    void aPassingFailureDelaysAnEventAnUnreadableOneIsParkedWithItsReasonAndAReplayBringsItBack() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "CREATE TABLE IF NOT EXISTS consumed_test (event_id UUID NOT NULL, n INT NOT NULL)").executeUpdate());
        double retriesBefore = count("ita.consumer.retries");
        UUID delayed;
        try (Connection holder = dataSource.getConnection()) {
            // A real database failure: every write to the table times out while this lock is held.
            holder.setAutoCommit(false);
            holder.createStatement().execute("LOCK TABLE consumed_test IN ACCESS EXCLUSIVE MODE");
            delayed = write(Map.of("n", 1));
            await().atMost(Duration.ofSeconds(30)).until(() -> count("ita.consumer.retries") >= retriesBefore + 3);
            holder.rollback();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(delayed) == 1);

        UUID unreadable = write(Map.of("other", 2));
        sendRaw("this is not an event");
        UUID after = write(Map.of("n", 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(after) == 1);
        assertEquals(1, applied(delayed), "the delayed event counted once, after the database came back");
        assertEquals(0, applied(unreadable));

        JsonPath parked = awaitWaiting(2);
        List<String> reasons = parked.getList("find { it.channel == 'consumer-test' }.waiting.reason");
        assertTrue(reasons.contains("n missing"), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("not JSON")), reasons.toString());
        assertEquals("platform.test.consumed", parked.getString("find { it.channel == 'consumer-test' }.topic"));

        // The consumer is fixed; the replay brings both back, the fixed one counts, the garbage is parked again.
        RecordingConsumer.missingNMeansZero = true;
        try {
            given().when().post("/admin/dead-letters/" + CHANNEL + "/replay").then().statusCode(200)
                    .body("replayed", org.hamcrest.Matchers.equalTo(2));
            await().atMost(Duration.ofSeconds(30)).until(() -> applied(unreadable) == 1);
            JsonPath again = awaitWaiting(1);
            assertTrue(again.getString("find { it.channel == 'consumer-test' }.waiting[0].reason").startsWith("not JSON"));
        } finally {
            RecordingConsumer.missingNMeansZero = false;
        }
        assertEquals(1, applied(delayed), "a replay re-applies nothing already applied");
        given().when().post("/admin/dead-letters/no-such-channel/replay").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "office.admin", roles = "unit-admin")
    void onlyASystemAdminSeesOrReplaysDeadLetters() {
        given().when().get("/admin/dead-letters").then().statusCode(403);
        given().when().post("/admin/dead-letters/" + CHANNEL + "/replay").then().statusCode(403);
    }

    private JsonPath awaitWaiting(int count) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            last[0] = given().when().get("/admin/dead-letters").then().statusCode(200).extract().jsonPath();
            List<Object> waiting = last[0].getList("find { it.channel == 'consumer-test' }.waiting");
            return waiting != null && waiting.size() == count;
        });
        return last[0];
    }

    private UUID write(Object payload) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.add(RecordingConsumer.TOPIC, "K", "Tested", "K", null, payload));
    }

    private long applied(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM consumed_test WHERE event_id = :id").setParameter("id", id).getSingleResult()).longValue());
    }

    private double count(String name) {
        Counter counter = registry.find(name).tag("topic", RecordingConsumer.TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void sendRaw(String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("embedded.kafka.bootstrap-servers"));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(RecordingConsumer.TOPIC, "K", value)).get();
        }
    }
}
