package th.go.ita.activity.event;

/** An event this service cannot read: it is sent to the dead-letter topic instead of retried. */
public class UnreadableEventException extends RuntimeException {
    public UnreadableEventException(String message) {
        super(message);
    }
}
