package th.go.ita.scoring.framework;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Checks a framework document: first against {@code frameworks/framework.schema.json}, then the
 * rules a schema cannot express (references between parts, unique codes, weights adding up to 100).
 * Pure Java, usable without Quarkus; every error is reported, not only the first.
 */
public final class FrameworkValidator {

    public record Error(String path, String message) {
    }

    private static final JsonSchema SCHEMA = load();

    private static JsonSchema load() {
        try (InputStream in = FrameworkValidator.class.getClassLoader()
                .getResourceAsStream("frameworks/framework.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FrameworkValidator() {
    }

    public static List<Error> validate(JsonNode document) {
        Set<ValidationMessage> messages = SCHEMA.validate(document);
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
        BigDecimal weights = BigDecimal.ZERO;
        JsonNode list = doc.path("instruments");
        for (int i = 0; i < list.size(); i++) {
            JsonNode instrument = list.get(i);
            String at = "$.instruments[" + i + "]";
            if (!instruments.add(instrument.path("code").asText())) {
                errors.add(new Error(at + ".code", "duplicate instrument " + instrument.path("code").asText()));
            }
            weights = weights.add(instrument.path("weight").decimalValue());
            JsonNode indicators = instrument.path("indicators");
            for (int j = 0; j < indicators.size(); j++) {
                JsonNode indicator = indicators.get(j);
                String ia = at + ".indicators[" + j + "]";
                unique(codes, "indicator", indicator.path("code").asText(), ia + ".code", errors);
                JsonNode questions = indicator.path("questions");
                for (int k = 0; k < questions.size(); k++) {
                    JsonNode q = questions.get(k);
                    String qa = ia + ".questions[" + k + "]";
                    unique(codes, "question", q.path("code").asText(), qa + ".code", errors);
                    if (!scales.contains(q.path("scale").asText())) {
                        errors.add(new Error(qa + ".scale", "unknown answer scale " + q.path("scale").asText()));
                    }
                }
                JsonNode subs = indicator.path("subIndicators");
                for (int k = 0; k < subs.size(); k++) {
                    JsonNode sub = subs.get(k);
                    String sa = ia + ".subIndicators[" + k + "]";
                    unique(codes, "sub-indicator", sub.path("code").asText(), sa + ".code", errors);
                    JsonNode items = sub.path("items");
                    for (int m = 0; m < items.size(); m++) {
                        unique(codes, "item", items.get(m).path("code").asText(), sa + ".items[" + m + "].code", errors);
                    }
                }
            }
        }
        if (weights.compareTo(BigDecimal.valueOf(100)) != 0) {
            errors.add(new Error("$.instruments", "weights add up to " + weights.toPlainString() + ", not 100"));
        }
        return errors;
    }

    private static void unique(Set<String> codes, String what, String code, String at, List<Error> errors) {
        if (!codes.add(code)) {
            errors.add(new Error(at, "duplicate " + what + " code " + code));
        }
    }
}
