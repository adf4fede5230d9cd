package th.go.ita.launcher;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nginx gateways of deploy/compose and deploy/k8s never log a respondent's request (there is
 * no nginx on this machine to run them, so their log rule is read and its patterns tried here, as
 * nginx would try them against the request's path). The launcher's own gateway logs nothing.
 */
class GatewayLogsTest {

    private static final List<String> RESPONDENT_PATHS = List.of(
            "/api/survey/responses",
            "/api/survey/access-codes/check",
            "/api/survey/rounds/7d1f0a52-2b63-4c7e-9a55-0c1b7e2f1a11/units/KALASIN2-S002/browser-token",
            "/api/survey/own-surveys/Zq3xYtW8pK/responses");
    private static final List<String> LOGGED_PATHS = List.of(
            "/api/survey/rounds", "/api/scoring/units/KALASIN2", "/api/survey/own-surveys/Zq3xYtW8pK/results",
            "/api/survey/rounds/r1/units/KALASIN2/progress", "/api/survey/rounds/r1/units/KALASIN2/access-codes", "/");

    @ParameterizedTest
    @ValueSource(strings = {"compose/nginx.conf", "k8s/base/gateway-nginx.conf"})
    void respondentsRequestsAreNeverLoggedAndEverythingElseIs(String file) throws Exception {
        Path root = Path.of(System.getProperty("ita.project.root", "../..")).toAbsolutePath().normalize();
        String conf = Files.readString(root.resolve("deploy").resolve(file));
        assertTrue(conf.matches("(?s).*\\n\\s*access_log \\S+ \\S+ if=\\$ita_log_request;.*"),
                file + " logs only what the map allows");
        assertFalse(conf.matches("(?s).*\\n\\s*access_log (?![^;]*if=)[^;]*;.*"), file + " has no other access log");

        Matcher block = Pattern.compile("(?s)map \\$uri \\$ita_log_request \\{(.*?)}").matcher(conf);
        assertTrue(block.find(), file + " has the log map");
        List<Pattern> unlogged = new ArrayList<>();
        for (String line : block.group(1).split("\n")) {
            Matcher entry = Pattern.compile("^\\s*~(\\S+)\\s+0;").matcher(line);
            if (entry.find()) {
                unlogged.add(Pattern.compile(entry.group(1)));
            }
        }
        assertTrue(block.group(1).matches("(?s).*default\\s+1;.*"), file + " logs the rest");
        for (String path : RESPONDENT_PATHS) {
            assertTrue(unlogged.stream().anyMatch(p -> p.matcher(path).find()), file + " must not log " + path);
        }
        for (String path : LOGGED_PATHS) {
            assertFalse(unlogged.stream().anyMatch(p -> p.matcher(path).find()), file + " still logs " + path);
        }
    }
}
