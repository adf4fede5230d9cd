package th.go.ita.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL 17 server from Maven Central's binaries (zonky), one server for the whole
 * stack with one database per service, so no service can read another's tables by accident.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDirectory where the cluster lives; kept between runs when not null
     * @param port          0 for any free port
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C")
                // Thirty connections per service pool plus Keycloak's stays well inside this.
                .setServerConfig("max_connections", "300")
                .setRegisterShutdownHook(true);
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        if (port != 0) {
            PortCheck.requireFree("PostgreSQL", port);
        }
        return new EmbeddedPostgresServer(builder.start());
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the database if it does not exist yet; safe to call on every start. */
    public void ensureDatabase(String database) throws SQLException {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Unsafe database name: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + database + " ENCODING 'UTF8'");
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
