package th.go.ita.platform.testing.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what, proven over a service's whole surface: every operation of its own OpenAPI
 * document, called by every role from one unit of a small office tree at four targets (its own unit,
 * a unit of its subtree, its parent and another area), and without a token, with an expired token and
 * with a token for another client. Each answer's status is compared with the service's table in
 * {@code docs/access/<service>.md} ({@link AccessTable}), which a person reviews; the test fails when
 * the document has an operation the table lacks (or the table one the document lacks), and when a row
 * lets no role succeed at its own unit, so a table of 404s cannot pass.
 *
 * <p>Requests are made against real fixtures the service creates through its own API and events:
 * {@link #parameters} names the path parameters of each unit's fixtures, {@link #request} builds the
 * body (or a fresh resource) of an operation that needs more. Tokens are {@link SignedTokens}, checked
 * by the service as a real one is.
 */
public final class AccessMatrix {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    /** Reading first, changing next, deleting last: a delete must not take away what a later row reads. */
    private static final Map<String, Integer> ORDER = Map.of("GET", 0, "POST", 1, "PUT", 1, "PATCH", 1, "DELETE", 2);

    /** Where the caller sits and the four targets: caller at {@code own}, under {@code parent}. */
    public record Tree(String parent, String own, String subtree, String other) {
        public String unit(AccessTable.Scope scope) {
            return switch (scope) {
                case OWN -> own;
                case SUBTREE -> subtree;
                case PARENT -> parent;
                case OTHER -> other;
            };
        }
    }

    /**
     * One request of an operation: the path ({@code null} for the operation's template with the
     * unit's parameters put in), a query string, a JSON body (a map, a record or text) and whatever
     * else the request needs (a multipart part, a header).
     */
    public record Request(String path, String query, Object body, UnaryOperator<RequestSpecification> more) {
        public static Request json(Object body) {
            return new Request(null, null, body, null);
        }

        public static Request path(String path) {
            return new Request(path, null, null, null);
        }

        public static Request query(String query) {
            return new Request(null, query, null, null);
        }

        public static Request with(UnaryOperator<RequestSpecification> more) {
            return new Request(null, null, null, more);
        }

        public Request withPath(String newPath) {
            return new Request(newPath, query, body, more);
        }

        public Request withQuery(String newQuery) {
            return new Request(path, newQuery, body, more);
        }

        public Request withBody(Object newBody) {
            return new Request(path, query, newBody, more);
        }
    }

    private final String service;
    private final Path table;
    private final Tree tree;
    private Function<String, Map<String, String>> parameters = unit -> Map.of();
    private final Map<String, Map<String, String>> parametersByUnit = new HashMap<>();
    private final Map<String, Function<String, Request>> requests = new HashMap<>();

    private AccessMatrix(String service, Path table, Tree tree) {
        this.service = service;
        this.table = table;
        this.tree = tree;
    }

    /** The matrix of {@code service}, with its table at {@code docs/access/<service>.md} of the repository. */
    public static AccessMatrix of(String service, Tree tree) {
        return new AccessMatrix(service, repositoryRoot().resolve("docs/access/" + service + ".md"), tree);
    }

    /**
     * The path parameters of a unit's fixtures, asked once per unit: by name ({@code code}) or, where
     * a name means different things on different paths, with the segment before it
     * ({@code meetings/{id}}, {@code kpis/{id}}), which is looked up first.
     */
    public AccessMatrix parameters(Function<String, Map<String, String>> byUnit) {
        this.parameters = byUnit;
        return this;
    }

    /** How to make {@code operation} ("POST /rounds/{id}/open") aimed at a unit; asked for every request. */
    public AccessMatrix request(String operation, Function<String, Request> byUnit) {
        requests.put(operation, byUnit);
        return this;
    }

    /**
     * The platform's operations every service has: a freshly parked event for each release (already
     * marked published, so releasing it sends nothing), and {@code channel}'s dead letters to replay.
     */
    public AccessMatrix platformOperations(String channel) {
        request("POST /outbox/parked/{id}/release", unit -> Request.path("/outbox/parked/" + parkedEvent() + "/release"));
        request("POST /admin/dead-letters/{channel}/replay", unit -> Request.path("/admin/dead-letters/" + channel + "/replay"));
        return this;
    }

    /** A parked row in the service's own outbox, as the relay leaves one the broker refused. */
    static UUID parkedEvent() {
        var config = ConfigProvider.getConfig();
        UUID id = UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             PreparedStatement insert = db.prepareStatement("INSERT INTO outbox_event (id, topic, event_key, type, payload, "
                     + "published_at, parked_at, park_reason) VALUES (?, 'ita.access-matrix', 'k', 'AccessMatrixProbe', "
                     + "'{}'::jsonb, now(), now(), 'access matrix fixture')")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("a parked event could not be written", e);
        }
        return id;
    }

    /** Calls every operation as every caller and fails with every answer the table does not expect. */
    public void assertMatchesTable() {
        AccessTable expected = AccessTable.read(table);
        Map<String, String> operations = operations();
        List<String> wrong = new ArrayList<>();
        for (String operation : operations.keySet()) {
            if (!expected.rows().containsKey(operation)) {
                wrong.add(operation + ": in the OpenAPI document, missing from " + table.getFileName());
            }
        }
        for (String operation : expected.rows().keySet()) {
            if (!operations.containsKey(operation)) {
                wrong.add(operation + ": in " + table.getFileName() + ", not in the OpenAPI document");
            }
        }
        for (Map.Entry<String, AccessTable.Row> row : expected.rows().entrySet()) {
            if (!row.getValue().someRoleSucceedsAtOwnUnit()) {
                wrong.add(row.getKey() + ": no role succeeds at its own unit in the table");
            }
        }
        boolean record = Boolean.getBoolean("access-matrix.record");
        Map<String, AccessTable.Row> observed = new LinkedHashMap<>();
        int requestsSent = 0;
        for (String operation : operations.keySet()) {
            AccessTable.Row want = expected.rows().get(operation);
            if (want == null && !record) {
                continue;
            }
            Map<String, int[]> byRole = new LinkedHashMap<>();
            for (String role : AccessTable.ROLES) {
                int[] statuses = new int[AccessTable.Scope.values().length];
                for (AccessTable.Scope scope : AccessTable.Scope.values()) {
                    Response response = send(operation, tree.unit(scope), token(role));
                    requestsSent++;
                    statuses[scope.ordinal()] = response.statusCode();
                    if (want != null && want.expected(role, scope) != response.statusCode()) {
                        wrong.add(operation + " as " + role + " at " + scope.label + " unit " + tree.unit(scope)
                                + ": expected " + want.expected(role, scope) + ", got " + describe(response));
                    }
                }
                byRole.put(role, statuses);
            }
            Map<String, Integer> byCase = new LinkedHashMap<>();
            for (String without : AccessTable.WITHOUT_ROLE) {
                String token = switch (without) {
                    case "no-token" -> null;
                    case "expired" -> SignedTokens.expired("system-admin@" + tree.own(), List.of("system-admin"), tree.own());
                    default -> SignedTokens.forAnotherAudience("system-admin@" + tree.own(), List.of("system-admin"), tree.own());
                };
                Response response = send(operation, tree.own(), token);
                requestsSent++;
                byCase.put(without, response.statusCode());
                if (want != null && want.expected(without) != response.statusCode()) {
                    wrong.add(operation + " with " + without + ": expected " + want.expected(without) + ", got "
                            + describe(response));
                }
            }
            observed.put(operation, new AccessTable.Row(byRole, byCase, want == null ? "" : want.note()));
        }
        System.out.printf("[measure] access matrix, %s: %d operations × %d roles × %d scopes + %d token cases = %d requests, %d wrong%n",
                service, operations.size(), AccessTable.ROLES.size(), AccessTable.Scope.values().length,
                AccessTable.WITHOUT_ROLE.size(), requestsSent, wrong.size());
        if (record) {
            expected.write(table, observed);
            System.out.println("[access matrix] recorded what the service answered into " + table + ": review it");
            return;
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " answers differ from " + table + ":\n"
                + String.join("\n", wrong.subList(0, Math.min(60, wrong.size()))));
    }

    /**
     * Runs {@code work} (fixture building through the service's API with the module's own request
     * helpers) as a system-admin of the whole tree, with a signed token on every request it makes.
     */
    public static <T> T asSystemAdmin(String rootUnit, Supplier<T> work) {
        return as("system-admin", rootUnit, work);
    }

    /** Runs {@code work} as a user with {@code role} at {@code unit} (what only the unit's own staff may make). */
    public static <T> T as(String role, String unit, Supplier<T> work) {
        RequestSpecification before = RestAssured.requestSpecification;
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", "Bearer " + SignedTokens.token(role + ".fixtures@" + unit, List.of(role), unit))
                .build();
        try {
            return work.get();
        } finally {
            RestAssured.requestSpecification = before;
        }
    }

    private String token(String role) {
        List<String> roles = "no-role".equals(role) ? List.of() : List.of(role);
        return SignedTokens.token(role + "@" + tree.own(), roles, tree.own());
    }

    private Response send(String operation, String unit, String token) {
        int space = operation.indexOf(' ');
        String method = operation.substring(0, space);
        String template = operation.substring(space + 1);
        Function<String, Request> maker = requests.get(operation);
        Request request = maker == null ? new Request(null, null, null, null) : maker.apply(unit);
        String path = request.path() != null ? request.path() : fill(template, unit);
        if (request.query() != null) {
            path += "?" + request.query();
        }
        RequestSpecification spec = given().redirects().follow(false);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        if (request.body() != null) {
            spec = spec.contentType("application/json").body(request.body());
        }
        if (request.more() != null) {
            spec = request.more().apply(spec);
        }
        return spec.request(method, path);
    }

    private String fill(String template, String unit) {
        Map<String, String> values = parametersByUnit.computeIfAbsent(unit, parameters);
        Matcher m = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            // "{id}" is a different thing after "/meetings/" than after "/kpis/": "meetings/{id}" first.
            String before = template.substring(0, m.start());
            String segment = before.substring(before.lastIndexOf('/', before.length() - 2) + 1);
            String value = values.getOrDefault(segment + m.group(), values.get(m.group(1)));
            if (value == null) {
                throw new AssertionError("no fixture value for {" + m.group(1) + "} of " + template + " at unit " + unit
                        + " (the module's parameters() must name it)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "METHOD /path" of every operation of the service's document, reading ones first. */
    private static Map<String, String> operations() {
        JsonNode api;
        try {
            api = JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> operations = new TreeMap<>(Comparator
                .comparing((String op) -> ORDER.get(op.substring(0, op.indexOf(' '))))
                .thenComparing(op -> op.substring(op.indexOf(' ') + 1))
                .thenComparing(op -> op));
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.put(method.toUpperCase() + " " + path.getKey(), path.getKey());
                }
            }
        }
        return operations;
    }

    private static String describe(Response response) {
        String body = response.asString();
        body = body.length() > 200 ? body.substring(0, 200) + "…" : body;
        return response.statusCode() + " " + body.replace('\n', ' ');
    }

    /** The repository's root, found from a module's working directory (the module or the repository). */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (p.resolve("docs/events").toFile().isDirectory()) {
                return p;
            }
        }
        throw new IllegalStateException("no docs/events above " + dir);
    }
}
