package th.go.ita.activity.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * The common envelope of every event. Reading is lenient about what it does not need (unknown
 * fields are ignored) and strict about what it does: an event without an id, a type or a payload
 * cannot be applied idempotently, so it is refused and goes to the dead-letter topic.
 */
public record Envelope(UUID id, String type, Instant occurredAt, String unitCode, JsonNode payload) {

    public static Envelope parse(ObjectMapper mapper, String json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw new UnreadableEventException("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableEventException("not a JSON object");
        }
        try {
            UUID id = UUID.fromString(required(root, "id").asText());
            String type = required(root, "type").asText();
            JsonNode occurred = root.get("occurredAt");
            Instant occurredAt = occurred == null || occurred.isNull() ? Instant.now() : Instant.parse(occurred.asText());
            JsonNode unit = root.get("unitCode");
            JsonNode payload = required(root, "payload");
            if (!payload.isObject()) {
                throw new UnreadableEventException("payload is not an object");
            }
            return new Envelope(id, type, occurredAt, unit == null || unit.isNull() ? null : unit.asText(), payload);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new UnreadableEventException(e.getMessage());
        }
    }

    static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            throw new UnreadableEventException("missing " + field);
        }
        return value;
    }

    public String text(String field) {
        return required(payload, field).asText();
    }

    public String optionalText(String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
