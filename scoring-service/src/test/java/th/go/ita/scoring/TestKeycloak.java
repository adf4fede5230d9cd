package th.go.ita.scoring;

import th.go.ita.embedded.EmbeddedKeycloak;
import th.go.ita.embedded.EmbeddedPostgresServer;
import th.go.ita.embedded.ItaTestStack;
import th.go.ita.embedded.KeycloakOptions;
import th.go.ita.embedded.PortCheck;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The real Keycloak of deploy/embedded with the ITA realm, for the tests that need one. Its ports
 * are chosen when Quarkus boots (so the admin client is configured once), but Keycloak itself
 * starts only when the first test calls {@link #start()}: 30-60 s on a small machine, paid once per
 * test JVM and not at all by a run that needs no Keycloak. Its data sits in a database of the test
 * stack's PostgreSQL.
 */
public final class TestKeycloak {

    public static final String REALM = "ita";

    private static String jdbcUrl;
    private static int httpPort;
    private static int managementPort;
    private static EmbeddedKeycloak keycloak;

    private TestKeycloak() {
    }

    /** The test stack plus the address the service's Keycloak admin client will use. */
    public static class Resource extends ItaTestStack {
        @Override
        public synchronized Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            reservePorts(config.get("quarkus.datasource.jdbc.url"));
            config.put("ita.keycloak-admin.server-url", baseUrl());
            return config;
        }
    }

    private static synchronized void reservePorts(String serviceJdbcUrl) {
        if (httpPort != 0) {
            return;
        }
        jdbcUrl = serviceJdbcUrl.substring(0, serviceJdbcUrl.lastIndexOf('/') + 1) + "keycloak";
        httpPort = PortCheck.freePort();
        do {
            managementPort = PortCheck.freePort();
        } while (managementPort == httpPort);
    }

    public static String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    public static String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** Starts Keycloak if this JVM has not yet; blocks until it is ready. */
    public static synchronized void start() throws Exception {
        if (keycloak != null && keycloak.isRunning()) {
            return;
        }
        if (httpPort == 0) {
            throw new IllegalStateException("TestKeycloak.Resource has not run: start Keycloak from a @QuarkusTest");
        }
        createDatabase();
        Path install = Path.of(System.getProperty("embedded.keycloak.install"));
        keycloak = new EmbeddedKeycloak(KeycloakOptions.builder()
                .distributionZip(Path.of(System.getProperty("embedded.keycloak.zip")))
                .installDir(install)
                .httpPort(httpPort)
                .managementPort(managementPort)
                .jdbcUrl(jdbcUrl)
                .dbUsername(EmbeddedPostgresServer.USER)
                .realmFile(Path.of(System.getProperty("embedded.keycloak.realm")))
                .logFile(install.resolveSibling("keycloak-test.log"))
                .build());
        long started = System.nanoTime();
        keycloak.start();
        System.out.printf("[keycloak] ready for scoring-service tests in %.1f s%n", (System.nanoTime() - started) / 1e9);
        // Stopped by EmbeddedKeycloak's own shutdown hook when the test JVM exits.
    }

    private static void createDatabase() throws Exception {
        String server = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(server, EmbeddedPostgresServer.USER, "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'keycloak'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE keycloak ENCODING 'UTF8'");
        }
    }
}
