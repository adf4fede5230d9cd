package th.go.ita.launcher;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every table of a database, and a digest of its rows in a stable order: two equal digests, the same rows. */
public final class TableDigest {

    private TableDigest() {
    }

    /** Base tables outside PostgreSQL's own schemas, as {@code schema.table}. */
    static List<String> tables(Statement s) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables "
                + "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    static String quoted(String table) {
        int dot = table.indexOf('.');
        return "\"" + table.substring(0, dot).replace("\"", "\"\"") + "\".\""
                + table.substring(dot + 1).replace("\"", "\"\"") + "\"";
    }

    /** Row count and MD5 of all rows as text, sorted, per table. */
    public static Map<String, String> of(Connection c) throws SQLException {
        Map<String, String> digests = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            for (String table : tables(s)) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ' rows ' || coalesce(md5(string_agg(CAST(t AS text), "
                        + "E'\\n' ORDER BY CAST(t AS text))), '-') FROM " + quoted(table) + " t")) {
                    rs.next();
                    digests.put(table, rs.getString(1));
                }
            }
        }
        return digests;
    }
}
