package th.go.ita.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests of {@code hostile-input/corpus.json} for every operation of an OpenAPI document, and
 * the rule their answers are held to. Only Jackson and the JDK, so the launcher's end-to-end test
 * can send the same cases through the gateway with its own HTTP client.
 */
public final class HostileCases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final String BOUNDARY = "ita-hostile-boundary";

    /** The problem type of a Gregorian date whose year is a Buddhist-era year typed by mistake. */
    public static final String BUDDHIST_ERA_DATE = "urn:ita:problem:buddhist-era-date";

    /**
     * One request. {@code url} is relative to the service's root; {@code expectType} is the problem
     * type a 400 must carry (null: any); {@code headers} are extra request headers.
     */
    public record Case(String what, String method, String url, String contentType, byte[] body,
                       Map<String, String> headers, String expectType) {
    }

    /** One operation of the document and the cases made for it. */
    public record Operation(String method, String template, boolean secured, List<Case> cases) {
        public String name() {
            return method.toUpperCase() + " " + template;
        }
    }

    private HostileCases() {
    }

    public static JsonNode corpus() {
        try (InputStream in = HostileCases.class.getClassLoader().getResourceAsStream("hostile-input/corpus.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation of {@code api} outside {@code /q/}, each with its cases. */
    public static List<Operation> operations(JsonNode api, JsonNode corpus) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    boolean secured = !operation.path("security").isEmpty() || !api.path("security").isEmpty();
                    operations.add(new Operation(method, path.getKey(), secured,
                            cases(api, corpus, path.getKey(), path.getValue(), method, operation)));
                }
            }
        }
        return operations;
    }

    /** The operation's plain request (harmless parameters, an empty JSON body if it takes one). */
    public static Case plain(Operation operation) {
        return operation.cases().stream().filter(c -> c.what().equals("plain")).findFirst().orElseThrow();
    }

    /**
     * Null when the answer is right: below 500, an error is problem+json with Thai and English
     * detail, and a 400 to a case that expects a type carries that type.
     */
    public static String wrong(Case c, int status, String contentType, String body) {
        String type = String.valueOf(contentType);
        if (status < 400) {
            return null;
        }
        if (status >= 500 || !type.startsWith("application/problem+json")) {
            return status + " " + type + " " + abbreviate(body);
        }
        JsonNode problem = read(body);
        if (problem == null || problem.path("detail_th").asText().isBlank() || problem.path("detail_en").asText().isBlank()) {
            return status + " problem without Thai and English detail: " + abbreviate(body);
        }
        if (c.expectType() != null && status == 400 && !c.expectType().equals(problem.path("type").asText())) {
            return status + " " + problem.path("type").asText() + " where " + c.expectType() + " belongs: " + abbreviate(body);
        }
        return null;
    }

    private static List<Case> cases(JsonNode api, JsonNode corpus, String template, JsonNode pathItem, String method,
                                    JsonNode operation) {
        List<String> pathParams = new ArrayList<>();
        Matcher m = PARAMETER.matcher(template);
        while (m.find()) {
            pathParams.add(m.group(1));
        }
        List<String> queryParams = new ArrayList<>();
        for (JsonNode p : parameters(pathItem, operation)) {
            if ("query".equals(p.path("in").asText())) {
                queryParams.add(p.path("name").asText());
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        boolean json = content.has("application/json");
        boolean multipart = content.has("multipart/form-data");
        String plainType = json ? "application/json" : null;
        byte[] plainBody = json ? bytes("{}") : null;
        String plain = fill(template, null, null);

        List<Case> cases = new ArrayList<>();
        cases.add(new Case("plain", method, plain, plainType, plainBody, Map.of(), null));
        for (String param : pathParams) {
            for (JsonNode value : corpus.path("pathValues")) {
                String url = fill(template, param, expand(value.asText()));
                cases.add(new Case("path " + param + "=" + shortly(value.asText()), method, url, plainType, plainBody,
                        Map.of(), null));
            }
        }
        for (String param : queryParams) {
            for (JsonNode value : corpus.path("queryValues")) {
                cases.add(new Case("query " + param + "=" + shortly(value.asText()), method,
                        plain + "?" + param + "=" + expand(value.asText()), plainType, plainBody, Map.of(), null));
            }
        }
        // Over the HTTP layer's own limits, answered before any route: a URL and a header too long.
        for (JsonNode limit : corpus.path("overLimits")) {
            String url = plain + limit.path("query").asText("");
            Map<String, String> headers = limit.has("header")
                    ? Map.of(limit.path("header").asText(), expand(limit.path("value").asText())) : Map.of();
            cases.add(new Case(limit.path("what").asText(), method, expand(url), plainType, plainBody, headers, null));
        }
        if (json) {
            for (JsonNode body : corpus.path("bodies")) {
                cases.add(new Case("body " + shortly(body.asText()), method, plain, "application/json",
                        bytes(body.asText()), Map.of(), null));
            }
            cases.add(new Case("body as text/plain", method, plain, "text/plain", bytes("{}"), Map.of(), null));
            JsonNode schema = resolve(api, content.path("application/json").path("schema"));
            for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                for (JsonNode value : corpus.path("fieldValues")) {
                    cases.add(new Case("field " + field.getKey() + "=" + shortly(value.asText()), method, plain,
                            "application/json", bytes("{\"" + field.getKey() + "\": " + expand(value.asText()) + "}"),
                            Map.of(), null));
                }
                String format = resolve(api, field.getValue()).path("format").asText();
                if (format.equals("date") || format.equals("date-time")) {
                    for (JsonNode value : corpus.path("buddhistEraDates").path(format)) {
                        cases.add(new Case("field " + field.getKey() + "=" + value.asText() + " (Buddhist-era year)",
                                method, plain, "application/json",
                                bytes("{\"" + field.getKey() + "\": \"" + value.asText() + "\"}"), Map.of(), BUDDHIST_ERA_DATE));
                    }
                }
            }
        } else if (multipart) {
            for (JsonNode part : corpus.path("multipart")) {
                cases.add(new Case("multipart " + part.path("what").asText(), method, plain,
                        "multipart/form-data; boundary=" + BOUNDARY, multipart(part), Map.of(), null));
            }
            cases.add(new Case("multipart as application/json", method, plain, "application/json",
                    bytes("{\"file\": \"\\u0000\"}"), Map.of(), null));
        } else if (!content.isMissingNode() && !content.isEmpty()) {
            cases.add(new Case("body as application/json", method, plain, "application/json",
                    bytes("{\"a\": \"\\u0000\"}"), Map.of(), null));
        }
        return cases;
    }

    /** A multipart body of the corpus' parts: each with a name, optional filename and content type. */
    private static byte[] multipart(JsonNode spec) {
        StringBuilder body = new StringBuilder();
        for (JsonNode part : spec.path("parts")) {
            body.append("--").append(BOUNDARY).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(part.path("name").asText()).append('"');
            if (part.has("filename")) {
                body.append("; filename=\"").append(part.path("filename").asText()).append('"');
            }
            body.append("\r\n");
            if (part.has("contentType")) {
                body.append("Content-Type: ").append(part.path("contentType").asText()).append("\r\n");
            }
            body.append("\r\n").append(expand(part.path("content").asText(""))).append("\r\n");
        }
        if (!spec.path("unterminated").asBoolean()) {
            body.append("--").append(BOUNDARY).append("--\r\n");
        }
        return bytes(body.toString());
    }

    private static List<JsonNode> parameters(JsonNode pathItem, JsonNode operation) {
        List<JsonNode> all = new ArrayList<>();
        pathItem.path("parameters").forEach(all::add);
        operation.path("parameters").forEach(all::add);
        return all;
    }

    /** A schema through one {@code $ref}, if it has one. */
    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        if (schema.has("$ref")) {
            return api.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }

    /** The template with {@code param} set to {@code value} and every other parameter to a harmless one. */
    private static String fill(String template, String param, String value) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(url, Matcher.quoteReplacement(m.group(1).equals(param) ? value : "X1"));
        }
        m.appendTail(url);
        return url.toString();
    }

    private static String expand(String value) {
        Matcher m = Pattern.compile("REPEAT_X_(\\d+)").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "x".repeat(Integer.parseInt(m.group(1))));
        }
        m.appendTail(out);
        return out.toString().replace("NUL_BYTE", "\u0000");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String shortly(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
