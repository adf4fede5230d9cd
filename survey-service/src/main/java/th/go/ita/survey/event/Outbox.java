package th.go.ita.survey.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Writes an event into {@code outbox_event} inside the caller's transaction. */
@ApplicationScoped
public class Outbox {

    public static final String SURVEY_RESPONSES = "survey.responses";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * @param occurredAt stored and published as the event's time; anonymous events pass the start
     *                   of the day so no exact time is kept next to them
     */
    public void add(String topic, String key, String type, String unitCode, String roundId, Instant occurredAt,
                    Object payload) {
        UUID id = UUID.randomUUID();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id.toString());
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("unitCode", unitCode);
        envelope.put("roundId", roundId);
        envelope.put("payload", payload);
        String text;
        try {
            text = json.writeValueAsString(envelope);
        } catch (Exception e) {
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
                .setParameter("payload", text)
                .setParameter("at", occurredAt)
                .executeUpdate();
    }
}
