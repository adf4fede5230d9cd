package th.go.ita.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Applies one consumed event, each attempt in a transaction of its own. The one rule every
 * consumer follows:
 * <ul>
 * <li>An event that can never be applied as it is ({@link UnreadableEventException}: a bad
 *     envelope, a schema violation, a unit that is not in the round) is rethrown at once, so the
 *     channel's dead-letter strategy parks it on {@code <topic>.dlq.<service>} with the reason in
 *     its {@code dead-letter-reason} header, and consumption goes on.</li>
 * <li>Anything else (the database restarting, a lost connection, a lock or statement timeout) is
 *     taken to pass: the same event is tried again after a wait that doubles up to
 *     {@code ita.outbox.consumer-retry.max-delay}, while the partition waits behind it. So a
 *     database blip delays good answers; it never parks them where nothing reads them, and later
 *     events never overtake the waiting one.</li>
 * </ul>
 * Call it from a {@code @Blocking} {@code @Incoming} method that is not itself transactional.
 */
@ApplicationScoped
public class ConsumedEvents {

    private static final Logger LOG = Logger.getLogger(ConsumedEvents.class);

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    public void apply(String topic, Runnable work) {
        Duration delay = config.consumerRetry().firstDelay();
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(work);
                if (attempt > 1) {
                    LOG.infof("Event on %s applied at attempt %d", topic, attempt);
                }
                return;
            } catch (RuntimeException e) {
                UnreadableEventException unreadable = unreadable(e);
                if (unreadable != null) {
                    registry.counter("ita.consumer.parked", "topic", topic).increment();
                    LOG.warnf("Unreadable event on %s goes to the dead-letter topic: %s", topic, unreadable.getMessage());
                    throw unreadable;
                }
                registry.counter("ita.consumer.retries", "topic", topic).increment();
                LOG.warnf("Event on %s not applied (attempt %d), trying again in %s: %s", topic, attempt, delay, e);
                wait(delay, topic);
                Duration doubled = delay.multipliedBy(2);
                Duration max = config.consumerRetry().maxDelay();
                delay = doubled.compareTo(max) > 0 ? max : doubled;
            }
        }
    }

    /** The reason an event can never be applied, wherever in the cause chain a consumer raised it. */
    private static UnreadableEventException unreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnreadableEventException u) {
                return u;
            }
        }
        return null;
    }

    private static void wait(Duration delay, String topic) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            // The service is stopping: the record's offset is not committed, so it is read again
            // after the restart (and should the nack still reach the dead-letter topic, a replay
            // brings it back; the inbox makes that safe).
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopping before an event on " + topic + " was applied", e);
        }
    }
}
