package th.go.ita.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import th.go.ita.platform.testing.HostileCases;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform's hostile-input corpus (platform/testing, {@link HostileCases}) sent through the
 * gateway to the running services, with a real Keycloak token of the system-admin and without a
 * token, so the gateway's own answers are held to the same rule: no 5xx, every 4xx on an /api path
 * problem+json in Thai and English. The services' own builds run every case; here a sample of each
 * operation keeps the end-to-end run short: the plain request (also without a token), the cases
 * past the HTTP limits, a body over the service's limit, and a few more spread over the rest.
 */
final class GatewayHostileInput {

    /** Cases per operation besides the plain one, the over-limit ones and an oversized body. */
    static final int SPREAD = 3;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final LauncherConfig config;
    private final Function<String, String> token;

    GatewayHostileInput(LauncherConfig config, Function<String, String> token) {
        this.config = config;
        this.token = token;
    }

    void run() throws Exception {
        String admin = token.apply("admin");
        JsonNode corpus = HostileCases.corpus();
        List<String> failures = new ArrayList<>();
        int operations = 0;
        int sent = 0;
        int serverErrors = 0;
        long started = System.nanoTime();
        for (LauncherConfig.ServiceSpec service : config.services()) {
            String prefix = service.gatewayPrefix();
            HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(URI.create(config.gatewayUrl() + prefix
                    + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, document.statusCode(), service.name() + "'s OpenAPI document through the gateway");
            for (HostileCases.Operation operation : HostileCases.operations(JSON.readTree(document.body()), corpus)) {
                operations++;
                List<HostileCases.Case> sample = sample(operation, service.maxBodyBytes());
                sample.add(0, withoutToken(HostileCases.plain(operation)));
                for (HostileCases.Case c : sample) {
                    sent++;
                    HttpResponse<String> answer = send(prefix, c, c.what().endsWith("(no token)") ? null : admin);
                    serverErrors += answer.statusCode() >= 500 ? 1 : 0;
                    String wrong = HostileCases.wrong(c, answer.statusCode(),
                            answer.headers().firstValue("Content-Type").orElse(null), answer.body());
                    if (wrong != null) {
                        failures.add(service.name() + " " + operation.name() + " [" + c.what() + "] → " + wrong);
                    }
                }
            }
        }
        System.out.printf("[measure] hostile input through the gateway: %d operations, %d requests, %d answered 5xx,"
                + " %d wrongly, %.1f s%n", operations, sent, serverErrors, failures.size(), (System.nanoTime() - started) / 1e9);
        assertTrue(failures.isEmpty(), failures.size() + " answers were wrong, e.g.:\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    /** Deterministic: the same cases every run, so a failure can be sent again by hand. */
    static List<HostileCases.Case> sample(HostileCases.Operation operation, long maxBodyBytes) {
        List<HostileCases.Case> all = operation.cases();
        List<HostileCases.Case> chosen = new ArrayList<>();
        List<HostileCases.Case> rest = new ArrayList<>();
        boolean oversized = false;
        for (HostileCases.Case c : all) {
            boolean overBody = c.body() != null && c.body().length > maxBodyBytes;
            if (c.what().equals("plain") || !c.headers().isEmpty() || c.url().length() > 4096 || (overBody && !oversized)) {
                chosen.add(c);
                oversized |= overBody;
            } else {
                rest.add(c);
            }
        }
        for (int i = 0; i < SPREAD && !rest.isEmpty(); i++) {
            chosen.add(rest.get((int) ((long) i * rest.size() / SPREAD)));
        }
        return chosen;
    }

    private static HostileCases.Case withoutToken(HostileCases.Case plain) {
        return new HostileCases.Case("plain (no token)", plain.method(), plain.url(), plain.contentType(), plain.body(),
                plain.headers(), plain.expectType());
    }

    private HttpResponse<String> send(String prefix, HostileCases.Case c, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.gatewayUrl() + prefix + c.url()))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(c.method().toUpperCase(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        for (Map.Entry<String, String> header : c.headers().entrySet()) {
            request.header(header.getKey(), header.getValue());
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
