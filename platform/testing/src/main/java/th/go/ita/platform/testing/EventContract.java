package th.go.ita.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The schema of each event type lives once, in the repository's {@code docs/events/<Type>.schema.json},
 * owned by its producer and read by producer and consumers alike without a Maven dependency between
 * services: a producer that changes its events incompatibly breaks the build of every consumer whose
 * fixtures no longer match, and a consumer cannot test against events the producer would never send.
 */
public final class EventContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContract() {
    }

    /** Fails with every violation listed when {@code event} is not a valid {@code type} event. */
    public static void assertMatches(String type, String event) {
        Set<ValidationMessage> errors = violations(type, event);
        if (!errors.isEmpty()) {
            throw new AssertionError(type + " does not match docs/events/" + type + ".schema.json: "
                    + errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "))
                    + "\n  event: " + (event.length() > 400 ? event.substring(0, 400) + "…" : event));
        }
    }

    public static Set<ValidationMessage> violations(String type, String event) {
        try {
            return schema(type).validate(JSON.readTree(event));
        } catch (IOException e) {
            throw new AssertionError(type + " event is not JSON: " + event, e);
        }
    }

    /** The whole envelope's JSON as the schema sees it, for fixtures built as maps or records. */
    public static String json(Object event) {
        try {
            return event instanceof String s ? s : JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            Path file = directory().resolve(t + ".schema.json");
            if (!Files.isRegularFile(file)) {
                throw new AssertionError("No schema for event type " + t + " at " + file);
            }
            try (InputStream in = Files.newInputStream(file)) {
                JsonNode node = JSON.readTree(in);
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** docs/events of the repository this test runs in: from the module's directory upwards. */
    static Path directory() {
        String configured = System.getProperty("ita.events.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("events");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("docs/events not found above " + Path.of("").toAbsolutePath());
    }
}
