package th.go.ita.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the service's own OpenAPI document, tried with the broken and hostile input
 * of {@code hostile-input/corpus.json} ({@link HostileCases}): each path parameter, each query
 * parameter, each field of a JSON body, the whole body, multipart parts, a URL and a header over
 * the HTTP layer's limits. A new operation is covered without writing a case. What a person would
 * notice: a 5xx, an error that is not problem+json in Thai and English, or a refused request that
 * stored something anyway ({@link TableSnapshot} around every case: only accepted requests may
 * change a table).
 */
public final class HostileInputCorpus {

    /** What one run tried and what went wrong. */
    public record Report(int operations, int cases, int serverErrors, int acceptedWrites, List<String> failures,
                         double snapshotSeconds) {
    }

    private HostileInputCorpus() {
    }

    /**
     * Runs the corpus as the test's caller (a system-admin, so input gets past access to the code
     * that reads it) and fails with every request that was answered wrongly.
     */
    public static Report assertNoServerErrorsAndOnlyProblems(String service) {
        long started = System.nanoTime();
        Report report = run(TableSnapshot.ofThisService());
        System.out.printf("[measure] hostile input, %s: %d operations, %d cases, %d answered 5xx, %d wrongly,"
                        + " %d accepted writes, %.1f s (%.1f s of it reading the tables)%n", service, report.operations(), report.cases(),
                report.serverErrors(), report.failures().size(), report.acceptedWrites(), (System.nanoTime() - started) / 1e9,
                report.snapshotSeconds());
        assertTrue(report.failures().isEmpty(), report.failures().size() + " answers were wrong, e.g.:\n"
                + String.join("\n", report.failures().subList(0, Math.min(40, report.failures().size()))));
        return report;
    }

    /**
     * The plain request of every operation without a token: an operation the document marks as
     * secured is refused (401, or a refusal made before the caller is looked at) as problem+json; a
     * public one answers anything but a 5xx.
     */
    public static Report assertWithoutATokenEveryOperationIsRefusedOrPublic(String service) {
        JsonNode api = openApi();
        List<String> failures = new ArrayList<>();
        int serverErrors = 0;
        List<HostileCases.Operation> operations = HostileCases.operations(api, HostileCases.corpus());
        for (HostileCases.Operation operation : operations) {
            HostileCases.Case c = HostileCases.plain(operation);
            Response response = send(c);
            serverErrors += response.statusCode() >= 500 ? 1 : 0;
            String wrong = HostileCases.wrong(c, response.statusCode(), response.contentType(), response.asString());
            // Refusals decided before who asks is known are as good: 404 (a placeholder parameter the
            // route's pattern does not match), 406 (JSON asked of a CSV download), 415 (no body where a
            // form belongs). What must never happen is an answer, or a 403 that looked at a caller.
            if (wrong == null && operation.secured() && !Set.of(401, 404, 406, 415).contains(response.statusCode())) {
                wrong = response.statusCode() + " to a secured operation without a token";
            }
            if (wrong != null) {
                failures.add(operation.name() + " without a token → " + wrong);
            }
        }
        System.out.printf("[measure] without a token, %s: %d operations, %d secured, %d answered 5xx, %d wrongly%n",
                service, operations.size(), operations.stream().filter(HostileCases.Operation::secured).count(),
                serverErrors, failures.size());
        assertTrue(operations.stream().anyMatch(HostileCases.Operation::secured), "the document marks secured operations");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        return new Report(operations.size(), operations.size(), serverErrors, 0, failures, 0);
    }

    /**
     * The corpus' Buddhist-era dates on every date field of a JSON body: each that reaches the body
     * (a 400) names the field and the Gregorian date in Thai and English. A service without a date
     * field in any body has nothing to check.
     */
    public static void assertBuddhistEraDatesAreNamed(String service) {
        List<String> named = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (HostileCases.Operation operation : HostileCases.operations(openApi(), HostileCases.corpus())) {
            for (HostileCases.Case c : operation.cases()) {
                if (c.expectType() == null) {
                    continue;
                }
                tried++;
                Response response = send(c);
                if (response.statusCode() != 400) {
                    continue;
                }
                JsonNode problem = HostileCases.read(response.asString());
                String th = problem == null ? "" : problem.path("detail_th").asText();
                String en = problem == null ? "" : problem.path("detail_en").asText();
                boolean right = problem != null && HostileCases.BUDDHIST_ERA_DATE.equals(problem.path("type").asText())
                        && th.contains("พุทธศักราช") && th.contains("2026-10-01") && en.contains("2026-10-01")
                        && problem.path("errors").path(0).path("message_th").asText().contains("2026");
                (right ? named : failures).add(operation.name() + " [" + c.what() + "] → " + response.asString());
            }
        }
        System.out.printf("[measure] Buddhist-era dates, %s: %d cases, %d named, %d wrong%n", service, tried,
                named.size(), failures.size());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(tried == 0 || !named.isEmpty(), "no date field was reached: " + tried + " cases tried");
    }

    public static Report run(TableSnapshot tables) {
        JsonNode api = openApi();
        int cases = 0;
        int serverErrors = 0;
        int acceptedWrites = 0;
        List<String> failures = new ArrayList<>();
        Map<String, String> before = tables == null ? null : tables.take();
        List<HostileCases.Operation> operations = HostileCases.operations(api, HostileCases.corpus());
        for (HostileCases.Operation operation : operations) {
            for (HostileCases.Case c : operation.cases()) {
                cases++;
                Response response = send(c);
                int status = response.statusCode();
                serverErrors += status >= 500 ? 1 : 0;
                String wrong = HostileCases.wrong(c, status, response.contentType(), response.asString());
                if (wrong != null) {
                    failures.add(operation.name() + " [" + c.what() + "] → " + wrong);
                }
                if (tables == null) {
                    continue;
                }
                Map<String, String> after = tables.take();
                Set<String> changed = TableSnapshot.changed(before, after);
                if (!changed.isEmpty() && status < 400) {
                    acceptedWrites++;
                } else if (!changed.isEmpty() && status < 500) {
                    if (quiet(tables, after)) {
                        // Nothing moves without a request now, so this request moved it.
                        failures.add(operation.name() + " [" + c.what() + "] → " + status
                                + " refused, yet changed " + changed);
                    }
                    after = tables.take();
                }
                before = after;
            }
        }
        return new Report(operations.size(), cases, serverErrors, acceptedWrites, failures, tables == null ? 0 : tables.seconds());
    }

    /** True when the tables stay as they are for a moment with no request in flight. */
    private static boolean quiet(TableSnapshot tables, Map<String, String> now) {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return tables.take().equals(now);
    }

    private static JsonNode openApi() {
        return HostileCases.read(given().accept("application/json").get("/q/openapi?format=json").asString());
    }

    private static Response send(HostileCases.Case c) {
        RequestSpecification request = given().urlEncodingEnabled(false).accept("application/json");
        if (c.body() != null) {
            request = request.contentType(c.contentType()).body(c.body());
        }
        for (Map.Entry<String, String> header : c.headers().entrySet()) {
            request = request.header(header.getKey(), header.getValue());
        }
        return request.request(c.method().toUpperCase(), c.url());
    }
}
