package th.go.ita.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.go.ita.embedded.PortCheck;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the gateway answers itself is problem+json in Thai and English, never an empty body: a body
 * over the service's limit, a service that is down or breaks the connection, an address too long (stand-in services here; the real ones in LocalStackIT's hostile-input run).
 */
class GatewayProblemsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dist;

    @Test
    void aBodyOverTheServicesLimitIsRefused413ByTheGatewayWithoutReachingTheService() throws Exception {
        List<String> reached = new CopyOnWriteArrayList<>();
        HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext("/", exchange -> {
            reached.add(exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        service.start();
        try (Gateway gateway = gateway(service.getAddress().getPort())) {
            byte[] over = new byte[64 * 1024 + 1];
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(url(gateway, "/api/survey/responses"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(over)).build(), HttpResponse.BodyHandlers.ofString());
            assertProblem(refused, 413, "urn:ita:problem:too-large");
            assertEquals(List.of(), reached, "the service never saw it");

            HttpResponse<String> within = HTTP.send(HttpRequest.newBuilder(url(gateway, "/api/survey/responses"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[64 * 1024])).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, within.statusCode(), "a body at the limit passes");
        } finally {
            service.stop(0);
        }
    }

    @Test
    void aServiceThatIsDownIs503AndOneThatBreaksTheConnectionIs502BothAsProblems() throws Exception {
        int down = PortCheck.freePort();
        try (Gateway gateway = gateway(down)) {
            HttpResponse<String> unavailable = get(gateway, "/api/survey/rounds", null);
            assertProblem(unavailable, 503, "urn:ita:problem:unavailable");
            assertEquals("5", unavailable.headers().firstValue("Retry-After").orElse(null));
        }
        try (ServerSocket breaking = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread resetter = new Thread(() -> {
                while (!breaking.isClosed()) {
                    try (Socket s = breaking.accept()) {
                        InputStream in = s.getInputStream();
                        in.read(new byte[1024]);
                        s.setSoLinger(true, 0); // a reset, as a crashed service gives
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            resetter.setDaemon(true);
            resetter.start();
            try (Gateway gateway = gateway(breaking.getLocalPort())) {
                assertProblem(get(gateway, "/api/survey/rounds", null), 502, "urn:ita:problem:bad-gateway");
            }
        }
    }

    @Test
    void anAddressPastEvenTheGatewaysLimitIsAProblem() throws Exception {
        try (Gateway gateway = gateway(PortCheck.freePort())) {
            assertProblem(get(gateway, "/api/survey/rounds?pad=" + "x".repeat(70_000), null), 414,
                    "urn:ita:problem:uri-too-long");
        }
    }

    /** The gateway's copy of each service's body limit is the one the service itself applies. */
    @Test
    void theGatewaysBodyLimitsAreTheServicesOwn() throws Exception {
        Path root = Path.of(System.getProperty("ita.project.root", "../..")).toAbsolutePath().normalize();
        for (LauncherConfig.ServiceSpec service : LauncherConfig.from(root, List.of(), name -> null).services()) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(root.resolve(service.name()).resolve("src/main/resources/application.properties"))) {
                properties.load(in);
            }
            String declared = properties.getProperty("quarkus.http.limits.max-body-size", "10240K");
            assertEquals(bytes(declared), service.maxBodyBytes(), service.name() + " declares " + declared);
        }
    }

    private static long bytes(String size) {
        long number = Long.parseLong(size.replaceAll("\\D", ""));
        return switch (size.replaceAll("\\d", "").toUpperCase()) {
            case "K" -> number * 1024;
            case "M" -> number * 1024 * 1024;
            case "G" -> number * 1024 * 1024 * 1024;
            default -> number;
        };
    }

    private Gateway gateway(int servicePort) throws Exception {
        Files.writeString(dist.resolve("index.html"), "<div id=\"root\"></div>");
        var survey = new LauncherConfig.ServiceSpec("survey-service", "survey", servicePort);
        return Gateway.start(PortCheck.freePort(), dist, List.of(survey), "", "http://localhost:8180", false);
    }

    private static URI url(Gateway gateway, String path) {
        return URI.create("http://localhost:" + gateway.port() + path);
    }

    private static HttpResponse<String> get(Gateway gateway, String path, String padding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(gateway, path)).timeout(java.time.Duration.ofSeconds(20));
        if (padding != null) {
            request.header("X-Padding", padding);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null));
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(type, problem.path("type").asText());
        assertTrue(problem.path("detail_th").asText().matches(".*[ก-๙].*"), "Thai detail: " + response.body());
        assertTrue(!problem.path("detail_en").asText().isBlank(), "English detail: " + response.body());
    }
}
