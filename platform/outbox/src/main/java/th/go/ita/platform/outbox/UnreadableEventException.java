package th.go.ita.platform.outbox;

/** An event that can never be applied as it is: it belongs on the dead-letter topic, not in a retry. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String reason) {
        super(reason);
    }

    public UnreadableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
