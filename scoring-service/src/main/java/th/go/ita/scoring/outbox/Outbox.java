package th.go.ita.scoring.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an event, in the envelope of docs/events.md, into {@code outbox_event} inside the caller's
 * transaction: the event exists exactly when the change it announces was committed.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String topic, String key, String type, String unitCode, String roundId, Object payload) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // A map rather than a JSON tree: trees normalise decimals (40.00 → 40), and scores must keep
        // the framework's scale on the wire.
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id.toString());
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("occurredAt", now.toString());
        envelope.put("unitCode", unitCode);
        envelope.put("roundId", roundId);
        envelope.put("payload", payload);
        try {
            em.createNativeQuery("""
                    INSERT INTO outbox_event (id, topic, event_key, type, payload, occurred_at)
                    VALUES (:id, :topic, :key, :type, CAST(:payload AS jsonb), :at)
                    """)
                    .setParameter("id", id)
                    .setParameter("topic", topic)
                    .setParameter("key", key)
                    .setParameter("type", type)
                    .setParameter("payload", mapper.writeValueAsString(envelope))
                    .setParameter("at", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload cannot be written as JSON", e);
        }
        return id;
    }
}
