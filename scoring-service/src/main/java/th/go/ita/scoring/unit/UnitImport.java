package th.go.ita.scoring.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import th.go.ita.platform.reports.Table;
import th.go.ita.scoring.official.CsvImport;
import th.go.ita.scoring.official.OfficialResults;
import th.go.ita.platform.problem.Problem;
import th.go.ita.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CSV import of a whole tree (parents before children, or already stored). Every line is checked
 * and every error reported by line; only a file without errors is applied, in one transaction.
 * An existing code is updated in place (names, type, counts); moving it is a separate action.
 */
@ApplicationScoped
public class UnitImport {

    public static final List<String> COLUMNS = List.of("code", "parent_code", "type", "name_th", "name_en",
            "staff_count", "service_population");

    public record Report(boolean dryRun, int lines, int created, int updated, List<Problem.FieldError> errors) {
    }

    @Inject
    UnitService units;

    @Inject
    Validator validator;

    @Inject
    jakarta.persistence.EntityManager em;

    /** Units written between two flushes of the session, which is emptied then (see {@link #run}). */
    private static final int CHUNK = 250;

    @Transactional
    public Report run(String csv, boolean dryRun) {
        OfficialResults.Errors errors = new OfficialResults.Errors();
        CsvImport.Lines table = CsvImport.withHeader(csv, COLUMNS, "unit-import-invalid", errors);
        Map<String, Integer> inFile = new HashMap<>();
        List<UnitRequest> valid = new ArrayList<>();
        int lines = table.count();
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
            Unit existing = Unit.findById(request.code());
            String parent = request.parentCode();
            if (existing != null) {
                if (!parent.equals(existing.parentCode == null ? "" : existing.parentCode)) {
                    errors.add(at + "parent_code", "unit-import.parent-changed", request.code());
                }
            } else if (parent.isEmpty()) {
                errors.add(at + "parent_code", "unit-import.parent-missing");
            } else if (!inFile.containsKey(parent) && Unit.findById(parent) == null) {
                errors.add(at + "parent_code", "unit-not-found", parent);
            }
            String scopeCheck = existing != null ? request.code() : (inFile.containsKey(parent) && Unit.findById(parent) == null ? null : parent);
            if (scopeCheck != null && !parent.isEmpty()) {
                try {
                    units.requireBelowOwn(scopeCheck, existing == null);
                } catch (ProblemException e) {
                    errors.add(at + "code", "unit-out-of-scope", request.code());
                }
            }
            if (violations.isEmpty()) {
                valid.add(request);
            }
        }
        if (CsvImport.reportErrors(errors, dryRun, "unit-import-invalid")) {
            return new Report(true, lines, 0, 0, errors.list());
        }
        int created = 0;
        int updated = 0;
        // Each unit's event is a query, and a query flushes the session first: with every unit of a
        // national file left managed, each flush would check all of them, and the import's cost grow
        // with the square of its lines. Emptied now (nothing was changed yet) and after each chunk.
        em.clear();
        int sinceFlush = 0;
        for (UnitRequest request : valid) {
            if (++sinceFlush > CHUNK) {
                em.flush();
                em.clear();
                sinceFlush = 1;
            }
            boolean exists = Unit.findById(request.code()) != null;
            if (dryRun) {
                created += exists ? 0 : 1;
                updated += exists ? 1 : 0;
            } else if (exists) {
                units.update(request.code(), request);
                updated++;
            } else {
                units.create(request);
                created++;
            }
        }
        return new Report(dryRun, lines, created, updated, List.of());
    }

    /** The column of a {@link UnitRequest} property: its name in snake case ({@code parentCode}: {@code parent_code}). */
    private static String column(String property) {
        return property.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }
}
