package th.go.ita.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the local stack keeps its data and which ports it uses. Every setting can be changed with
 * an environment variable (ITA_*), so two stacks can run side by side.
 *
 * @param projectRoot      the checkout: services' packaged apps, the built SPA and the realm are found here
 * @param dataDir          data kept between runs (ITA_DATA_DIR, default {@code .ita-data})
 * @param reset            start from empty data (the Keycloak install is kept, it is not data)
 * @param gatewayPort      the one address users open (ITA_PORT, default 8080)
 * @param postgresPort     ITA_POSTGRES_PORT, default 15432
 * @param kafkaPort        ITA_KAFKA_PORT, default 19092 (the services' own default, for dev mode)
 * @param keycloakPort     ITA_KEYCLOAK_PORT, default 8180
 * @param keycloakManagementPort ITA_KEYCLOAK_MANAGEMENT_PORT, default 9180
 * @param services         the four services and their ports (ITA_SURVEY_PORT ... default 8081-8084)
 * @param demoData         load the demo data set on start (ITA_DEMO_DATA, default true)
 * @param exposeManagement pass the services' metrics, Swagger UI and dev UI through the gateway
 *                         (ITA_EXPOSE_MANAGEMENT, default false: only on the services' own ports)
 */
public record LauncherConfig(
        Path projectRoot,
        Path dataDir,
        boolean reset,
        int gatewayPort,
        int postgresPort,
        int kafkaPort,
        int keycloakPort,
        int keycloakManagementPort,
        List<ServiceSpec> services,
        boolean demoData,
        boolean exposeManagement) {

    /** One Quarkus service: its name, the gateway prefix it answers under, and its port. */
    public record ServiceSpec(String name, String database, int port) {
        public String gatewayPrefix() {
            return "/api/" + database;
        }

        public Path app(Path projectRoot) {
            return projectRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }

        /**
         * The service's {@code quarkus.http.limits.max-body-size} (its application.properties, checked
         * by LauncherConfigTest): the gateway refuses a longer body itself, with the same 413.
         */
        public long maxBodyBytes() {
            return switch (database) {
                case "survey" -> 64L * 1024;
                case "evidence" -> 64L * 1024 * 1024;
                default -> 10240L * 1024; // Quarkus' default
            };
        }
    }

    public static LauncherConfig from(Path projectRoot, List<String> args, Function<String, String> env) {
        boolean reset = args.contains("--reset");
        String dataDir = env.apply("ITA_DATA_DIR");
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        servicePorts.put("survey", port(env, "ITA_SURVEY_PORT", 8081));
        servicePorts.put("scoring", port(env, "ITA_SCORING_PORT", 8082));
        servicePorts.put("evidence", port(env, "ITA_EVIDENCE_PORT", 8083));
        servicePorts.put("activity", port(env, "ITA_ACTIVITY_PORT", 8084));
        List<ServiceSpec> services = servicePorts.entrySet().stream()
                .map(e -> new ServiceSpec(e.getKey() + "-service", e.getKey(), e.getValue()))
                .toList();
        return new LauncherConfig(
                projectRoot.toAbsolutePath().normalize(),
                (dataDir == null || dataDir.isBlank() ? projectRoot.resolve(".ita-data") : Path.of(dataDir))
                        .toAbsolutePath().normalize(),
                reset,
                port(env, "ITA_PORT", 8080),
                port(env, "ITA_POSTGRES_PORT", 15432),
                port(env, "ITA_KAFKA_PORT", 19092),
                port(env, "ITA_KEYCLOAK_PORT", 8180),
                port(env, "ITA_KEYCLOAK_MANAGEMENT_PORT", 9180),
                services,
                !"false".equalsIgnoreCase(env.apply("ITA_DEMO_DATA")),
                "true".equalsIgnoreCase(env.apply("ITA_EXPOSE_MANAGEMENT")));
    }

    private static int port(Function<String, String> env, String name, int fallback) {
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), got '" + value + "'");
        }
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    public Path frontendDist() {
        return projectRoot.resolve("frontend/dist");
    }

    public Path realmFile() {
        return projectRoot.resolve("deploy/keycloak/ita-realm.json");
    }

    public Path keycloakZip() {
        return projectRoot.resolve("deploy/launcher/target/keycloak/keycloak-quarkus-dist.zip");
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }
}
