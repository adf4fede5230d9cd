package th.go.ita.platform.problem;

import java.util.List;

/**
 * Thrown by domain code to answer with a problem document. The {@code code} names both the
 * problem type ({@code urn:ita:problem:<code>}) and the message keys in {@code messages/problems}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Object[] args;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String code, Object... args) {
        this(status, code, List.of(), args);
    }

    public ProblemException(int status, String code, List<Problem.FieldError> errors, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
        this.errors = errors;
    }

    public static ProblemException notFound(String code, Object... args) {
        return new ProblemException(404, code, args);
    }

    public static ProblemException forbidden(String code, Object... args) {
        return new ProblemException(403, code, args);
    }

    public static ProblemException badRequest(String code, Object... args) {
        return new ProblemException(400, code, args);
    }

    public static ProblemException conflict(String code, Object... args) {
        return new ProblemException(409, code, args);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
