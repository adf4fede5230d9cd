package th.go.ita.scoring.official;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import th.go.ita.scoring.engine.ScoreSheet;
import th.go.ita.scoring.engine.ScoringEngine;
import th.go.ita.scoring.framework.Framework;
import th.go.ita.scoring.framework.FrameworkVersion;
import th.go.ita.scoring.framework.FrameworkService;
import th.go.ita.platform.problem.Problem;
import th.go.ita.platform.problem.ProblemMessages;
import th.go.ita.platform.outbox.Outbox;
import th.go.ita.scoring.score.UnitScores;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Checks and stores official results; the same rules for one entry and for every line of an import. */
@ApplicationScoped
public class OfficialResults {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    FrameworkService frameworks;

    @Inject
    Outbox outbox;

    /** Official figures of a unit's year on {@code scores.changed}: they win over every computed sheet downstream. */
    public record OfficialResultChanged(String unitCode, int fiscalYear, String frameworkId, Integer frameworkVersion,
                                        BigDecimal total, String rating, boolean passed, String source,
                                        Map<String, BigDecimal> instruments, Map<String, BigDecimal> indicators) {
    }

    public static final String CHANGED = "OfficialResultChanged";

    /** Collects errors for one entry under a prefix such as "line 3: ". */
    public static final class Errors {
        final List<Problem.FieldError> list = new ArrayList<>();

        public void add(String field, String key, Object... args) {
            list.add(new Problem.FieldError(field, ProblemMessages.en(key, args), ProblemMessages.th(key, args),
                    ProblemMessages.en(key, args)));
        }

        public List<Problem.FieldError> list() {
            return list;
        }
    }

    /** @return the figures to store, or null when {@code errors} received at least one error */
    public OfficialResultView check(String unitCode, int fiscalYear, OfficialEntry e, String at, Errors errors) {
        int before = errors.list.size();
        if (fiscalYear < 2540 || fiscalYear > 2700) {
            errors.add(at + "fiscalYear", "official.year-invalid", String.valueOf(fiscalYear));
        }
        if (e.source() == null || e.source().isBlank()) {
            errors.add(at + "source", "official.source-missing");
        }
        Map<String, BigDecimal> indicators = e.indicators() == null ? Map.of() : e.indicators();
        for (Map.Entry<String, BigDecimal> i : indicators.entrySet()) {
            if (i.getValue() == null || i.getValue().signum() < 0 || i.getValue().compareTo(HUNDRED) > 0) {
                errors.add(at + "indicators." + i.getKey(), "official.score-out-of-range");
            }
        }
        if (e.total() != null && (e.total().signum() < 0 || e.total().compareTo(HUNDRED) > 0)) {
            errors.add(at + "total", "official.score-out-of-range");
        }
        if (e.frameworkId() == null || e.frameworkId().isBlank()) {
            if (e.total() == null || e.rating() == null || e.rating().isBlank() || e.passed() == null) {
                errors.add(at + "total", "official.figures-missing");
            }
            if (!indicators.isEmpty()) {
                errors.add(at + "indicators", "official.indicators-need-framework");
            }
            if (errors.list.size() > before) {
                return null;
            }
            return new OfficialResultView(unitCode, fiscalYear, null, null, Map.of(), Map.of(),
                    e.total().setScale(2, RoundingMode.HALF_UP), e.rating().strip(), e.passed(), e.source().strip());
        }
        int version = e.frameworkVersion() == null ? 1 : e.frameworkVersion();
        FrameworkVersion stored = FrameworkVersion.find(e.frameworkId(), version);
        if (stored == null) {
            errors.add(at + "frameworkId", "framework-not-found", e.frameworkId(), String.valueOf(version));
            return null;
        }
        if (stored.fiscalYear != fiscalYear) {
            errors.add(at + "fiscalYear", "round-year-mismatch", String.valueOf(fiscalYear), e.frameworkId(),
                    String.valueOf(stored.fiscalYear));
        }
        Framework framework = frameworks.framework(e.frameworkId(), version);
        Set<String> expected = framework.instruments().stream().flatMap(i -> i.indicators().stream())
                .map(Framework.Indicator::code).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!expected.equals(new java.util.TreeSet<>(indicators.keySet()))) {
            errors.add(at + "indicators", "official.indicators-incomplete", String.join(", ", expected));
        }
        if (errors.list.size() > before) {
            return null;
        }
        int scale = framework.rounding().indicatorScale();
        Map<String, BigDecimal> scaled = new TreeMap<>();
        indicators.forEach((k, v) -> scaled.put(k, v.setScale(scale, framework.rounding().mode())));
        ScoreSheet sheet = ScoringEngine.fromIndicators(framework, scaled);
        if (e.total() != null && e.total().compareTo(sheet.total()) != 0) {
            errors.add(at + "total", "official.total-mismatch", e.total().toPlainString(), sheet.total().toPlainString());
        }
        if (e.rating() != null && !e.rating().isBlank() && !e.rating().strip().equals(sheet.rating())) {
            errors.add(at + "rating", "official.rating-mismatch", e.rating(), sheet.rating());
        }
        if (e.passed() != null && e.passed() != sheet.passed()) {
            errors.add(at + "passed", "official.passed-mismatch", String.valueOf(sheet.passed()));
        }
        if (errors.list.size() > before) {
            return null;
        }
        Map<String, BigDecimal> ordered = new LinkedHashMap<>(sheet.indicators());
        return new OfficialResultView(unitCode, fiscalYear, e.frameworkId(), version, ordered, sheet.instruments(),
                sheet.total(), sheet.rating(), sheet.passed(), e.source().strip());
    }

    /** @return true when a row was written (a new one, or one whose figures changed); then also announced on {@code scores.changed} */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean store(OfficialResultView r, String enteredBy, boolean overwrite) {
        boolean written = em.createNativeQuery("""
                INSERT INTO official_result (unit_code, fiscal_year, framework_id, framework_version, indicators,
                                             instruments, total, rating, passed, source, entered_by)
                VALUES (:unit, :year, :fid, :fv, CAST(:indicators AS jsonb), CAST(:instruments AS jsonb), :total,
                        :rating, :passed, :source, :by)
                ON CONFLICT (unit_code, fiscal_year) DO
                """ + (overwrite ? """
                UPDATE SET framework_id = EXCLUDED.framework_id, framework_version = EXCLUDED.framework_version,
                    indicators = EXCLUDED.indicators, instruments = EXCLUDED.instruments, total = EXCLUDED.total,
                    rating = EXCLUDED.rating, passed = EXCLUDED.passed, source = EXCLUDED.source,
                    entered_by = EXCLUDED.entered_by, entered_at = now()
                """ : "NOTHING"))
                .setParameter("unit", r.unitCode()).setParameter("year", r.fiscalYear())
                .setParameter("fid", r.frameworkId()).setParameter("fv", r.frameworkVersion())
                .setParameter("indicators", write(r.indicators())).setParameter("instruments", write(r.instruments()))
                .setParameter("total", r.total()).setParameter("rating", r.rating()).setParameter("passed", r.passed())
                .setParameter("source", r.source()).setParameter("by", enteredBy)
                .executeUpdate() > 0;
        if (written) {
            // activity-service's PDCA loop must follow the official figures, not a partial computed sheet.
            outbox.add(UnitScores.TOPIC, r.unitCode(), CHANGED, r.unitCode(), null, new OfficialResultChanged(
                    r.unitCode(), r.fiscalYear(), r.frameworkId(), r.frameworkVersion(), r.total(), r.rating(),
                    r.passed(), r.source(), r.instruments(), r.indicators()));
        }
        return written;
    }

    @SuppressWarnings("unchecked")
    public List<OfficialResultView> of(String unitCode, Integer fiscalYear) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT unit_code, fiscal_year, framework_id, framework_version, CAST(indicators AS text),
                       CAST(instruments AS text), total, rating, passed, source
                FROM official_result WHERE unit_code = :unit AND (CAST(:year AS integer) IS NULL OR fiscal_year = :year)
                ORDER BY fiscal_year
                """).setParameter("unit", unitCode).setParameter("year", fiscalYear).getResultList();
        return rows.stream().map(r -> new OfficialResultView((String) r[0], ((Number) r[1]).intValue(), (String) r[2],
                r[3] == null ? null : ((Number) r[3]).intValue(), figures((String) r[4]), figures((String) r[5]),
                (BigDecimal) r[6], (String) r[7], (Boolean) r[8], (String) r[9])).toList();
    }

    /** The rating label of a stored rating code under a framework, for display. */
    public Map<String, String> label(Framework framework, String code) {
        Framework.Rating rating = framework == null ? null : framework.rating();
        Stream<Map<String, String>> bands = rating == null || rating.bands() == null ? Stream.empty()
                : rating.bands().stream().filter(b -> b.code().equals(code)).map(Framework.Band::label);
        Stream<Map<String, String>> levels = rating == null || rating.levels() == null ? Stream.empty()
                : rating.levels().stream().filter(l -> l.code().equals(code)).map(Framework.Level::label);
        return Stream.concat(bands, levels).findFirst().orElse(Map.of("th", code, "en", code));
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stored figures (indicators or instruments, as JSON) by code, in the sheet's order. */
    public Map<String, BigDecimal> figures(String json) {
        try {
            Map<String, BigDecimal> map = mapper.readValue(json, new TypeReference<LinkedHashMap<String, BigDecimal>>() {
            });
            return sortedByCode(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Indicator codes in the sheet's order (1, 2, … 10 rather than 1, 10, 2). */
    static Map<String, BigDecimal> sortedByCode(Map<String, BigDecimal> map) {
        Map<String, BigDecimal> sorted = new TreeMap<>((a, b) -> {
            try {
                return new BigDecimal(a).compareTo(new BigDecimal(b));
            } catch (NumberFormatException e) {
                return a.compareTo(b);
            }
        });
        sorted.putAll(map);
        return new LinkedHashMap<>(sorted);
    }

}
