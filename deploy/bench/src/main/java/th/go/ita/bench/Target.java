package th.go.ita.bench;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the stack runs: the same settings (and defaults) as {@code ./ita start}. Only this machine:
 * every address is localhost, so the harness cannot be pointed at someone else's servers.
 */
public record Target(int gatewayPort, int keycloakPort, int postgresPort, int kafkaPort, int surveyPort,
                     int scoringPort, int evidencePort, int activityPort, Path dataDir) {

    public static Target from(Path projectRoot, Function<String, String> env) {
        String data = env.apply("ITA_DATA_DIR");
        return new Target(port(env, "ITA_PORT", 8080), port(env, "ITA_KEYCLOAK_PORT", 8180),
                port(env, "ITA_POSTGRES_PORT", 15432), port(env, "ITA_KAFKA_PORT", 19092),
                port(env, "ITA_SURVEY_PORT", 8081), port(env, "ITA_SCORING_PORT", 8082),
                port(env, "ITA_EVIDENCE_PORT", 8083), port(env, "ITA_ACTIVITY_PORT", 8084),
                data == null || data.isBlank() ? projectRoot.resolve(".ita-data") : projectRoot.resolve(data));
    }

    private static int port(Function<String, String> env, String name, int fallback) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    public String gateway() {
        return "http://localhost:" + gatewayPort;
    }

    public String keycloak() {
        return "http://localhost:" + keycloakPort;
    }

    public String survey() {
        return "http://localhost:" + surveyPort;
    }

    public String scoring() {
        return "http://localhost:" + scoringPort;
    }

    public String evidence() {
        return "http://localhost:" + evidencePort;
    }

    public String jdbc(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    public String kafka() {
        return "localhost:" + kafkaPort;
    }
}
