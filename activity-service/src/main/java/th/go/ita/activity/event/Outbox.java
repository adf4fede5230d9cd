package th.go.ita.activity.event;

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
 * Writes an event into {@code outbox_event} in the caller's transaction, so the event exists if
 * and only if the business change it announces was committed. {@link OutboxRelay} sends it.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String topic, String type, String unitCode, Object payload) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id.toString());
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("occurredAt", now.toString());
        envelope.put("unitCode", unitCode);
        envelope.put("roundId", null);
        envelope.put("payload", payload);
        String json;
        try {
            json = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event payload cannot be written as JSON", e);
        }
        em.createNativeQuery("""
                        INSERT INTO outbox_event (id, topic, event_key, type, payload, occurred_at)
                        VALUES (:id, :topic, :key, :type, CAST(:payload AS jsonb), :at)
                        """)
                .setParameter("id", id)
                .setParameter("topic", topic)
                .setParameter("key", unitCode)
                .setParameter("type", type)
                .setParameter("payload", json)
                .setParameter("at", now.atOffset(java.time.ZoneOffset.UTC))
                .executeUpdate();
        return id;
    }
}
