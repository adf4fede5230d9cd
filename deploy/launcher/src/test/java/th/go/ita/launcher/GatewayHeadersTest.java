package th.go.ita.launcher;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nginx gateways of deploy/compose and deploy/k8s send the launcher gateway's security headers
 * ({@link SecurityHeaders}) and keep the same management paths inside. No nginx runs on this
 * machine, so, as in GatewayLogsTest, the config is read and its maps are tried as nginx would
 * try them: exact strings first, then the regular expressions in order, else the default.
 */
class GatewayHeadersTest {

    private static final List<String> PAGES = List.of("/", "/dashboard/KALASIN2", "/s/R1/KALASIN2/iit", "/e/Zq3xYtW8pK",
            "/o/Zq3xYtW8pK", "/oit/KALASIN2/2568", "/api/survey/rounds", "/env.js", "/assets/index-abc.js", "/search/e/x");
    private static final List<String> SERVICE_PATHS = List.of("/api/survey/q/metrics", "/api/scoring/q/metrics/application",
            "/api/evidence/q/swagger-ui", "/api/activity/q/swagger-ui/index.html", "/api/survey/q/dev-ui", "/api/survey/q",
            "/api/survey/q/openapi", "/api/survey/q/openapi.json", "/api/survey/q/openapi.yaml", "/api/survey/q/health",
            "/api/survey/q/health/ready", "/api/survey/q/healthz", "/api/survey/rounds", "/api/survey/quiz");

    @ParameterizedTest
    @ValueSource(strings = {"compose/nginx.conf", "k8s/base/gateway-nginx.conf"})
    void sendsTheSameSecurityHeadersAsTheLaunchersGateway(String file) throws Exception {
        String conf = read(file);
        Matcher env = Pattern.compile("\"keycloakUrl\":\"([^\"]+)\"").matcher(conf);
        assertTrue(env.find(), file + " serves /env.js with a Keycloak URL");
        String server = server(conf);

        assertEquals(SecurityHeaders.contentSecurityPolicy(env.group(1)),
                header(server, "Content-Security-Policy", true).replaceAll("^\"|\"$", ""),
                file + ": the SPA's CSP, allowing the Keycloak of its /env.js");
        assertEquals(SecurityHeaders.NOSNIFF, header(server, "X-Content-Type-Options", true));

        assertEquals("$ita_referrer_policy", header(server, "Referrer-Policy", true));
        Map<String, String> referrer = map(conf, "$request_uri $ita_referrer_policy");
        for (String page : PAGES) {
            assertEquals(SecurityHeaders.referrerPolicy(page), lookUp(referrer, page), file + " " + page);
        }

        assertEquals("$ita_hsts", header(server, "Strict-Transport-Security", true));
        Map<String, String> hsts = map(conf, "$http_x_forwarded_proto $ita_hsts");
        assertEquals("\"" + SecurityHeaders.HSTS + "\"", lookUp(hsts, "https"), file + ": HSTS behind TLS");
        assertEquals("\"\"", lookUp(hsts, ""), file + ": no HSTS over plain HTTP");
        assertEquals("\"\"", lookUp(hsts, "http"), file + ": no HSTS over plain HTTP");

        assertEquals("no-store", lookUp(map(conf, "$uri $ita_cache_control"), "/env.js"));
        assertEquals("no-cache", lookUp(map(conf, "$uri $ita_cache_control"), "/early.js"), file + ": early.js never kept stale");

        // An add_header inside a location would silently drop all of the server's for that location.
        Matcher location = Pattern.compile("(?s)\\n\\s*location [^{]*\\{(.*?)\\n?\\s*}").matcher(server);
        int locations = 0;
        while (location.find()) {
            locations++;
            assertFalse(location.group(1).contains("add_header"), file + ": add_header in " + location.group());
        }
        assertTrue(locations >= 7, file + " has its locations");
        assertTrue(server.contains("location /oit/") , file + " passes the public OIT pages to evidence-service");
    }

    @ParameterizedTest
    @ValueSource(strings = {"compose/nginx.conf", "k8s/base/gateway-nginx.conf"})
    void keepsTheSameManagementPathsInsideAsTheLaunchersGateway(String file) throws Exception {
        String conf = read(file);
        Map<String, String> notExposed = map(conf, "$uri $ita_not_exposed");
        for (String path : SERVICE_PATHS) {
            boolean internal = SecurityHeaders.isInternal(path.replaceFirst("^/api/[^/]+", ""));
            assertEquals(internal ? "1" : "0", lookUp(notExposed, path), file + " " + path);
        }
        String server = server(conf);
        assertTrue(server.matches("(?s).*\\n\\s*if \\(\\$ita_not_exposed\\) \\{\\s*rewrite \\^ /\\.ita-not-exposed last;\\s*}.*"),
                file + " turns those paths away before any location");
        Matcher refusal = Pattern.compile("(?s)location = /\\.ita-not-exposed \\{(.*?)}\\n").matcher(server);
        assertTrue(refusal.find(), file + " has the refusal");
        assertTrue(refusal.group(1).contains("internal;"));
        assertTrue(refusal.group(1).contains("default_type application/problem+json;"));
        assertTrue(refusal.group(1).matches("(?s).*return 404 '\\{.*\"detail_th\":\".*\"detail_en\":\".*}';.*"),
                file + ": a problem+json 404 in Thai and English");
    }

    private static String read(String file) throws Exception {
        Path root = Path.of(System.getProperty("ita.project.root", "../..")).toAbsolutePath().normalize();
        return Files.readString(root.resolve("deploy").resolve(file));
    }

    private static String server(String conf) {
        int at = conf.indexOf("\nserver {");
        assertTrue(at >= 0, "one server block");
        return conf.substring(at);
    }

    /** The value of a server-level {@code add_header}, which must be sent on errors too ({@code always}). */
    private static String header(String server, String name, boolean always) {
        Matcher m = Pattern.compile("\\n  add_header " + Pattern.quote(name) + " (\"[^\"]*\"|\\S+)( always)?;").matcher(server);
        assertTrue(m.find(), "add_header " + name + " at server level");
        assertEquals(always, m.group(2) != null, name + (always ? " must be sent always" : ""));
        return m.group(1);
    }

    /** A map's entries in order of appearance: {@code ~regex}, exact strings and {@code default}. */
    private static Map<String, String> map(String conf, String variables) {
        Matcher block = Pattern.compile("(?s)map " + Pattern.quote(variables) + " \\{(.*?)\\n}").matcher(conf);
        assertTrue(block.find(), "map " + variables);
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : block.group(1).split("\n")) {
            Matcher entry = Pattern.compile("^\\s*(\\S+)\\s+(\"[^\"]*\"|\\S+);").matcher(line);
            if (entry.find()) {
                entries.put(entry.group(1), entry.group(2));
            }
        }
        return entries;
    }

    private static String lookUp(Map<String, String> map, String value) {
        List<Map.Entry<String, String>> regexes = new ArrayList<>();
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getKey().startsWith("~")) {
                regexes.add(e);
            } else if (!e.getKey().equals("default") && e.getKey().equals(value)) {
                return e.getValue();
            }
        }
        for (Map.Entry<String, String> e : regexes) {
            if (Pattern.compile(e.getKey().substring(1)).matcher(value).find()) {
                return e.getValue();
            }
        }
        return map.get("default");
    }
}
