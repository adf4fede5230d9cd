package th.go.ita.platform.outbox;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A consumer as the services write them, for ConsumedEventsTest: an event is applied once (inbox)
 * into {@code consumed_test}, whose writes give up after a short lock wait, so a test holding the
 * table's lock is a real database failure that passes.
 */
@ApplicationScoped
public class RecordingConsumer {

    static final String TOPIC = "platform.test.consumed";

    /** What a fixed consumer would do with an event that lacks {@code n}: until then, it is unreadable. */
    static volatile boolean missingNMeansZero;

    @Inject
    ConsumedEvents consumed;

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Incoming("consumer-test")
    @Blocking
    public void on(String raw) {
        consumed.apply(TOPIC, () -> {
            EventEnvelope event = EventEnvelope.parse(raw, "Tested");
            int n = event.payload().path("n").asInt(missingNMeansZero ? 0 : -1);
            if (n < 0) {
                throw new UnreadableEventException("n missing");
            }
            if (!inbox.firstDelivery(event.id(), TOPIC)) {
                return;
            }
            em.createNativeQuery("SET LOCAL lock_timeout = '200ms'").executeUpdate();
            em.createNativeQuery("INSERT INTO consumed_test (event_id, n) VALUES (:id, :n)")
                    .setParameter("id", event.id()).setParameter("n", n).executeUpdate();
        });
    }
}
