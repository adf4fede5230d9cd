package th.go.ita.evidence.readmodel;

/** An event this service cannot apply; its message goes to the consumer's dead-letter topic. */
public class UnreadableEvent extends RuntimeException {
    public UnreadableEvent(String message) {
        super(message);
    }

    public UnreadableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
