package th.go.ita.scoring.score;

/** An input event scoring cannot apply; the consumer sends it to the dead-letter topic. */
public class UnreadableEventException extends RuntimeException {
    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
