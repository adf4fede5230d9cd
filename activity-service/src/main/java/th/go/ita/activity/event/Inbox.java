package th.go.ita.activity.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/** The {@code processed_event} table: an event id is applied once, however often it arrives. */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    /** @return true the first time this id is seen (within the caller's transaction) */
    public boolean firstTime(UUID eventId, String topic) {
        return em.createNativeQuery("""
                        INSERT INTO processed_event (id, topic) VALUES (:id, :topic)
                        ON CONFLICT (id) DO NOTHING
                        """)
                .setParameter("id", eventId)
                .setParameter("topic", topic)
                .executeUpdate() == 1;
    }
}
