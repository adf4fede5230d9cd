package th.go.ita.scoring.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Checks a framework document: first against {@code frameworks/framework.schema.json}, then the
 * rules a schema cannot express (references between parts, unique codes, weights adding up to 100).
 * Pure Java, usable without Quarkus; every error is reported, not only the first.
 */
public final class FrameworkValidator {

    public record Error(String path, String message) {
    }

    /**
     * {@code CURRENT}: every new document, shipped or imported, must say what it rests on ({@code sources})
     * and which parts were verified ({@code verification}). {@code RECORDED_BEFORE_PROVENANCE}: only for the
     * versions shipped before that rule (OBEC-2566 v1, NACC-2567 v1), which are immutable and so cannot gain
     * the fields; the API shows every part of such a document as unverified.
     */
    public enum Mode { CURRENT, RECORDED_BEFORE_PROVENANCE }

    /** Root fields a document shipped before provenance was required may lack. */
    static final List<String> PROVENANCE_FIELDS = List.of("sources", "verification");

    /** Fields of {@code rounding} such a document may lack (it keeps the engine's arithmetic of its time). */
    static final List<String> ROUNDING_FIELDS = List.of("arithmetic");

    private static final JsonNode SCHEMA_DOCUMENT = read();
    private static final JsonSchema SCHEMA = schema(SCHEMA_DOCUMENT);
    private static final JsonSchema SCHEMA_BEFORE_PROVENANCE = schema(withoutProvenance(SCHEMA_DOCUMENT));

    private static JsonNode read() {
        try (InputStream in = FrameworkValidator.class.getClassLoader()
                .getResourceAsStream("frameworks/framework.schema.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema(JsonNode document) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document);
    }

    /** The same schema with the provenance fields optional: one schema file, no second copy to drift. */
    private static JsonNode withoutProvenance(JsonNode schema) {
        ObjectNode copy = schema.deepCopy();
        without(copy, schema, PROVENANCE_FIELDS);
        without((ObjectNode) copy.path("properties").path("rounding"), schema.path("properties").path("rounding"),
                ROUNDING_FIELDS);
        return copy;
    }

    private static void without(ObjectNode copy, JsonNode original, List<String> fields) {
        ArrayNode required = copy.putArray("required");
        original.path("required").forEach(r -> {
            if (!fields.contains(r.asText())) {
                required.add(r);
            }
        });
    }

    private FrameworkValidator() {
    }

    public static List<Error> validate(JsonNode document) {
        return validate(document, Mode.CURRENT);
    }

    public static List<Error> validate(JsonNode document, Mode mode) {
        Set<ValidationMessage> messages = (mode == Mode.CURRENT ? SCHEMA : SCHEMA_BEFORE_PROVENANCE).validate(document);
        List<Error> errors = new ArrayList<>(messages.stream()
                .map(m -> new Error(m.getInstanceLocation().toString(), m.getMessage()))
                .sorted(Comparator.comparing(Error::path).thenComparing(Error::message))
                .toList());
        if (errors.isEmpty()) {
            errors.addAll(semanticErrors(document));
        }
        return errors;
    }

    private static List<Error> semanticErrors(JsonNode doc) {
        List<Error> errors = new ArrayList<>();
        Set<String> scales = new HashSet<>();
        doc.path("answerScales").fieldNames().forEachRemaining(scales::add);
        Set<String> codes = new HashSet<>();
        Set<String> instruments = new HashSet<>();
        each(doc.path("instruments"), "$.instruments", (instrument, at) -> {
            if (!instruments.add(instrument.path("code").asText())) {
                errors.add(new Error(at + ".code", "duplicate instrument " + instrument.path("code").asText()));
            }
            each(instrument.path("indicators"), at + ".indicators", (indicator, ia) -> {
                unique(codes, "indicator", indicator, ia, errors);
                each(indicator.path("questions"), ia + ".questions", (q, qa) -> {
                    unique(codes, "question", q, qa, errors);
                    if (!scales.contains(q.path("scale").asText())) {
                        errors.add(new Error(qa + ".scale", "unknown answer scale " + q.path("scale").asText()));
                    }
                });
                each(indicator.path("subIndicators"), ia + ".subIndicators", (sub, sa) -> {
                    unique(codes, "sub-indicator", sub, sa, errors);
                    each(sub.path("items"), sa + ".items", (item, ma) -> unique(codes, "item", item, ma, errors));
                });
            });
        });
        Set<String> sources = new HashSet<>();
        each(doc.path("sources"), "$.sources", (source, at) -> {
            if (!sources.add(source.path("id").asText())) {
                errors.add(new Error(at + ".id", "duplicate source " + source.path("id").asText()));
            }
        });
        doc.path("verification").fields().forEachRemaining(part -> {
            String at = "$.verification." + part.getKey();
            JsonNode cited = part.getValue().path("sources");
            each(cited, at + ".sources", (id, ia) -> {
                if (!sources.contains(id.asText())) {
                    errors.add(new Error(ia, "unknown source " + id.asText()));
                }
            });
            if (part.getValue().path("verified").asBoolean() && cited.isEmpty()) {
                errors.add(new Error(at + ".sources", "a verified part must name the sources it was checked against"));
            }
        });
        BigDecimal weights = BigDecimal.ZERO;
        for (JsonNode instrument : doc.path("instruments")) {
            weights = weights.add(instrument.path("weight").decimalValue());
        }
        if (weights.compareTo(BigDecimal.valueOf(100)) != 0) {
            errors.add(new Error("$.instruments", "weights add up to " + weights.toPlainString() + ", not 100"));
        }
        return errors;
    }

    /** Each element of a JSON array with its path, e.g. {@code $.instruments[2]}. */
    private static void each(JsonNode array, String at, BiConsumer<JsonNode, String> action) {
        for (int i = 0; i < array.size(); i++) {
            action.accept(array.get(i), at + "[" + i + "]");
        }
    }

    /** Codes are unique across the whole document, whatever part of it they name. */
    private static void unique(Set<String> codes, String what, JsonNode node, String at, List<Error> errors) {
        String code = node.path("code").asText();
        if (!codes.add(code)) {
            errors.add(new Error(at + ".code", "duplicate " + what + " code " + code));
        }
    }
}
