package th.go.ita.evidence.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an event in the caller's transaction; {@link OutboxRelay} publishes it later. If the
 * business change rolls back, so does its event; if Kafka is down, the event waits here.
 */
@ApplicationScoped
public class Outbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String topic, String key, String type, String unitCode, String roundId, Map<String, Object> payload) {
        UUID id = UUID.randomUUID();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id.toString());
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("unitCode", unitCode);
        envelope.put("roundId", roundId);
        envelope.put("payload", payload);
        String json;
        try {
            json = JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("""
                        INSERT INTO outbox_event (id, topic, event_key, type, payload)
                        VALUES (:id, :topic, :key, :type, CAST(:payload AS jsonb))""")
                .setParameter("id", id).setParameter("topic", topic).setParameter("key", key)
                .setParameter("type", type).setParameter("payload", json).executeUpdate();
        return id;
    }
}
