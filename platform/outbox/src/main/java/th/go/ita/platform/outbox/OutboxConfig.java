package th.go.ita.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the outbox relay and inbox, under {@code ita.outbox.*}. */
@ConfigMapping(prefix = "ita.outbox")
public interface OutboxConfig {

    /** Whether this instance relays at all (an instance may leave relaying to others). */
    @WithDefault("true")
    boolean enabled();

    /** How often the relay looks for pending events (a scheduler duration, e.g. 1s or 500ms). */
    @WithDefault("1s")
    String interval();

    /**
     * Whether a transaction that wrote events wakes the relay once it has committed, so an event
     * leaves at once instead of at the next scheduled pass (which still runs, and catches whatever a
     * wake-up missed: a crash between commit and wake-up, another instance's events).
     */
    @WithDefault("true")
    boolean wakeOnCommit();

    /** Most events one pass reads and sends before it flushes once and marks them. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for the broker's acknowledgement before an event waits for the next pass. */
    @WithDefault("10s")
    Duration ackTimeout();

    /**
     * How exactly the times the outbox and inbox keep beside an event are written: {@code exact},
     * or {@code day} where a time of day next to an event could identify a person (anonymous answers).
     */
    @WithDefault("exact")
    TimePrecision timePrecision();

    /**
     * Whether an event stays in {@code outbox_event} once the broker has acknowledged it. A service
     * whose events carry answers deletes them instead: the topic has them, and a table that keeps
     * every event for good keeps every step between them.
     */
    @WithDefault("true")
    boolean keepPublished();

    /** How a consumer waits out a failure that may pass (see {@link ConsumedEvents}). */
    Retry consumerRetry();

    interface Retry {
        /** The first wait before an event is applied again. */
        @WithDefault("500ms")
        Duration firstDelay();

        /** The longest wait between attempts; the wait doubles up to it and stays there. */
        @WithDefault("30s")
        Duration maxDelay();
    }

    enum TimePrecision {
        EXACT, DAY;

        /** The SQL expression of "now" at this precision. */
        String now() {
            return this == DAY ? "CAST(current_date AS timestamptz)" : "now()";
        }
    }
}
