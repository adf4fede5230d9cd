package th.go.ita.survey.readmodel;

/** An event this service cannot apply; the channel's failure strategy sends it to its DLQ topic. */
public class UnreadableEventException extends RuntimeException {
    public UnreadableEventException(String reason) {
        super(reason);
    }
}
