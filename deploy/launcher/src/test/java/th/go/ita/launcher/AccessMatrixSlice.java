package th.go.ita.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import th.go.ita.platform.testing.access.AccessTable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A slice of the access matrix (docs/access/*.md) with real Keycloak tokens through the gateway: the
 * demo users of each role at KALASIN2 call every reading operation of a service whose only path
 * parameter is the unit and that takes no query parameter, at KALASIN2 (own), KALASIN2-S001
 * (subtree), OBEC (parent) and KALASIN1 (another area), and the same operations are tried without a
 * token and with a token the realm issued to another client. The module tests run the whole matrix
 * with signed tokens; this shows Keycloak's tokens are read the same way (roles, unit_code, aud).
 * No expired token (Keycloak's lifespan is minutes) and no role-less user (the demo realm has none).
 */
final class AccessMatrixSlice {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    // The parameter must name a unit: activity's /templates/{code} is a template's code.
    private static final Pattern UNIT_ONLY = Pattern.compile("/[^{}]*(units|official-results|areas)/\\{(code|unitCode)}[^{}]*");
    private static final Map<String, String> DEMO_USERS = new LinkedHashMap<>();
    private static final Map<AccessTable.Scope, String> TARGETS = Map.of(
            AccessTable.Scope.OWN, "KALASIN2", AccessTable.Scope.SUBTREE, "KALASIN2-S001",
            AccessTable.Scope.PARENT, "OBEC", AccessTable.Scope.OTHER, "KALASIN1");

    static {
        DEMO_USERS.put("system-admin", "admin");
        DEMO_USERS.put("area-admin", "area.kalasin2");
        DEMO_USERS.put("unit-admin", "unit.kalasin2");
        DEMO_USERS.put("evidence-editor", "evidence.kalasin2");
        DEMO_USERS.put("activity-editor", "activity.kalasin2");
        DEMO_USERS.put("auditor", "auditor");
    }

    private final LauncherConfig config;
    private final Function<String, String> tokens;
    private final String otherAudience;

    AccessMatrixSlice(LauncherConfig config, Function<String, String> tokens, String otherAudience) {
        this.config = config;
        this.tokens = tokens;
        this.otherAudience = otherAudience;
    }

    void run() throws Exception {
        Path docs = config.projectRoot().resolve("docs/access");
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        int operations = 0;
        for (Path file : Files.list(docs).filter(f -> f.getFileName().toString().endsWith("-service.md")).sorted().toList()) {
            String service = file.getFileName().toString().replace("-service.md", "");
            AccessTable table = AccessTable.read(file);
            JsonNode api = JSON.readTree(send("/api/" + service + "/q/openapi?format=json", null).body());
            for (Map.Entry<String, AccessTable.Row> row : table.rows().entrySet()) {
                String operation = row.getKey();
                String path = operation.substring(4);
                if (!operation.startsWith("GET ") || !UNIT_ONLY.matcher(path).matches() || takesQuery(api, path)) {
                    continue;
                }
                operations++;
                for (Map.Entry<String, String> user : DEMO_USERS.entrySet()) {
                    // Evidence's auditors see what they are assigned to; the demo's assignments are not the matrix's.
                    if (service.equals("evidence") && user.getKey().equals("auditor")) {
                        continue;
                    }
                    String token = tokens.apply(user.getValue());
                    for (AccessTable.Scope scope : AccessTable.Scope.values()) {
                        int status = send(gatewayPath(service, path, TARGETS.get(scope)), token).statusCode();
                        requests++;
                        int expected = row.getValue().expected(user.getKey(), scope);
                        if (status != expected) {
                            wrong.add(service + " " + operation + " as " + user.getValue() + " at " + TARGETS.get(scope)
                                    + ": expected " + expected + ", got " + status);
                        }
                    }
                }
                for (String tokenCase : List.of("no-token", "other-audience")) {
                    int status = send(gatewayPath(service, path, "KALASIN2"), tokenCase.equals("no-token") ? null : otherAudience)
                            .statusCode();
                    requests++;
                    if (status != row.getValue().expected(tokenCase)) {
                        wrong.add(service + " " + operation + " with " + tokenCase + ": expected "
                                + row.getValue().expected(tokenCase) + ", got " + status);
                    }
                }
            }
        }
        System.out.printf("[measure] access matrix slice with Keycloak tokens: %d operations, %d requests, %d wrong%n",
                operations, requests, wrong.size());
        assertTrue(operations > 0, "no operation of docs/access fits the slice");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static boolean takesQuery(JsonNode api, String path) {
        for (Iterator<JsonNode> parameters = api.path("paths").path(path).path("get").path("parameters").elements();
             parameters.hasNext(); ) {
            if ("query".equals(parameters.next().path("in").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String gatewayPath(String service, String path, String unit) {
        return "/api/" + service + path.replace("{code}", unit).replace("{unitCode}", unit);
    }

    private HttpResponse<String> send(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.gatewayUrl() + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
