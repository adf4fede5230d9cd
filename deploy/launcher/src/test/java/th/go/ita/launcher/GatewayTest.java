package th.go.ita.launcher;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.go.ita.embedded.PortCheck;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway in front of a stand-in service that echoes what it received (the real services are in LocalStackIT). */
class GatewayTest {

    @TempDir
    Path dist;

    @Test
    void routesByPrefixRemovesItAndReplacesAForgedClientAddress() throws Exception {
        HttpServer echo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        echo.createContext("/", exchange -> {
            byte[] body = (exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("X-Forwarded-For"))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        echo.start();
        Files.writeString(dist.resolve("index.html"), "<div id=\"root\"></div>");
        int port = PortCheck.freePort();
        var survey = new LauncherConfig.ServiceSpec("survey-service", "survey", echo.getAddress().getPort());
        try (Gateway gateway = Gateway.start(port, dist, List.of(survey), "window.__ITA_ENV__ = {};")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/survey/responses?x=1"))
                            .header("X-Forwarded-For", "203.0.113.7").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            String[] seen = response.body().split(" ");
            assertEquals("/responses?x=1", seen[0], "prefix removed, query kept");
            assertTrue(seen[1].equals("127.0.0.1") || seen[1].equals("0:0:0:0:0:0:0:1"),
                    "the caller's real address, not the forged one: " + seen[1]);
        } finally {
            echo.stop(0);
        }
    }
}
