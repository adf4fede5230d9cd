package th.go.ita.scoring.official;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import th.go.ita.platform.access.Caller;
import th.go.ita.platform.problem.Problem;
import th.go.ita.scoring.unit.Unit;
import th.go.ita.scoring.unit.UnitScope;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV (or XLSX) import of official results. Every line is checked first and every error reported with its
 * line number; only a file without errors is applied, in one transaction.
 */
@ApplicationScoped
public class OfficialImport {

    public static final List<String> COLUMNS = List.of("unit_code", "fiscal_year", "framework_id",
            "framework_version", "indicators", "total", "rating", "passed", "source");

    public record Report(boolean dryRun, int lines, int written, List<Problem.FieldError> errors) {
    }

    @Inject
    OfficialResults results;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    UnitScope scope;

    @Inject
    Caller user;

    @Transactional
    public Report run(String csv, boolean dryRun) {
        OfficialResults.Errors errors = new OfficialResults.Errors();
        return run(CsvImport.withHeader(csv, COLUMNS, "official-import-invalid", errors), errors, dryRun);
    }

    /** The same import from the first sheet of an XLSX workbook whose first row is the header; rows count as lines. */
    @Transactional
    public Report runXlsx(byte[] workbook, boolean dryRun) {
        OfficialResults.Errors errors = new OfficialResults.Errors();
        return run(Xlsx.withHeader(workbook, COLUMNS, "official-import-invalid", errors), errors, dryRun);
    }

    private Report run(CsvImport.Lines table, OfficialResults.Errors errors, boolean dryRun) {
        List<OfficialResultView> valid = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int lines = table.count();
        for (CsvImport.Line l : table.wellFormed()) {
            List<String> r = l.cells();
            int line = l.number();
            String at = l.at();
            String unitCode = r.get(0).strip();
            Unit unit = Unit.findById(unitCode);
            if (unit == null) {
                errors.add(at + "unit_code", "official.unit-unknown", unitCode);
                continue;
            }
            boolean covered = scope.covers(unit);
            // Read only: left managed, every unit of a national file would be dirty-checked at each
            // later query's flush, and the import's cost would grow with the square of its lines.
            em.detach(unit);
            if (!covered) {
                errors.add(at + "unit_code", "official.unit-out-of-scope", unitCode);
                continue;
            }
            Integer year = CsvImport.number(r.get(1), Integer::valueOf, at + "fiscal_year", errors);
            OfficialEntry entry = entry(r, at, errors);
            if (year == null) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(unitCode + "@" + year, line);
            if (earlier != null) {
                errors.add(at + "unit_code", "official.duplicate-line", String.valueOf(earlier));
                continue;
            }
            OfficialResultView view = results.check(unitCode, year, entry, at, errors);
            if (view != null) {
                valid.add(view);
            }
        }
        if (CsvImport.reportErrors(errors, dryRun, "official-import-invalid")) {
            return new Report(true, lines, 0, errors.list());
        }
        int written = 0;
        if (!dryRun) {
            for (OfficialResultView view : valid) {
                written += results.store(view, user.username(), true) ? 1 : 0;
            }
        }
        return new Report(dryRun, lines, written, List.of());
    }

    /**
     * The figures of a line in {@link #COLUMNS} (all but unit and year), indicators as
     * {@code "1=91.78;2=97.01;…"}; a cell that is not a number is reported in {@code errors}.
     */
    public static OfficialEntry entry(List<String> r, String at, OfficialResults.Errors errors) {
        Integer version = r.get(3).isBlank() ? null
                : CsvImport.number(r.get(3), Integer::valueOf, at + "framework_version", errors);
        BigDecimal total = r.get(5).isBlank() ? null : CsvImport.number(r.get(5), BigDecimal::new, at + "total", errors);
        Map<String, BigDecimal> indicators = new LinkedHashMap<>();
        for (String pair : r.get(4).split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            BigDecimal v = CsvImport.number(kv.length == 2 ? kv[1] : "", BigDecimal::new,
                    at + "indicators." + kv[0].strip(), errors);
            indicators.put(kv[0].strip(), v);
        }
        String passed = r.get(7).strip().toLowerCase();
        Boolean pass = passed.isEmpty() ? null : Boolean.valueOf("true".equals(passed) || "yes".equals(passed) || "ผ่าน".equals(passed));
        return new OfficialEntry(r.get(2).isBlank() ? null : r.get(2).strip(), version,
                indicators.containsValue(null) ? Map.of() : indicators, total,
                r.get(6).isBlank() ? null : r.get(6).strip(), pass, r.get(8));
    }
}
