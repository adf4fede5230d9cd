package th.go.ita.scoring.score;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import th.go.ita.platform.outbox.ConsumedEvents;

/**
 * Reads scoring's inputs from Kafka. An event that can never count goes to {@code <topic>.dlq.scoring}
 * with its reason; one that failed for a reason that may pass is tried again ({@link ConsumedEvents}).
 */
@ApplicationScoped
public class ScoreInputConsumer {

    @Inject
    ScoreIntake intake;

    @Inject
    ConsumedEvents consumed;

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
        consumed.apply(topic, () -> intake.accept(topic, value));
    }
}
