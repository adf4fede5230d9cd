package th.go.ita.launcher;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import th.go.ita.embedded.PortCheck;

import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The nginx configs of deploy/compose and deploy/k8s run by a real nginx, where one is installed
 * (skipped otherwise; GatewayHeadersTest and GatewayLogsTest read the files everywhere): the
 * services are one stand-in that records what reaches it. Reading a config cannot show what
 * nginx does at run time, e.g. that try_files has turned /e/&lt;token&gt; into /index.html by the
 * time the headers are made.
 */
class NginxGatewayTest {

    @TempDir
    Path prefix;

    @ParameterizedTest
    @ValueSource(strings = {"compose/nginx.conf", "k8s/base/gateway-nginx.conf"})
    void nginxServesTheHeadersKeepsManagementInsideAndLogsNoRespondent(String file) throws Exception {
        Optional<Path> nginx = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "nginx")).filter(Files::isExecutable).findFirst()
                .or(() -> Optional.of(Path.of("/usr/sbin/nginx")).filter(Files::isExecutable));
        assumeTrue(nginx.isPresent(), "no nginx installed");

        List<String> reached = new CopyOnWriteArrayList<>();
        HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext("/", exchange -> {
            reached.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        service.start();
        Path root = Path.of(System.getProperty("ita.project.root", "../..")).toAbsolutePath().normalize();
        String conf = Files.readString(root.resolve("deploy").resolve(file));
        Matcher env = Pattern.compile("\"keycloakUrl\":\"([^\"]+)\"").matcher(conf);
        assertTrue(env.find());
        Path html = Files.createDirectories(prefix.resolve("html"));
        Files.writeString(html.resolve("index.html"), "<div id=\"root\"></div>");
        String script = "export const questions = [];\n".repeat(2_000);
        Files.writeString(Files.createDirectories(html.resolve("assets")).resolve("index-abc123.js"), script);
        // nginx's workers run as an unprivileged user when it is started by root: let them read the files.
        for (Path dir : List.of(prefix, html, html.resolve("assets"))) {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        int port = PortCheck.freePort();
        String server = conf
                .replaceAll("http://[a-z]+-service(\\.ita\\.svc)?:8080", "http://127.0.0.1:" + service.getAddress().getPort())
                .replace("listen 8080;", "listen 127.0.0.1:" + port + ";")
                .replace("/var/log/nginx/access.log", prefix.resolve("access.log").toString())
                .replace("/usr/share/nginx/html", html.toString());
        String temp = prefix.toString();
        Files.writeString(prefix.resolve("nginx.conf"), "pid " + temp + "/nginx.pid;\nerror_log " + temp + "/error.log;\n"
                + "events {}\nhttp {\n"
                // What the nginx image's own http block includes (mime.types) for the files served here.
                + "  types { text/html html; application/javascript js; text/css css; }\n"
                + "  client_body_temp_path " + temp + "/body; proxy_temp_path " + temp + "/proxy;\n"
                + "  fastcgi_temp_path " + temp + "/fcgi; uwsgi_temp_path " + temp + "/uwsgi; scgi_temp_path " + temp + "/scgi;\n"
                + server + "\n}\n");
        Process process = new ProcessBuilder(nginx.get().toString(), "-p", temp, "-c", prefix.resolve("nginx.conf").toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(prefix.resolve("nginx.out").toFile()).start();
        try {
            awaitPort(port, process);
            String csp = SecurityHeaders.contentSecurityPolicy(env.group(1));
            for (String path : List.of("/", "/dashboard/KALASIN2", "/s/R1/KALASIN2/iit", "/e/Zq3xYtW8pK", "/o/Zq3xYtW8pK?x=1",
                    "/env.js", "/api/survey/rounds", "/oit/KALASIN2/2568", "/api/survey/q/metrics")) {
                HttpResponse<String> response = get(port, path, null);
                assertEquals(csp, response.headers().firstValue("Content-Security-Policy").orElse(null), file + " " + path);
                assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), path);
                assertEquals(SecurityHeaders.referrerPolicy(path), response.headers().firstValue("Referrer-Policy").orElse(null),
                        file + " " + path);
                assertTrue(response.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP");
            }
            assertEquals("no-store", get(port, "/env.js", null).headers().firstValue("Cache-Control").orElse(null));
            HttpResponse<byte[]> js = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/assets/index-abc123.js"))
                            .header("Accept-Encoding", "gzip, deflate, br").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals("gzip", js.headers().firstValue("Content-Encoding").orElse(null), file + ": scripts gzipped, as the launcher's gateway " + js.headers().map());
            assertTrue(js.body().length < script.length() / 10, file + ": " + js.body().length + " bytes on the wire");
            assertEquals("public, max-age=31536000, immutable", js.headers().firstValue("Cache-Control").orElse(null),
                    file + ": hashed assets cached");
            assertEquals(SecurityHeaders.HSTS, get(port, "/", "https").headers().firstValue("Strict-Transport-Security")
                    .orElse(null), "HSTS when TLS ended in front of nginx");
            assertEquals(List.of("/rounds", "/oit/KALASIN2/2568"), reached, file + ": API prefix removed, /oit/ kept");
            reached.clear();

            for (String path : List.of("/api/survey/q/metrics", "/api/scoring/q/metrics/application", "/api/evidence/q/swagger-ui/",
                    "/api/activity/q/dev-ui", "/api/survey/q", "/api/survey/q/%6detrics", "/api/survey/q/health/../metrics",
                    "/api/survey//q/metrics")) {
                HttpResponse<String> refused = get(port, path, null);
                assertEquals(404, refused.statusCode(), file + " " + path);
                assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(null));
                assertTrue(refused.body().contains("\"detail_en\""), refused.body());
            }
            assertEquals(List.of(), reached, file + ": no management path reached a service");
            for (String path : List.of("/api/survey/q/openapi", "/api/survey/q/health/ready")) {
                assertEquals(200, get(port, path, null).statusCode(), file + " " + path);
            }
            assertEquals(List.of("/q/openapi", "/q/health/ready"), reached);

            get(port, "/api/survey/responses", null);
            get(port, "/api/survey/own-surveys/Zq3xYtW8pK/responses", null);
            get(port, "/api/survey/rounds?marker=logged", null);
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            service.stop(0);
        }
        String log = Files.readString(prefix.resolve("access.log"));
        assertTrue(log.contains("marker=logged"), file + " logs other requests");
        assertFalse(log.contains("/responses"), file + " logs no respondent's answer: " + log);
    }

    private static void awaitPort(int port, Process process) throws Exception {
        for (int i = 0; i < 100; i++) {
            assertTrue(process.isAlive(), "nginx started");
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nginx did not listen on " + port);
    }

    private static HttpResponse<String> get(int port, String path, String forwardedProto) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
