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

    /*
     * Ports and "started" live in system properties, not static fields: a Quarkus restart (a test
     * profile) loads this class again in a new class loader, and a second Keycloak on the same
     * install and database must not start.
     */
    private static final String HTTP_PORT = "embedded.keycloak.http-port";
    private static final String MANAGEMENT_PORT = "embedded.keycloak.management-port";
    private static final String JDBC_URL = "embedded.keycloak.jdbc-url";
    private static final String STARTED = "embedded.keycloak.started";

    private static synchronized void reservePorts(String serviceJdbcUrl) {
        if (System.getProperty(HTTP_PORT) != null) {
            return;
        }
        int http = PortCheck.freePort();
        int management;
        do {
            management = PortCheck.freePort();
        } while (management == http);
        System.setProperty(JDBC_URL, serviceJdbcUrl.substring(0, serviceJdbcUrl.lastIndexOf('/') + 1) + "keycloak");
        System.setProperty(HTTP_PORT, String.valueOf(http));
        System.setProperty(MANAGEMENT_PORT, String.valueOf(management));
    }

    private static int port(String property) {
        return Integer.parseInt(System.getProperty(property, "0"));
    }

    public static String baseUrl() {
        return "http://localhost:" + port(HTTP_PORT);
    }

    public static String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** Starts Keycloak if this JVM has not yet; blocks until it is ready. */
    public static synchronized void start() throws Exception {
        if (System.getProperty(STARTED) != null) {
            return;
        }
        if (port(HTTP_PORT) == 0) {
            throw new IllegalStateException("TestKeycloak.Resource has not run: start Keycloak from a @QuarkusTest");
        }
        createDatabase();
        Path install = Path.of(System.getProperty("embedded.keycloak.install"));
        keycloak = new EmbeddedKeycloak(KeycloakOptions.builder()
                .distributionZip(Path.of(System.getProperty("embedded.keycloak.zip")))
                .installDir(install)
                .httpPort(port(HTTP_PORT))
                .managementPort(port(MANAGEMENT_PORT))
                .jdbcUrl(System.getProperty(JDBC_URL))
                .dbUsername(EmbeddedPostgresServer.USER)
                .realmFile(Path.of(System.getProperty("embedded.keycloak.realm")))
                .logFile(install.resolveSibling("keycloak-test.log"))
                .build());
        long started = System.nanoTime();
        keycloak.start();
        System.setProperty(STARTED, "true");
        System.out.printf("[keycloak] ready for scoring-service tests in %.1f s%n", (System.nanoTime() - started) / 1e9);
        // Stopped by EmbeddedKeycloak's own shutdown hook when the test JVM exits.
    }

    private static void createDatabase() throws Exception {
        String jdbcUrl = System.getProperty(JDBC_URL);
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
