package th.go.ita.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@link EmbeddedKeycloak} runs Keycloak. Build with {@link #builder()}; every setting but the
 * distribution zip, the install directory and the JDBC URL has a default.
 *
 * @param distributionZip        {@code org.keycloak:keycloak-quarkus-dist} zip from Maven Central
 * @param installDir             where the zip is unpacked (once; again only when the zip changes)
 * @param httpPort               Keycloak's HTTP port (default {@value #DEFAULT_HTTP_PORT})
 * @param managementPort         health endpoints' port (default {@value #DEFAULT_MANAGEMENT_PORT};
 *                               Keycloak's own default 9000 clashes too easily)
 * @param jdbcUrl                PostgreSQL database Keycloak keeps its realms and users in
 * @param dbUsername             database user
 * @param dbPassword             database password; empty for none (embedded PostgreSQL trusts local)
 * @param realmFile              realm JSON imported on first start (skipped once the realm exists);
 *                               null for none
 * @param bootstrapAdminUsername temporary admin of the master realm, created on the first start only
 * @param bootstrapAdminPassword its password
 * @param logFile                Keycloak's stdout and stderr are appended here
 * @param javaHome               JDK/JRE Keycloak runs on (default: the current JVM's)
 * @param startTimeout           how long {@link EmbeddedKeycloak#start()} waits for /health/ready
 * @param extraArgs              more {@code kc.sh start-dev} options, e.g. {@code --log-level=debug}
 */
public record KeycloakOptions(
        Path distributionZip,
        Path installDir,
        int httpPort,
        int managementPort,
        String jdbcUrl,
        String dbUsername,
        String dbPassword,
        Path realmFile,
        String bootstrapAdminUsername,
        String bootstrapAdminPassword,
        Path logFile,
        Path javaHome,
        Duration startTimeout,
        List<String> extraArgs) {

    public static final int DEFAULT_HTTP_PORT = 8180;
    public static final int DEFAULT_MANAGEMENT_PORT = 9180;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);

    public KeycloakOptions {
        Objects.requireNonNull(distributionZip, "distributionZip");
        Objects.requireNonNull(installDir, "installDir");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(dbUsername, "dbUsername");
        Objects.requireNonNull(bootstrapAdminUsername, "bootstrapAdminUsername");
        Objects.requireNonNull(bootstrapAdminPassword, "bootstrapAdminPassword");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(javaHome, "javaHome");
        Objects.requireNonNull(startTimeout, "startTimeout");
        dbPassword = dbPassword == null ? "" : dbPassword;
        extraArgs = List.copyOf(extraArgs == null ? List.of() : extraArgs);
        if (httpPort <= 0 || managementPort <= 0 || httpPort == managementPort) {
            throw new IllegalArgumentException("Keycloak needs two different fixed ports, got http "
                    + httpPort + " and management " + managementPort);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with these options, e.g. to change only the ports. */
    public Builder toBuilder() {
        return new Builder()
                .distributionZip(distributionZip).installDir(installDir)
                .httpPort(httpPort).managementPort(managementPort)
                .jdbcUrl(jdbcUrl).dbUsername(dbUsername).dbPassword(dbPassword)
                .realmFile(realmFile)
                .bootstrapAdmin(bootstrapAdminUsername, bootstrapAdminPassword)
                .logFile(logFile).javaHome(javaHome).startTimeout(startTimeout)
                .extraArgs(extraArgs);
    }

    public static final class Builder {
        private Path distributionZip;
        private Path installDir;
        private int httpPort = DEFAULT_HTTP_PORT;
        private int managementPort = DEFAULT_MANAGEMENT_PORT;
        private String jdbcUrl;
        private String dbUsername = EmbeddedPostgresServer.USER;
        private String dbPassword = "";
        private Path realmFile;
        private String bootstrapAdminUsername = "admin";
        private String bootstrapAdminPassword = "admin";
        private Path logFile;
        private Path javaHome = Path.of(System.getProperty("java.home"));
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private List<String> extraArgs = List.of();

        private Builder() {
        }

        public Builder distributionZip(Path zip) {
            this.distributionZip = zip;
            return this;
        }

        public Builder installDir(Path dir) {
            this.installDir = dir;
            return this;
        }

        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        public Builder managementPort(int port) {
            this.managementPort = port;
            return this;
        }

        public Builder jdbcUrl(String url) {
            this.jdbcUrl = url;
            return this;
        }

        public Builder dbUsername(String username) {
            this.dbUsername = username;
            return this;
        }

        public Builder dbPassword(String password) {
            this.dbPassword = password;
            return this;
        }

        public Builder realmFile(Path file) {
            this.realmFile = file;
            return this;
        }

        public Builder bootstrapAdmin(String username, String password) {
            this.bootstrapAdminUsername = username;
            this.bootstrapAdminPassword = password;
            return this;
        }

        /** Default: {@code <installDir>/data/log/keycloak.log}. */
        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        public Builder javaHome(Path home) {
            this.javaHome = home;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public Builder extraArgs(List<String> args) {
            this.extraArgs = args;
            return this;
        }

        public KeycloakOptions build() {
            Path log = logFile != null ? logFile
                    : installDir == null ? null : installDir.resolve("data").resolve("log").resolve("keycloak.log");
            return new KeycloakOptions(distributionZip, installDir, httpPort, managementPort, jdbcUrl,
                    dbUsername, dbPassword, realmFile, bootstrapAdminUsername, bootstrapAdminPassword,
                    log, javaHome, startTimeout, extraArgs);
        }
    }
}
