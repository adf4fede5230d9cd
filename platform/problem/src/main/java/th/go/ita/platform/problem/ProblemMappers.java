package th.go.ita.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.transaction.xa.XAException;

/**
 * Every error leaves a service as {@code application/problem+json}: domain problems, invalid
 * input (wrong JSON types, unknown enum values, malformed JSON, bad parameters), unknown paths,
 * missing or insufficient credentials, and (never expected) internal errors, which are logged with
 * an id the caller can quote instead of a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private static final long UNAVAILABLE_WARNING_EVERY_NANOS = 10_000_000_000L;
    private static final java.util.concurrent.atomic.AtomicLong lastUnavailableWarning =
            new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - UNAVAILABLE_WARNING_EVERY_NANOS - 1);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        return respond(e.status(), e.code(), e.errors(), headers, uri, e.args());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(ProblemMappers::fieldError)
                .collect(Collectors.toList());
        return respond(400, "invalid-input", errors, headers, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        if (e instanceof BuddhistEraDates.BuddhistEraDate date) {
            String field = pathOf(date);
            return respond(400, "buddhist-era-date", List.of(new Problem.FieldError(field,
                            ProblemMessages.en("buddhist-era-date.field", date.typed(), date.gregorian()),
                            ProblemMessages.th("buddhist-era-date.field", date.typed(), date.gregorian()),
                            ProblemMessages.en("buddhist-era-date.field", date.typed(), date.gregorian()))),
                    headers, uri, field, date.typed(), date.gregorian());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return respond(400, "unknown-field", List.of(fieldError(pathOf(u), "unknown-field.field")), headers, uri);
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return respond(400, "invalid-input", List.of(fieldError(pathOf(f), "unknown-value.field")), headers, uri);
        }
        String field = e instanceof JsonMappingException m ? pathOf(m) : "";
        if (e instanceof InvalidFormatException || !field.isEmpty()) {
            return respond(400, "invalid-input", List.of(fieldError(field, "invalid-value.field")), headers, uri);
        }
        return respond(400, "malformed-json", List.of(), headers, uri);
    }

    // Quarkus and Jackson bring their own mappers for these (answering a bare 400 or plain JSON);
    // the most specific type wins, so each is named here too.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return malformedJson(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, HttpHeaders headers, UriInfo uri) {
        return malformedJson(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e, HttpHeaders headers, UriInfo uri) {
        return malformedJson(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, HttpHeaders headers, UriInfo uri) {
        return malformedJson(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, HttpHeaders headers, UriInfo uri) {
        return malformedJson(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response streamRead(StreamReadException e, HttpHeaders headers, UriInfo uri) {
        return malformedJson(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return respond(401, "unauthorized", List.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        return respond(401, "unauthorized", List.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return respond(403, "forbidden", List.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, headers, uri);
        }
        String code = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "bad-request";
        };
        return respond(status, code, List.of(), headers, uri);
    }

    /** A multipart body the server could not parse (cut off, wrong boundary) is the caller's error. */
    @ServerExceptionMapper
    public Response io(IOException e, HttpHeaders headers, UriInfo uri) {
        if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("multipart")) {
            return respond(400, "multipart-malformed", List.of(), headers, uri);
        }
        return unexpected(e, headers, uri);
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        // The database's verdict on a value (SQLSTATE class 22: too long, out of range, a NUL byte)
        // is about what the caller sent, not a fault of ours; nothing was stored.
        String state = sqlState(e);
        if (state != null && state.startsWith("22")) {
            return respond(400, "invalid-input", List.of(), headers, uri);
        }
        if (databaseAway(e, state)) {
            // The database restarting or out of connections: the transaction rolled back whole, so
            // the same request can simply be sent again in a moment.
            // Neither the path nor the driver's message (which quotes the SQL): during an outage the
            // respondents' retries would put their submissions' times in the log (survey-service
            // README, threat model). One line per ten seconds says enough.
            long now = System.nanoTime();
            long last = lastUnavailableWarning.get();
            if (now - last > UNAVAILABLE_WARNING_EVERY_NANOS && lastUnavailableWarning.compareAndSet(last, now)) {
                LOG.warnf("Database unavailable (%s): answering 503 with Retry-After until it is back",
                        state == null ? "no connection" : "SQLSTATE " + state);
            }
            return Response.fromResponse(respond(503, "unavailable", List.of(), headers, uri))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        String errorId = UUID.randomUUID().toString();
        // Not the path: a respondent's failed submission would put its time and route in the log
        // (survey-service README, threat model); the stack trace names the resource, the id the call.
        LOG.errorf(e, "Unexpected error %s", errorId);
        return respond(500, "internal", List.of(), headers, uri, errorId);
    }

    /** A problem response as every mapper here writes it, for filters that answer before a resource runs. */
    public static Response respond(int status, String code, List<Problem.FieldError> errors,
                                   HttpHeaders headers, UriInfo uri, Object... args) {
        Problem problem = problem(status, code, errors, prefersEnglish(headers), uri == null ? null : uri.getPath(), args);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The problem document itself, for answers written below JAX-RS (the HTTP layer's own limits). */
    static Problem problem(int status, String code, List<Problem.FieldError> errors, boolean english, String instance,
                           Object... args) {
        String th = ProblemMessages.th(code, args);
        String en = ProblemMessages.en(code, args);
        return new Problem(
                "urn:ita:problem:" + code,
                ProblemMessages.text(english ? Locale.ENGLISH : ProblemMessages.THAI, "title." + status),
                status,
                english ? en : th,
                th,
                en,
                instance,
                errors);
    }

    private static boolean prefersEnglish(HttpHeaders headers) {
        if (headers == null) {
            return false;
        }
        List<Locale> languages = headers.getAcceptableLanguages();
        return !languages.isEmpty() && "en".equals(languages.get(0).getLanguage());
    }

    /** Seconds a client waits before sending a request again that met an unavailable database. */
    static final String RETRY_AFTER_SECONDS = "5";

    /**
     * SQLSTATE class 08 (no connection), 57P01–57P03 (the server shutting down or starting), 53300
     * (too many connections), the pool giving up waiting for a connection or finding its connection
     * closed (no SQLSTATE), or the transaction manager reporting that the commit itself failed
     * (XA_RBCOMMFAIL, XAER_RMFAIL): anywhere among the causes, suppressed ones included.
     */
    private static boolean databaseAway(Throwable e, String state) {
        if (state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300"))) {
            return true;
        }
        return causes(e).anyMatch(t -> {
            if (t instanceof SQLException sql && sql.getSQLState() == null) {
                String message = String.valueOf(sql.getMessage());
                return message.contains("acquisition timeout") || message.contains("Connection is closed");
            }
            return t instanceof XAException xa
                    && (xa.errorCode == XAException.XA_RBCOMMFAIL || xa.errorCode == XAException.XAER_RMFAIL);
        });
    }

    /**
     * The first SQLSTATE among the causes. Narayana attaches what failed at commit as suppressed
     * exceptions of its {@code RollbackException}, not as its cause, so those are searched too
     * (a commit that met a restarting database was once answered 500 for that reason).
     */
    private static String sqlState(Throwable e) {
        return causes(e)
                .filter(t -> t instanceof SQLException sql && sql.getSQLState() != null)
                .map(t -> ((SQLException) t).getSQLState())
                .findFirst().orElse(null);
    }

    /** The throwable, its causes and their suppressed exceptions, depth first, each once. */
    private static java.util.stream.Stream<Throwable> causes(Throwable e) {
        List<Throwable> seen = new java.util.ArrayList<>();
        java.util.Deque<Throwable> next = new java.util.ArrayDeque<>();
        if (e != null) {
            next.push(e);
        }
        while (!next.isEmpty() && seen.size() < 64) {
            Throwable t = next.pop();
            if (seen.stream().anyMatch(s -> s == t)) {
                continue;
            }
            seen.add(t);
            Throwable[] suppressed = t.getSuppressed();
            for (int i = suppressed.length - 1; i >= 0; i--) {
                next.push(suppressed[i]);
            }
            if (t.getCause() != null) {
                next.push(t.getCause());
            }
        }
        return seen.stream();
    }

    private static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // "create.arg0.name" -> "name": callers know their body's fields, not our method names.
        String[] parts = path.split("\\.");
        String field = parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : path;
        String message = violation.getMessage();
        return new Problem.FieldError(field, message, message, message);
    }

    private static Problem.FieldError fieldError(String field, String key) {
        return new Problem.FieldError(field, ProblemMessages.en(key), ProblemMessages.th(key), ProblemMessages.en(key));
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
