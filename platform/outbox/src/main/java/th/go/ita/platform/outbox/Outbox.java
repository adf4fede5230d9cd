package th.go.ita.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes an event, in the envelope of docs/events.md, into {@code outbox_event} inside the caller's
 * transaction: the event exists exactly when the change it announces was committed, and
 * {@link OutboxRelay} publishes it.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    OutboxRelay relay;

    /** Microseconds of the last time handed out: the relay orders a key's events by this time. */
    private final AtomicLong lastMicros = new AtomicLong();

    /** An event that happened now. @return its id */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String topic, String key, String type, String unitCode, String roundId, Object payload) {
        return add(topic, key, type, unitCode, roundId, now(), payload);
    }

    /**
     * @param occurredAt stored, published in the envelope and as the record's timestamp; anonymous
     *                   events pass the start of their day so no time of day is kept beside them
     * @return the event's id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String topic, String key, String type, String unitCode, String roundId, Instant occurredAt,
                    Object payload) {
        UUID id = UUID.randomUUID();
        // A map rather than a JSON tree: trees normalise decimals (40.00 → 40), and scores must keep
        // their scale on the wire.
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id.toString());
        envelope.put("type", type);
        envelope.put("version", EventEnvelope.VERSION);
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("unitCode", unitCode);
        envelope.put("roundId", roundId);
        envelope.put("payload", payload);
        String json;
        try {
            json = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + type + " cannot be written as JSON", e);
        }
        em.createNativeQuery("""
                        INSERT INTO outbox_event (id, topic, event_key, type, payload, occurred_at)
                        VALUES (:id, :topic, :key, :type, CAST(:payload AS jsonb), :at)
                        """)
                .setParameter("id", id)
                .setParameter("topic", topic)
                .setParameter("key", key)
                .setParameter("type", type)
                .setParameter("payload", json)
                .setParameter("at", occurredAt.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        relay.wakeAfterCommit();
        return id;
    }

    /**
     * Now, to the microsecond PostgreSQL keeps, and strictly later than the previous event of this
     * instance: two events written in the same microsecond still go out in the order written.
     */
    private Instant now() {
        long wall = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long micros = lastMicros.updateAndGet(last -> Math.max(wall, last + 1));
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
