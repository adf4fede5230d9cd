package th.go.ita.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The running stack as its users reach it: demo logins from Keycloak, rounds, codes, questionnaires. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The area office of the demo data and the round scope of every round the harness opens. */
    static final String UNIT = "KALASIN2";

    final Target target;
    final HttpClient http;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    Api(Target target) {
        this.target = target;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A demo user's token through the realm's test client (demo secret: a local stack only). */
    synchronized String token(String username) throws Exception {
        String cached = tokens.get(username);
        if (cached != null) {
            return cached;
        }
        String form = "grant_type=password&client_id=ita-test&client_secret=demo-secret-test-change-me"
                + "&scope=openid&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=demo";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(target.keycloak() + "/realms/ita/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        require(response, 200, "a token for " + username);
        String token = JSON.readTree(response.body()).path("access_token").asText();
        tokens.put(username, token);
        return token;
    }

    /** Tokens live five minutes: a long run asks again. */
    synchronized void forgetTokens() {
        tokens.clear();
    }

    /** A new round over {@value #UNIT} with the demo framework, open now; returns once survey-service has it OPEN. */
    String openRound(String name) throws Exception {
        String admin = token("admin");
        Instant now = Instant.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "bench: " + name + " " + UUID.randomUUID().toString().substring(0, 8));
        body.put("fiscalYear", 2567);
        body.put("frameworkId", "NACC-2567");
        body.put("frameworkVersion", 1);
        body.put("scopeUnitCode", UNIT);
        body.put("surveyOpensAt", now.minus(1, ChronoUnit.DAYS).toString());
        body.put("surveyClosesAt", now.plus(30, ChronoUnit.DAYS).toString());
        body.put("oitDeadline", now.plus(10, ChronoUnit.DAYS).toString());
        body.put("reviewOpensAt", now.plus(11, ChronoUnit.DAYS).toString());
        body.put("reviewClosesAt", now.plus(20, ChronoUnit.DAYS).toString());
        body.put("correctionClosesAt", now.plus(25, ChronoUnit.DAYS).toString());
        String round = call("POST", target.scoring() + "/rounds", admin, body, 201).path("id").asText();
        call("POST", target.scoring() + "/rounds/" + round + "/state", admin, Map.of("state", "OPEN"), 200);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            for (JsonNode r : call("GET", target.survey() + "/rounds", admin, null, 200)) {
                if (round.equals(r.path("id").asText()) && "OPEN".equals(r.path("state").asText())) {
                    return round;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("survey-service did not learn of the open round within 60 s");
            }
            Thread.sleep(200);
        }
    }

    /** {@code count} one-time IIT codes of {@code unit}, in batches of at most 2,000 (the service's cap). */
    List<String> codes(String round, String unit, int count) throws Exception {
        List<String> codes = new ArrayList<>(count);
        while (codes.size() < count) {
            int batch = Math.min(2000, count - codes.size());
            for (JsonNode code : call("POST", target.survey() + "/rounds/" + round + "/units/" + unit + "/access-codes",
                    token("admin"), Map.of("count", batch), 201).path("codes")) {
                codes.add(code.asText());
            }
        }
        return codes;
    }

    JsonNode questionnaire(String round, String unit) throws Exception {
        return call("GET", target.survey() + "/rounds/" + round + "/questionnaires/IIT?unit=" + unit, null, null, 200);
    }

    /** A respondent's submission: every question answered with a random option. */
    static String answerBody(String round, String unit, String code, JsonNode questionnaire, Random random) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (JsonNode section : questionnaire.path("sections")) {
            for (JsonNode question : section.path("questions")) {
                JsonNode options = question.path("options");
                answers.put(question.path("code").asText(), options.get(random.nextInt(options.size())).path("code").asText());
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("submissionId", UUID.randomUUID().toString());
        body.put("roundId", round);
        body.put("unitCode", unit);
        body.put("instrument", "IIT");
        body.put("code", code);
        body.put("answers", answers);
        return JSON.writeValueAsString(body);
    }

    /**
     * POSTs a submission straight to survey-service from a made-up address, as many phones behind
     * the gateway would be (the per-address limit is not what is measured). @return the status
     */
    int submit(String base, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/responses"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", address())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    HttpResponse<String> send(String method, String url, String bearer, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : body instanceof String s ? HttpRequest.BodyPublishers.ofString(s)
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", body instanceof String ? "text/csv; charset=UTF-8" : "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode call(String method, String url, String bearer, Object body, int expected) throws Exception {
        HttpResponse<String> response = send(method, url, bearer, body);
        require(response, expected, method + " " + url);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    int status(String url, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void require(HttpResponse<String> response, int expected, String what) {
        if (response.statusCode() != expected) {
            String body = response.body();
            throw new IllegalStateException(what + ": " + response.statusCode() + " "
                    + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
        }
    }
}
