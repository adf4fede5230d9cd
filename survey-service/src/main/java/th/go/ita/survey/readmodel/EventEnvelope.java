package th.go.ita.survey.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.UUID;

/**
 * The envelope every event between the services carries (docs/events.md). Read leniently: unknown
 * fields are ignored, so a producer may add fields without breaking this consumer.
 */
public record EventEnvelope(UUID id, String type, int version, String unitCode, String roundId, JsonNode payload) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws UnreadableEventException when the text is not an envelope this service understands */
    public static EventEnvelope parse(String text, String expectedType) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (Exception e) {
            throw new UnreadableEventException("not JSON");
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
        if (!expectedType.equals(type)) {
            throw new UnreadableEventException("unexpected type " + type);
        }
        JsonNode payload = root.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new UnreadableEventException("no payload");
        }
        return new EventEnvelope(id, type, root.path("version").asInt(1), text(root, "unitCode"),
                text(root, "roundId"), payload);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new UnreadableEventException("missing " + field);
        }
        return value;
    }
}
