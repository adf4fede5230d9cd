package th.go.ita.scoring.score;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import th.go.ita.platform.outbox.UnreadableEventException;

/**
 * Reads scoring's inputs from Kafka. A thrown exception nacks the record, which the channel's
 * dead-letter-queue strategy sends to {@code <topic>.dlq.scoring}; the consumer carries on.
 */
@ApplicationScoped
public class ScoreInputConsumer {

    private static final Logger LOG = Logger.getLogger(ScoreInputConsumer.class);

    @Inject
    ScoreIntake intake;

    @Incoming("survey-responses")
    @Blocking
    public void response(String value) {
        handle(ScoreInputs.RESPONSES, value);
    }

    @Incoming("oit-reviews")
    @Blocking
    public void review(String value) {
        handle(ScoreInputs.REVIEWS, value);
    }

    private void handle(String topic, String value) {
        try {
            intake.accept(topic, value);
        } catch (UnreadableEventException e) {
            LOG.warnf("Unreadable event on %s sent to the dead-letter topic: %s", topic, e.getMessage());
            throw e;
        }
    }
}
