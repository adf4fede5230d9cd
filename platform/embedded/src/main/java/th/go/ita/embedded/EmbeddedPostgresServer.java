package th.go.ita.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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

    private final EmbeddedPostgres.Builder builder;
    private final int port;
    private EmbeddedPostgres postgres;
    private boolean running = true;

    private EmbeddedPostgresServer(EmbeddedPostgres.Builder builder, EmbeddedPostgres postgres) {
        this.builder = builder;
        this.postgres = postgres;
        this.port = postgres.getPort();
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
        return new EmbeddedPostgresServer(builder, builder.start());
    }

    /** Stops the server (a fast shutdown: sessions are cut, as in a database restart or crash). */
    public synchronized void stop() throws IOException {
        if (running) {
            running = false;
            postgres.close();
        }
    }

    /** Starts it again on the same data and port after {@link #stop()} (a server started with a data directory). */
    public synchronized void restart() throws IOException {
        builder.setPort(port);
        postgres = builder.start();
        running = true;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the database if it does not exist yet; safe to call on every start. */
    public void ensureDatabase(String database) throws SQLException {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Unsafe database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
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
        stop();
    }
}
