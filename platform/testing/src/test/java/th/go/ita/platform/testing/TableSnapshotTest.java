package th.go.ita.platform.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import th.go.ita.embedded.EmbeddedPostgresServer;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the hostile-input run relies on to see a refused request that stored something anyway. */
class TableSnapshotTest {

    private static EmbeddedPostgresServer postgres;
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgresServer.start(Files.createTempDirectory("ita-snapshot-pg").resolve("data"), 0);
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl("postgres"));
        dataSource.setUser(EmbeddedPostgresServer.USER);
        sql("CREATE TABLE unit (code TEXT PRIMARY KEY, name TEXT)",
                "CREATE TABLE outbox_event (id BIGSERIAL PRIMARY KEY, published BOOLEAN)",
                "INSERT INTO unit VALUES ('A', 'หนึ่ง'), ('B', 'สอง')");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void aRowAddedOrChangedInPlaceIsSeenAndTheOutboxIsLeftOut() throws Exception {
        TableSnapshot tables = TableSnapshot.of(dataSource, TableSnapshot.MOVED_IN_THE_BACKGROUND);
        Map<String, String> before = tables.take();
        assertEquals(Set.of(), TableSnapshot.changed(before, tables.take()), "nothing done, nothing changed");

        sql("INSERT INTO outbox_event (published) VALUES (false)");
        assertEquals(Set.of(), TableSnapshot.changed(before, tables.take()), "the relay's table moves on its own");

        sql("INSERT INTO unit VALUES ('C', 'half stored')");
        assertEquals(Set.of("\"public\".\"unit\" (rows 2 → 3)"), TableSnapshot.changed(before, tables.take()));

        Map<String, String> three = tables.take();
        sql("UPDATE unit SET name = 'สาม' WHERE code = 'C'");
        assertEquals(Set.of("\"public\".\"unit\" (rows 3 → 3)"), TableSnapshot.changed(three, tables.take()),
                "the same number of rows, one of them different");
        assertTrue(tables.seconds() > 0);
    }

    private static void sql(String... statements) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
