package th.go.ita.activity.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import th.go.ita.platform.testing.EventContract;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Talks to the test's real Kafka broker the way scoring-service and other consumers would: publishes
 * scoring's events (in their envelope) and reads what this service published.
 */
public final class KafkaEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private KafkaEvents() {
    }

    public static String bootstrap() {
        String servers = System.getProperty("embedded.kafka.bootstrap-servers");
        if (servers == null) {
            throw new IllegalStateException("The test stack has not started Kafka");
        }
        return servers;
    }

    public static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    public static void sendRaw(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes an event in the common envelope; returns its id. */
    public static UUID send(String topic, String type, String unitCode, Instant occurredAt, Map<String, Object> payload) {
        return send(topic, UUID.randomUUID(), type, unitCode, occurredAt, payload);
    }

    public static UUID send(String topic, UUID id, String type, String unitCode, Instant occurredAt,
                            Map<String, Object> payload) {
        return send(topic, id, type, unitCode, occurredAt, payload, unitCode);
    }

    /** An event as its producer would send it: it must match the producer's schema in docs/events. */
    public static UUID send(String topic, UUID id, String type, String unitCode, Instant occurredAt,
                            Map<String, Object> payload, String key) {
        String json = envelope(id, type, unitCode, occurredAt, payload);
        EventContract.assertMatches(type, json);
        sendRaw(topic, key, json);
        return id;
    }

    /** An event its producer would never send (a consumer's dead-letter tests): no schema check. */
    public static UUID sendUnchecked(String topic, UUID id, String type, String unitCode, Instant occurredAt,
                                     Map<String, Object> payload, String key) {
        sendRaw(topic, key, envelope(id, type, unitCode, occurredAt, payload));
        return id;
    }

    private static String envelope(UUID id, String type, String unitCode, Instant occurredAt, Map<String, Object> payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id.toString());
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("unitCode", unitCode);
        envelope.put("roundId", payload.get("roundId"));
        envelope.put("payload", payload);
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A UnitUpserted as scoring publishes it on {@code ita.units}. */
    public static UUID unit(String code, String parentPath, String nameTh, int staff) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", code);
        payload.put("parentCode", parentPath == null ? null : lastCode(parentPath));
        payload.put("path", (parentPath == null ? "/" : parentPath) + code + "/");
        payload.put("type", parentPath == null ? "NATIONAL" : "AREA_PRIMARY");
        payload.put("nameTh", nameTh);
        payload.put("nameEn", code);
        payload.put("staffCount", staff);
        payload.put("servicePopulation", 100);
        payload.put("active", true);
        payload.put("demo", true);
        return send("ita.units", "UnitUpserted", code, Instant.now(), payload);
    }

    /** A UnitScoreChanged as scoring publishes it on {@code scores.changed}. */
    public static UUID scores(String unitCode, String roundId, int fiscalYear, double total, Instant at,
                              Map<String, Object> indicators) {
        return scores(unitCode, roundId, fiscalYear, "OBEC-" + fiscalYear, total, at, indicators);
    }

    public static UUID scores(String unitCode, String roundId, int fiscalYear, String frameworkId, double total,
                              Instant at, Map<String, Object> indicators) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("roundId", roundId);
        payload.put("unitCode", unitCode);
        payload.put("fiscalYear", fiscalYear);
        payload.put("frameworkId", frameworkId);
        payload.put("frameworkVersion", 1);
        payload.put("total", total);
        payload.put("rating", total >= 95 ? "AA" : "A");
        payload.put("passed", total >= 85);
        payload.put("provisional", false);
        payload.put("instruments", Map.of("IIT", 28.73, "EIT", 27.64, "OIT", 40.0));
        payload.put("indicators", indicators);
        return send("scores.changed", "UnitScoreChanged", unitCode, at, payload);
    }

    /** A FrameworkPublished on {@code ita.frameworks} (only the fields this service reads, plus one it does not). */
    public static UUID framework(String id, int version, int fiscalYear, String comparabilityGroup) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id);
        payload.put("version", version);
        payload.put("fiscalYear", fiscalYear);
        payload.put("comparabilityGroup", comparabilityGroup);
        payload.put("instruments", List.of());
        return send("ita.frameworks", UUID.randomUUID(), "FrameworkPublished", null, Instant.now(), payload, id + "@" + version);
    }

    private static String lastCode(String path) {
        String[] parts = path.split("/");
        return parts[parts.length - 1];
    }

    /** Every record on a topic so far (read from the beginning by a fresh consumer group). */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 3000;
            while (System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
                if (!records.isEmpty() && consumer.assignment().stream()
                        .allMatch(p -> consumer.position(p) >= consumer.endOffsets(List.of(p)).get(p))) {
                    break;
                }
            }
        }
        return records;
    }
}
