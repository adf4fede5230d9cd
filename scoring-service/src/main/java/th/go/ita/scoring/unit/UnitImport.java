package th.go.ita.scoring.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import th.go.ita.platform.access.Caller;
import th.go.ita.platform.problem.Problem;
import th.go.ita.platform.reports.Table;
import th.go.ita.scoring.official.CsvImport;
import th.go.ita.scoring.official.OfficialResults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CSV import of a whole tree (parents before children, or already stored). Every line is checked
 * and every error reported by line; only a file without errors is applied, in one transaction.
 * An existing code is updated in place (names, type, counts); moving it is a separate action.
 *
 * <p>A national file is about 30,000 lines and must go through in one request, well inside the
 * transaction timeout: the stored units the file names are read in one query, the file is checked
 * in one pass in memory, and written in multi-row upserts, so no step costs a query per line.
 */
@ApplicationScoped
public class UnitImport {

    private static final Logger LOG = Logger.getLogger(UnitImport.class);

    public static final List<String> COLUMNS = List.of("code", "parent_code", "type", "name_th", "name_en",
            "staff_count", "service_population");

    public record Report(boolean dryRun, int lines, int created, int updated, List<Problem.FieldError> errors) {
    }

    /** What the checks and the events need of a stored unit. */
    private record Stored(String parentCode, String path, boolean active, boolean demo) {
    }

    /** A line that passed every check, with the path its unit has (or will have). */
    private record Row(UnitRequest request, String path, Stored stored) {
    }

    /** Rows per upsert statement: 8 parameters each, far below PostgreSQL's 32,767 per statement. */
    private static final int ROWS_PER_STATEMENT = 1000;

    @Inject
    Caller user;

    @Inject
    UnitEvents events;

    @Inject
    Validator validator;

    @Inject
    EntityManager em;

    @Transactional
    public Report run(String csv, boolean dryRun) {
        long t0 = System.nanoTime();
        OfficialResults.Errors errors = new OfficialResults.Errors();
        CsvImport.Lines table = CsvImport.withHeader(csv, COLUMNS, "unit-import-invalid", errors);
        int lines = table.count();
        Set<String> named = new HashSet<>();
        for (CsvImport.Line l : table.wellFormed()) {
            named.add(l.cells().get(0).strip());
            named.add(l.cells().get(1).strip());
        }
        Map<String, Stored> stored = stored(named);
        Map<String, Integer> inFile = new HashMap<>();
        // The path of every unit of the file, known once its line is read: a child's line comes after its parent's.
        Map<String, String> pathInFile = new HashMap<>();
        List<Row> valid = new ArrayList<>();
        for (CsvImport.Line l : table.wellFormed()) {
            List<String> r = l.cells();
            int line = l.number();
            String at = l.at();
            Integer staff = CsvImport.number(r.get(5), Integer::valueOf, at + "staff_count", errors);
            Integer population = CsvImport.number(r.get(6), Integer::valueOf, at + "service_population", errors);
            UnitRequest request = new UnitRequest(r.get(0).strip(), r.get(1).strip(), r.get(2).strip(),
                    Table.fromCsvText(r.get(3).strip()), Table.fromCsvText(r.get(4).strip()),
                    staff == null ? 0 : staff, population == null ? 0 : population);
            Set<ConstraintViolation<UnitRequest>> violations = validator.validate(request);
            for (ConstraintViolation<UnitRequest> v : violations) {
                errors.add(at + column(v.getPropertyPath().toString()), "official.invalid-value", v.getInvalidValue());
            }
            Integer earlier = inFile.putIfAbsent(request.code(), line);
            if (earlier != null) {
                errors.add(at + "code", "unit-import.duplicate", request.code(), String.valueOf(earlier));
                continue;
            }
            Stored existing = stored.get(request.code());
            String parent = request.parentCode();
            String path = null;
            if (existing != null) {
                if (!parent.equals(existing.parentCode() == null ? "" : existing.parentCode())) {
                    errors.add(at + "parent_code", "unit-import.parent-changed", request.code());
                }
                // The same rule as changing one unit: strictly below the caller's own.
                if (!mayChange(request.code(), existing.path(), false)) {
                    errors.add(at + "code", "unit-out-of-scope", request.code());
                }
                path = existing.path();
            } else if (parent.isEmpty()) {
                errors.add(at + "parent_code", "unit-import.parent-missing");
            } else if (stored.containsKey(parent)) {
                // A new unit under a stored one: the caller must be allowed below that parent.
                if (!mayChange(parent, stored.get(parent).path(), true)) {
                    errors.add(at + "code", "unit-out-of-scope", request.code());
                }
                path = Unit.childPath(stored.get(parent).path(), request.code());
            } else if (inFile.containsKey(parent) && !parent.equals(request.code())) {
                // Under a new unit of this file, whose own line was checked against the caller's scope.
                String parentPath = pathInFile.get(parent);
                path = parentPath == null ? null : Unit.childPath(parentPath, request.code());
            } else {
                errors.add(at + "parent_code", "unit-not-found", parent);
            }
            if (path != null) {
                pathInFile.put(request.code(), path);
            }
            if (violations.isEmpty() && path != null) {
                valid.add(new Row(request, path, existing));
            }
        }
        long checked = System.nanoTime();
        if (CsvImport.reportErrors(errors, dryRun, "unit-import-invalid")) {
            return new Report(true, lines, 0, 0, errors.list());
        }
        int updated = (int) valid.stream().filter(row -> row.stored() != null).count();
        int created = valid.size() - updated;
        if (!dryRun) {
            Set<String> changed = write(valid);
            long written = System.nanoTime();
            // Only what changed: the compacted topic already holds the current state of an untouched unit,
            // and a national file imported again should not make every consumer go through 30,000 units.
            events.upsertedAll(valid.stream().filter(row -> changed.contains(row.request().code()))
                    .map(UnitImport::announced).toList());
            LOG.infof("units import: %d lines checked in %d ms, written in %d ms, announced in %d ms", lines,
                    (checked - t0) / 1_000_000, (written - checked) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
        }
        return new Report(dryRun, lines, created, updated, List.of());
    }

    /** The same rule as {@link UnitService#requireBelowOwn}, on a unit already read. */
    private boolean mayChange(String code, String path, boolean ownAllowed) {
        return user.isSystemAdmin() || (user.isAreaAdminOver(path) && (ownAllowed || !user.isOwnUnit(code)));
    }

    /** The stored units among these codes, in one query. */
    private Map<String, Stored> stored(Set<String> codes) {
        Map<String, Stored> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        em.flush();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT code, parent_code, path, active, demo FROM unit WHERE code = ANY (?)")) {
                s.setArray(1, c.createArrayOf("varchar", codes.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), new Stored(rs.getString(2), rs.getString(3), rs.getBoolean(4),
                                rs.getBoolean(5)));
                    }
                }
            }
        });
        return found;
    }

    /**
     * New units inserted, stored ones updated where a figure or name differs (an unchanged unit keeps
     * its {@code updated_at}, as an entity left untouched would), in statements of many rows each.
     *
     * @return the codes inserted or changed
     */
    private Set<String> write(List<Row> rows) {
        Set<String> changed = new HashSet<>();
        em.flush();
        em.unwrap(Session.class).doWork(c -> {
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
                upsert(c, chunk, changed);
            }
        });
        // Units this transaction may have read as entities would no longer match their rows.
        em.clear();
        return changed;
    }

    /** Adds to {@code changed} the codes inserted or updated (not those left as they were). */
    private static void upsert(Connection c, List<Row> chunk, Set<String> changed) throws SQLException {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO unit (code, parent_code, path, type, name_th, name_en, staff_count, service_population)
                VALUES """);
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? " " : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
        }
        sql.append("""
                 ON CONFLICT (code) DO UPDATE SET type = EXCLUDED.type, name_th = EXCLUDED.name_th,
                    name_en = EXCLUDED.name_en, staff_count = EXCLUDED.staff_count,
                    service_population = EXCLUDED.service_population, updated_at = now()
                WHERE (unit.type, unit.name_th, unit.name_en, unit.staff_count, unit.service_population)
                    IS DISTINCT FROM (EXCLUDED.type, EXCLUDED.name_th, EXCLUDED.name_en, EXCLUDED.staff_count,
                                      EXCLUDED.service_population)
                RETURNING code
                """);
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int p = 0;
            for (Row row : chunk) {
                UnitRequest r = row.request();
                s.setString(++p, r.code());
                s.setString(++p, r.parentCode().isEmpty() ? null : r.parentCode());
                s.setString(++p, row.path());
                s.setString(++p, r.type());
                s.setString(++p, nameTh(r));
                String en = nameEn(r);
                if (en == null) {
                    s.setNull(++p, Types.VARCHAR);
                } else {
                    s.setString(++p, en);
                }
                s.setInt(++p, r.staffCount());
                s.setInt(++p, r.servicePopulation());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    changed.add(rs.getString(1));
                }
            }
        }
    }

    /** The unit as stored after the import, for its event on {@code ita.units}. */
    private static Unit announced(Row row) {
        UnitRequest r = row.request();
        Unit unit = new Unit();
        unit.code = r.code();
        unit.parentCode = r.parentCode().isEmpty() ? null : r.parentCode();
        unit.path = row.path();
        unit.type = r.type();
        unit.nameTh = nameTh(r);
        unit.nameEn = nameEn(r);
        unit.staffCount = r.staffCount();
        unit.servicePopulation = r.servicePopulation();
        unit.active = row.stored() == null || row.stored().active();
        unit.demo = row.stored() != null && row.stored().demo();
        return unit;
    }

    /** As {@link UnitService} stores a name. */
    private static String nameTh(UnitRequest r) {
        return r.nameTh().strip();
    }

    private static String nameEn(UnitRequest r) {
        return r.nameEn() == null || r.nameEn().isBlank() ? null : r.nameEn().strip();
    }

    /** The column of a {@link UnitRequest} property: its name in snake case ({@code parentCode}: {@code parent_code}). */
    private static String column(String property) {
        return property.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }
}
