package th.go.ita.platform.testing;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a service has stored, table by table: the row count and a hash of every row's text, read in
 * one statement through the service's own datasource. Two snapshots around a request that was
 * refused must be equal: a 4xx that stored half of something is a fault a person would find later
 * as a row nobody sent.
 *
 * <p>The outbox and the inbox are left out: the relay marks and removes published events and the
 * consumers record what they read on their own time, so those tables move without any request. A
 * refused request that wrote an event would also have written the domain row it is about.
 */
public final class TableSnapshot {

    /** Tables that change without a request (the platform's outbox relay and event consumers, migrations). */
    public static final Set<String> MOVED_IN_THE_BACKGROUND = Set.of("outbox_event", "processed_event",
            "flyway_schema_history");

    private final DataSource dataSource;
    private final String query;
    private long nanos;

    private TableSnapshot(DataSource dataSource, String query) {
        this.dataSource = dataSource;
        this.query = query;
    }

    /** The service's own datasource, or null when the service under test has none. */
    public static TableSnapshot ofThisService() {
        try (InstanceHandle<DataSource> handle = Arc.container().instance(DataSource.class)) {
            if (!handle.isAvailable()) {
                return null;
            }
            return of(handle.get(), MOVED_IN_THE_BACKGROUND);
        }
    }

    static TableSnapshot of(DataSource dataSource, Set<String> leftOut) {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT table_schema, table_name FROM information_schema.tables"
                     + " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')"
                     + " ORDER BY 1, 2")) {
            while (r.next()) {
                if (!leftOut.contains(r.getString(2))) {
                    tables.add(quote(r.getString(1)) + "." + quote(r.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the service's tables", e);
        }
        if (tables.isEmpty()) {
            return null;
        }
        StringBuilder sql = new StringBuilder();
        for (String table : tables) {
            if (!sql.isEmpty()) {
                sql.append(" UNION ALL ");
            }
            // Rows ordered by their text, so the hash does not depend on the order PostgreSQL reads them in.
            sql.append("SELECT '").append(table.replace("'", "''")).append("', count(*), ")
                    .append("md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM ").append(table).append(" t");
        }
        return new TableSnapshot(dataSource, sql.toString());
    }

    /** Table name → "rows:hash". */
    public Map<String, String> take() {
        long started = System.nanoTime();
        Map<String, String> state = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                state.put(r.getString(1), r.getLong(2) + ":" + r.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the service's tables", e);
        }
        nanos += System.nanoTime() - started;
        return state;
    }

    /** Time spent taking snapshots so far. */
    public double seconds() {
        return nanos / 1e9;
    }

    /** The tables whose rows differ between two snapshots, with their row counts before → after. */
    public static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new TreeSet<>();
        for (Map.Entry<String, String> table : after.entrySet()) {
            String was = before.get(table.getKey());
            if (!table.getValue().equals(was)) {
                changed.add(table.getKey() + " (rows " + rows(was) + " → " + rows(table.getValue()) + ")");
            }
        }
        return changed;
    }

    private static String rows(String state) {
        return state == null ? "none" : state.substring(0, state.indexOf(':'));
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
