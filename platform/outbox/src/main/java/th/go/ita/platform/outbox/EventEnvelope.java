package th.go.ita.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;

/**
 * The envelope every event between the services carries (docs/events.md). Read leniently about
 * what a consumer does not need (unknown fields are ignored, so a producer may add fields) and
 * strictly about what it does: without an id, a known type, a version this reader understands and
 * an object payload an event cannot be applied once and correctly, so it is unreadable.
 */
public record EventEnvelope(UUID id, String type, int version, Instant occurredAt, String unitCode, String roundId,
                            JsonNode payload) {

    /** The envelope version written by {@link Outbox} and the newest one this reader understands. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws UnreadableEventException when the text is not an envelope of {@code expectedType} */
    public static EventEnvelope parse(String text, String expectedType) {
        EventEnvelope envelope = parse(text);
        if (!expectedType.equals(envelope.type)) {
            throw new UnreadableEventException("unexpected type " + envelope.type);
        }
        return envelope;
    }

    /** @throws UnreadableEventException when the text is not an envelope of any type */
    public static EventEnvelope parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (Exception e) {
            throw new UnreadableEventException("not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableEventException("not a JSON object");
        }
        UUID id;
        try {
            id = UUID.fromString(root.path("id").asText(""));
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("no event id");
        }
        String type = root.path("type").asText("");
        if (type.isBlank()) {
            throw new UnreadableEventException("no type");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt() || version.asInt() < 1) {
            throw new UnreadableEventException("no envelope version");
        }
        if (version.asInt() > VERSION) {
            throw new UnreadableEventException("envelope version " + version.asInt() + " is newer than " + VERSION);
        }
        JsonNode payload = root.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new UnreadableEventException("no payload");
        }
        Instant occurredAt;
        try {
            String at = optionalText(root, "occurredAt");
            occurredAt = at == null ? null : Instant.parse(at);
        } catch (DateTimeException e) {
            throw new UnreadableEventException("bad occurredAt", e);
        }
        return new EventEnvelope(id, type, version.asInt(), occurredAt, optionalText(root, "unitCode"),
                optionalText(root, "roundId"), payload);
    }

    /** A payload field that must be there and not blank. */
    public String text(String field) {
        return text(payload, field);
    }

    public String optionalText(String field) {
        return optionalText(payload, field);
    }

    public static String text(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null || value.isBlank()) {
            throw new UnreadableEventException("missing " + field);
        }
        return value;
    }

    public static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    public static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new UnreadableEventException("missing number " + field);
        }
        return value.asInt();
    }

    public static Instant optionalInstant(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new UnreadableEventException("bad instant in " + field, e);
        }
    }
}
