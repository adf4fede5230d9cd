package th.go.ita.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
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
        String json = envelope(id, type, unitCode, roundId, occurredAt, payload);
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

    /** An event to write with {@link #addAll}: the arguments of {@link #add}, happening now. */
    public record Event(String topic, String key, String type, String unitCode, String roundId, Object payload) {
    }

    /**
     * Many events that happen now, in the order given, as if each were {@link #add}ed: one statement
     * per thousand, so that announcing a national import (30,000 units) does not cost a round trip each.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(List<Event> events) {
        for (int from = 0; from < events.size(); from += BATCH) {
            List<Event> chunk = events.subList(from, Math.min(events.size(), from + BATCH));
            String[] ids = new String[chunk.size()];
            String[] topics = new String[chunk.size()];
            String[] keys = new String[chunk.size()];
            String[] types = new String[chunk.size()];
            String[] payloads = new String[chunk.size()];
            String[] times = new String[chunk.size()];
            for (int i = 0; i < chunk.size(); i++) {
                Event e = chunk.get(i);
                UUID id = UUID.randomUUID();
                Instant at = now();
                ids[i] = id.toString();
                topics[i] = e.topic();
                keys[i] = e.key();
                types[i] = e.type();
                payloads[i] = envelope(id, e.type(), e.unitCode(), e.roundId(), at, e.payload());
                times[i] = at.toString();
            }
            em.flush();
            em.unwrap(Session.class).doWork(c -> {
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO outbox_event (id, topic, event_key, type, payload, occurred_at)
                        SELECT CAST(i AS uuid), t, k, y, CAST(p AS jsonb), CAST(a AS timestamptz)
                        FROM unnest(?, ?, ?, ?, ?, ?) AS e(i, t, k, y, p, a)
                        """)) {
                    int n = 0;
                    for (String[] column : List.of(ids, topics, keys, types, payloads, times)) {
                        s.setArray(++n, c.createArrayOf("text", column));
                    }
                    s.executeUpdate();
                }
            });
        }
        if (!events.isEmpty()) {
            relay.wakeAfterCommit();
        }
    }

    private static final int BATCH = 1000;

    private String envelope(UUID id, String type, String unitCode, String roundId, Instant occurredAt, Object payload) {
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
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + type + " cannot be written as JSON", e);
        }
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
