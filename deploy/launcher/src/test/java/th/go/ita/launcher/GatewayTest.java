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

    private static final String KEYCLOAK = "http://localhost:8180";

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
        try (Gateway gateway = Gateway.start(port, dist, List.of(survey), "window.__ITA_ENV__ = {};",
                KEYCLOAK, false)) {
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

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndManagementPathsStayInside() throws Exception {
        List<String> reached = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext("/", exchange -> {
            reached.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        service.start();
        Files.writeString(dist.resolve("index.html"), "<div id=\"root\"></div>");
        Files.writeString(dist.resolve("app.js"), "console.log(1)");
        int port = PortCheck.freePort();
        var survey = new LauncherConfig.ServiceSpec("survey-service", "survey", service.getAddress().getPort());
        String csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                + "font-src 'self' data:; connect-src 'self' http://localhost:8180; frame-src http://localhost:8180 blob:; "
                + "frame-ancestors 'self'; form-action 'self' http://localhost:8180; base-uri 'self'; object-src 'none'";
        try (Gateway gateway = Gateway.start(port, dist, List.of(survey), "window.__ITA_ENV__ = {};", KEYCLOAK + "/", false)) {
            for (String path : List.of("/", "/dashboard/KALASIN2", "/app.js", "/env.js", "/api/survey/rounds",
                    "/api/survey/q/metrics", "/s/R1/KALASIN2/iit", "/e/Zq3xYtW8pK", "/o/Zq3xYtW8pK")) {
                HttpResponse<String> response = get(port, path);
                assertEquals(csp, response.headers().firstValue("Content-Security-Policy").orElse(null), path);
                assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), path);
                assertEquals(path.matches("/[seo]/.*") ? "no-referrer" : "strict-origin-when-cross-origin",
                        response.headers().firstValue("Referrer-Policy").orElse(null), path);
                assertTrue(response.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP");
            }
            assertEquals(List.of("/rounds"), reached, "an API call passes");
            reached.clear();

            for (String path : List.of("/api/survey/q/metrics", "/api/survey/q/metrics/application", "/api/survey/q/swagger-ui",
                    "/api/survey/q/swagger-ui/index.html", "/api/survey/q/dev-ui", "/api/survey/q/dev", "/api/survey/q",
                    "/api/survey/q/%6detrics", "/api/survey/q/health/../metrics", "/api/survey//q/metrics")) {
                HttpResponse<String> refused = get(port, path);
                assertEquals(404, refused.statusCode(), path);
                assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(null), path);
                assertTrue(refused.body().contains("\"detail_th\"") && refused.body().contains("\"detail_en\""), refused.body());
            }
            assertEquals(List.of(), reached, "no management path reached the service");

            for (String path : List.of("/api/survey/q/openapi", "/api/survey/q/openapi.json", "/api/survey/q/health/ready",
                    "/api/survey/q/health")) {
                assertEquals(200, get(port, path).statusCode(), path);
            }
            assertEquals(List.of("/q/openapi", "/q/openapi.json", "/q/health/ready", "/q/health"), reached);
        }
        reached.clear();
        int exposedPort = PortCheck.freePort();
        try (Gateway exposed = Gateway.start(exposedPort, dist, List.of(survey), "", KEYCLOAK, true)) {
            assertEquals(200, get(exposedPort, "/api/survey/q/metrics").statusCode(), "an operator may turn them on");
            assertEquals(List.of("/q/metrics"), reached);
        } finally {
            service.stop(0);
        }
    }

    @Test
    void scriptsAndJsonAreSentGzippedToABrowserThatAsksAndPdfsAsTheyAre() throws Exception {
        HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] pdf = new byte[20_000];
        new java.util.Random(7).nextBytes(pdf);
        byte[] questionnaire = "{\"question\":\"ผู้บริหารเปิดเผยข้อมูลการใช้งบประมาณ\"},".repeat(300).getBytes(StandardCharsets.UTF_8);
        service.createContext("/", exchange -> {
            boolean isPdf = exchange.getRequestURI().getPath().endsWith(".pdf");
            byte[] body = isPdf ? pdf : questionnaire;
            exchange.getResponseHeaders().set("Content-Type", isPdf ? "application/pdf" : "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        Files.writeString(dist.resolve("index.html"), "<div id=\"root\"></div>");
        String script = "export const questions = [];\n".repeat(2_000);
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("assets/index-abc123.js"), script);
        String early = "// asks for a questionnaire early\n".repeat(100);
        Files.writeString(dist.resolve("early.js"), early);
        int port = PortCheck.freePort();
        var survey = new LauncherConfig.ServiceSpec("survey-service", "survey", service.getAddress().getPort());
        try (Gateway gateway = Gateway.start(port, dist, List.of(survey), "window.__ITA_ENV__ = {};", KEYCLOAK, false)) {
            HttpResponse<byte[]> js = getBytes(port, "/assets/index-abc123.js", "gzip, deflate, br");
            assertEquals(200, js.statusCode());
            assertEquals("gzip", js.headers().firstValue("Content-Encoding").orElse(null), "a phone on 3G gets the script gzipped");
            assertTrue(js.body().length < script.length() / 10, "gzipped: " + js.body().length + " bytes of " + script.length());
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(js.body()))) {
                assertEquals(script, new String(in.readAllBytes(), StandardCharsets.UTF_8), "the same script once unpacked");
            }

            HttpResponse<byte[]> earlyJs = getBytes(port, "/early.js", "gzip");
            assertEquals("gzip", earlyJs.headers().firstValue("Content-Encoding").orElse(null), "early.js is gzipped too");
            assertEquals("no-cache", earlyJs.headers().firstValue("Cache-Control").orElse(null),
                    "early.js is not named by its content: asked for again after a release");
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(earlyJs.body()))) {
                assertEquals(early, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }

            HttpResponse<byte[]> plain = getBytes(port, "/assets/index-abc123.js", null);
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), "no gzip for a client that did not ask");
            assertEquals(script.length(), plain.body().length);

            HttpResponse<byte[]> json = getBytes(port, "/api/survey/rounds/R1/questionnaires/IIT", "gzip");
            assertEquals("gzip", json.headers().firstValue("Content-Encoding").orElse(null), "a questionnaire is gzipped too");
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(json.body()))) {
                assertEquals(questionnaire.length, in.readAllBytes().length);
            }

            HttpResponse<byte[]> report = getBytes(port, "/api/survey/report.pdf", "gzip");
            assertEquals(200, report.statusCode());
            assertTrue(report.headers().firstValue("Content-Encoding").isEmpty(), "a PDF is not compressed again");
            assertEquals(pdf.length, report.body().length);
        } finally {
            service.stop(0);
        }
    }

    private static HttpResponse<byte[]> getBytes(int port, String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        // HTTP/1.1, as a browser speaks to a plain-http origin (no h2c upgrade): the case where a
        // static file goes out by sendfile, past any compressor.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
