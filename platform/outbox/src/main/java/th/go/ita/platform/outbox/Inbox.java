package th.go.ita.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/** Remembers applied event ids ({@code processed_event}) so a redelivered event changes nothing. */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    /** @return true the first time this id is seen; call inside the transaction that applies the event */
    public boolean firstDelivery(UUID eventId, String topic) {
        return em.createNativeQuery("INSERT INTO processed_event (id, topic, processed_at) VALUES (:id, :topic, "
                        + config.timePrecision().now() + ") ON CONFLICT (id) DO NOTHING")
                .setParameter("id", eventId)
                .setParameter("topic", topic)
                .executeUpdate() == 1;
    }
}
