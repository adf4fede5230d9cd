package th.go.ita.evidence.readmodel;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import th.go.ita.platform.outbox.ConsumedEvents;
import th.go.ita.platform.outbox.EventEnvelope;

/**
 * Keeps the local copies of scoring-service's units, frameworks and rounds up to date: a message
 * that cannot be read is dead-lettered, a failure that may pass is retried ({@link ConsumedEvents}).
 */
@ApplicationScoped
public class ScoringTopicsConsumer {

    public static final String UNITS = "units";
    public static final String FRAMEWORKS = "frameworks";
    public static final String ROUNDS = "rounds";

    @Inject
    ReadModelUpdater updater;

    @Inject
    ConsumedEvents consumed;

    @Incoming(UNITS)
    @Blocking
    public void onUnit(String raw) {
        consumed.apply("ita.units", () -> updater.applyUnit(EventEnvelope.parse(raw, "UnitUpserted")));
    }

    @Incoming(FRAMEWORKS)
    @Blocking
    public void onFramework(String raw) {
        consumed.apply("ita.frameworks", () -> updater.applyFramework(EventEnvelope.parse(raw, "FrameworkPublished")));
    }

    @Incoming(ROUNDS)
    @Blocking
    public void onRound(String raw) {
        consumed.apply("ita.rounds", () -> updater.applyRound(EventEnvelope.parse(raw, "RoundUpserted")));
    }
}
