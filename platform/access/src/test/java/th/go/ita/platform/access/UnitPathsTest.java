package th.go.ita.platform.access;

import jakarta.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import th.go.ita.embedded.EmbeddedPostgresServer;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The subtree patterns, run by real PostgreSQL: an area's `_` must not match any one character. */
class UnitPathsTest {

    private static EmbeddedPostgresServer postgres;
    private static Connection db;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgresServer.start(Files.createTempDirectory("ita-access-pg").resolve("data"), 0);
        db = DriverManager.getConnection(postgres.jdbcUrl("postgres"), EmbeddedPostgresServer.USER, "");
        try (var s = db.createStatement()) {
            s.execute("CREATE TABLE unit (code TEXT PRIMARY KEY, path TEXT NOT NULL)");
            s.execute("""
                    INSERT INTO unit VALUES ('R', '/R/'), ('A_1', '/R/A_1/'), ('A_1-S1', '/R/A_1/A_1-S1/'),
                      ('AB1', '/R/AB1/'), ('AB1-S1', '/R/AB1/AB1-S1/'), ('A%', '/R/A%/'), ('AZZ', '/R/AZZ/')""");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        db.close();
        postgres.close();
    }

    @Test
    void anUnderscoreInAnAreaCodeMatchesOnlyItselfInTheSubtreePattern() throws Exception {
        assertEquals(List.of("A_1", "A_1-S1"), codes("path LIKE ? ESCAPE '!'", UnitPaths.subtreePattern("/R/A_1/")));
        assertEquals(List.of("A_1", "A_1-S1"), codes("path LIKE ? ESCAPE '!'", UnitPaths.throughPattern("A_1")));
    }

    @Test
    void aPercentSignInACodeIsNoWildcardEither() throws Exception {
        assertEquals(List.of("A%"), codes("path LIKE ? ESCAPE '!'", UnitPaths.subtreePattern("/R/A%/")));
    }

    @Test
    void withinMeansTheUnitItselfOrBelowItNeverASiblingWithASimilarCode() {
        assertTrue(UnitPaths.isWithin("/R/A_1/A_1-S1/", "A_1"));
        assertTrue(UnitPaths.isWithin("/R/A_1/", "A_1"));
        assertFalse(UnitPaths.isWithin("/R/AB1/AB1-S1/", "A_1"));
        assertFalse(UnitPaths.isWithin("/R/A_1X/", "A_1"));
        assertFalse(UnitPaths.isWithin(null, "A_1"));
    }

    @Test
    void theUnitClaimIsReadAsTextWhetherItComesAsJsonOrAsAPlainString() {
        assertEquals("KALASIN2", Caller.unitCodeOf(Json.createValue("KALASIN2")));
        assertEquals("KALASIN2", Caller.unitCodeOf("KALASIN2"));
        assertEquals("A\"1", Caller.unitCodeOf(Json.createValue("A\"1")), "a quote inside a code is kept");
        assertNull(Caller.unitCodeOf(Json.createValue(" ")));
        assertNull(Caller.unitCodeOf(null));
        assertNull(Caller.unitCodeOf(Json.createValue(3)), "a number is no unit code");
    }

    private static List<String> codes(String where, String pattern) throws Exception {
        try (PreparedStatement q = db.prepareStatement("SELECT code FROM unit WHERE " + where + " ORDER BY code")) {
            q.setString(1, pattern);
            List<String> codes = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            return codes;
        }
    }
}
