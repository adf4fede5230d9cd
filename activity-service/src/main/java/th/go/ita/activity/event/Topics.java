package th.go.ita.activity.event;

/** Kafka topics and channel names this service uses (contracts in docs/events.md). */
public final class Topics {
    public static final String UNITS = "ita.units";
    public static final String SCORES = "scores.changed";
    public static final String FRAMEWORKS = "ita.frameworks";
    public static final String ACTIVITY_EVENTS = "activity.events";

    public static final String UNITS_CHANNEL = "units-in";
    public static final String SCORES_CHANNEL = "scores-in";
    public static final String FRAMEWORKS_CHANNEL = "frameworks-in";

    private Topics() {
    }
}
