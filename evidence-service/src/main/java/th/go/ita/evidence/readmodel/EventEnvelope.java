package th.go.ita.evidence.readmodel;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The envelope every event shares (docs/events.md). Fields this service does not know are
 * ignored, so a producer can add to its payload without breaking us.
 */
public record EventEnvelope(UUID id, String type, int version, JsonNode payload) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static EventEnvelope parse(String raw, String expectedType) {
        JsonNode root;
        try {
            root = JSON.readTree(raw);
        } catch (Exception e) {
            throw new UnreadableEvent("not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableEvent("not a JSON object");
        }
        UUID id;
        try {
            id = UUID.fromString(root.path("id").asText(""));
        } catch (IllegalArgumentException e) {
            throw new UnreadableEvent("no event id", e);
        }
        String type = root.path("type").asText("");
        if (!expectedType.equals(type)) {
            throw new UnreadableEvent("unexpected type " + type);
        }
        JsonNode payload = root.path("payload");
        if (!payload.isObject()) {
            throw new UnreadableEvent("no payload");
        }
        return new EventEnvelope(id, type, root.path("version").asInt(1), payload);
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new UnreadableEvent("missing " + field);
        }
        return value.asText();
    }

    public static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    public static Instant optionalInstant(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnreadableEvent("bad instant in " + field, e);
        }
    }

    public static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new UnreadableEvent("missing number " + field);
        }
        return value.asInt();
    }
}
