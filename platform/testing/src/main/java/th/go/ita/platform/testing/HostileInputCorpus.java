package th.go.ita.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the service's own OpenAPI document, tried with the broken and hostile input
 * of {@code hostile-input/corpus.json}: each path parameter, each query parameter, each field of
 * a JSON body and the whole body in turn. A new operation is covered without writing a case. What
 * a person would notice is a 5xx, or an error that is not problem+json in Thai and English.
 * Run it with a caller who may reach every operation (a system-admin), so input gets past access.
 */
public final class HostileInputCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** What one run tried and what went wrong. */
    public record Report(int operations, int cases, int serverErrors, List<String> failures) {
    }

    private HostileInputCorpus() {
    }

    /** Runs the corpus and fails with every request that was answered wrongly. */
    public static Report assertNoServerErrorsAndOnlyProblems(String service) {
        Report report = run();
        System.out.printf("[measure] hostile input, %s: %d operations, %d cases, %d answered 5xx, %d wrongly%n",
                service, report.operations(), report.cases(), report.serverErrors(), report.failures().size());
        assertTrue(report.failures().isEmpty(), report.failures().size() + " answers were wrong, e.g.:\n"
                + String.join("\n", report.failures().subList(0, Math.min(40, report.failures().size()))));
        return report;
    }

    public static Report run() {
        JsonNode corpus = resource("hostile-input/corpus.json");
        JsonNode api = read(given().accept("application/json").get("/q/openapi?format=json").asString());
        int operations = 0;
        int cases = 0;
        int serverErrors = 0;
        List<String> failures = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                operations++;
                for (Case c : cases(api, corpus, path.getKey(), path.getValue(), method, operation)) {
                    cases++;
                    Response response = c.send();
                    String wrong = wrong(response);
                    if (response.statusCode() >= 500) {
                        serverErrors++;
                    }
                    if (wrong != null) {
                        failures.add(method.toUpperCase() + " " + path.getKey() + " [" + c.what + "] → " + wrong);
                    }
                }
            }
        }
        return new Report(operations, cases, serverErrors, failures);
    }

    /** Null when the answer is right: below 500, and an error is problem+json with Thai and English. */
    private static String wrong(Response response) {
        int status = response.statusCode();
        String type = String.valueOf(response.contentType());
        if (status < 400) {
            return null;
        }
        if (status >= 500 || !type.startsWith("application/problem+json")) {
            return status + " " + type + " " + abbreviate(response.asString());
        }
        JsonNode body = read(response.asString());
        if (body == null || body.path("detail_th").asText().isBlank() || body.path("detail_en").asText().isBlank()) {
            return status + " problem without Thai and English detail: " + abbreviate(response.asString());
        }
        return null;
    }

    private record Case(String what, String method, String url, String contentType, String body) {
        Response send() {
            RequestSpecification request = given().urlEncodingEnabled(false).accept("application/json");
            if (body != null) {
                request = request.contentType(contentType).body(body);
            }
            return request.request(method.toUpperCase(), url);
        }
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
        String plainBody = json ? "{}" : null;
        String plainType = json ? "application/json" : null;

        List<Case> cases = new ArrayList<>();
        for (String param : pathParams) {
            for (JsonNode value : corpus.path("pathValues")) {
                String url = fill(template, param, expand(value.asText()));
                cases.add(new Case("path " + param + "=" + shortly(value.asText()), method, url, plainType, plainBody));
            }
        }
        String plain = fill(template, null, null);
        for (String param : queryParams) {
            for (JsonNode value : corpus.path("queryValues")) {
                cases.add(new Case("query " + param + "=" + shortly(value.asText()), method,
                        plain + "?" + param + "=" + expand(value.asText()), plainType, plainBody));
            }
        }
        if (json) {
            for (JsonNode body : corpus.path("bodies")) {
                cases.add(new Case("body " + shortly(body.asText()), method, plain, "application/json", body.asText()));
            }
            cases.add(new Case("body as text/plain", method, plain, "text/plain", "{}"));
            for (String field : fields(api, content.path("application/json").path("schema"))) {
                for (JsonNode value : corpus.path("fieldValues")) {
                    cases.add(new Case("field " + field + "=" + shortly(value.asText()), method, plain, "application/json",
                            "{\"" + field + "\": " + expand(value.asText()) + "}"));
                }
            }
        } else if (!content.isMissingNode() && !content.isEmpty()) {
            cases.add(new Case("body as application/json", method, plain, "application/json", "{\"a\": \"\\u0000\"}"));
        }
        return cases;
    }

    private static List<JsonNode> parameters(JsonNode pathItem, JsonNode operation) {
        List<JsonNode> all = new ArrayList<>();
        pathItem.path("parameters").forEach(all::add);
        operation.path("parameters").forEach(all::add);
        return all;
    }

    /** The body's top-level properties, through one {@code $ref} if it has one. */
    private static List<String> fields(JsonNode api, JsonNode schema) {
        JsonNode resolved = schema;
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            resolved = api.at(ref.substring(1));
        }
        List<String> fields = new ArrayList<>();
        resolved.path("properties").fieldNames().forEachRemaining(fields::add);
        return fields;
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
        return value.replace("REPEAT_X_3000", "x".repeat(3000)).replace("REPEAT_X_100000", "x".repeat(100_000));
    }

    private static String shortly(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode resource(String name) {
        try (InputStream in = HostileInputCorpus.class.getClassLoader().getResourceAsStream(name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
