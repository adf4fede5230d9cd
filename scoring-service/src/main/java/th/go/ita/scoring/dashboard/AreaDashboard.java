package th.go.ita.scoring.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import th.go.ita.platform.access.UnitPaths;
import th.go.ita.scoring.framework.Framework;
import th.go.ita.scoring.framework.FrameworkService;
import th.go.ita.scoring.engine.RatingExplanation;
import th.go.ita.scoring.official.PublicResultResource;
import th.go.ita.scoring.framework.FrameworkVersion;
import th.go.ita.scoring.result.UnitResults;
import th.go.ita.scoring.unit.Unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An area's results for a fiscal year: every active unit of the subtree with its result as
 * {@link UnitResults} chooses it (official, else a published round's complete sheet; a running round's
 * sheet is listed as provisional, unranked and left out of every figure), the distribution by rating with the pass
 * line, the pass rate, the mean of each indicator, the ranking and the weakest indicators. One
 * indexed prefix scan over the tree summed in PostgreSQL, and one for the top of the ranking.
 */
@ApplicationScoped
public class AreaDashboard {

    public record UnitRow(int rank, String code, String nameTh, String type, String parentCode, BigDecimal total,
                          String rating, Boolean passed, boolean provisional, String source,
                          Map<String, BigDecimal> indicators, Map<String, String> ratingWhy) {
        UnitRow ranked(int rank) {
            return new UnitRow(rank, code, nameTh, type, parentCode, total, rating, passed, provisional, source, indicators, ratingWhy);
        }
    }

    public record Band(String code, Map<String, String> label, BigDecimal min, long count) {
    }

    public record IndicatorMean(String code, String instrument, Map<String, String> name, BigDecimal mean, long units) {
    }

    /**
     * {@code unitsWithScore} counts official and published results only; {@code unitsProvisional} the units
     * with only a running round's sheet. {@code units} holds at most the requested number of rows (the top of the ranking; unscored units last). */
    public record View(String unitCode, String unitNameTh, int fiscalYear, String frameworkId, Integer frameworkVersion,
                       int unitsTotal, int unitsWithScore, int unitsProvisional, long passed, BigDecimal passRate, BigDecimal passMark,
                       List<Band> distribution, List<IndicatorMean> indicators, List<IndicatorMean> weakestIndicators,
                       List<UnitRow> units, List<RatingExplanation.Step> ratingScheme) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    FrameworkService frameworks;

    /**
     * Every active unit of the subtree with the figures the dashboard shows, chosen by
     * {@link UnitResults}' rule: official, else a published round's complete sheet, else a running
     * round's sheet, marked provisional (listed after the ranking, never counted). {@code counted} marks
     * the rows every figure is made of. {@code indicators} stays jsonb so that PostgreSQL can sum it.
     */
    private static final String BASE = """
            SELECT u.code, u.name_th, u.type, u.parent_code,
                   COALESCE(o.total, s.total) AS total, COALESCE(o.rating, s.rating) AS rating,
                   COALESCE(o.passed, s.passed) AS passed,
                   (o.unit_code IS NULL AND s.state IS NOT NULL AND s.state <> 'PUBLISHED') AS provisional,
                   CASE WHEN o.unit_code IS NOT NULL THEN 'OFFICIAL' WHEN s.state = 'PUBLISHED' THEN 'COMPUTED'
                        WHEN s.unit_code IS NOT NULL THEN 'PROVISIONAL' END AS source,
                   COALESCE(NULLIF(o.indicators, '{}'::jsonb), s.indicators) AS indicators,
                   COALESCE(o.framework_id, s.framework_id) || '@' || COALESCE(o.framework_version, s.framework_version) AS fw
            FROM unit u
            LEFT JOIN official_result o ON o.unit_code = u.code AND o.fiscal_year = :year
            LEFT JOIN LATERAL (SELECT x.*, r.state FROM unit_score x JOIN assessment_round r ON r.id = x.round_id
                               WHERE x.unit_code = u.code AND x.fiscal_year = :year AND """ + " " + UnitResults.SHEET_CANDIDATE
            + " ORDER BY " + UnitResults.SHEET_ORDER + """
             LIMIT 1) s ON o.unit_code IS NULL
            WHERE u.path LIKE :prefix ESCAPE '!' AND u.active
            """;

    private static final String COUNTED = "(total IS NOT NULL AND NOT provisional)";

    /**
     * The whole subtree is summed in PostgreSQL in one statement (counts, ratings, the framework
     * most units were assessed under, exact indicator sums), and only the requested top of the
     * ranking comes back as rows: a national tree of 30,000 units is not carried into memory.
     */
    @SuppressWarnings("unchecked")
    public View of(Unit root, int fiscalYear, int limit) {
        String prefix = UnitPaths.subtreePattern(root.path);
        List<Object[]> figures = em.createNativeQuery("WITH base AS MATERIALIZED (" + BASE + ")\n"
                + "SELECT 'units', CAST(NULL AS text), count(*), count(*) FILTER (WHERE " + COUNTED + "), "
                + "  CAST(count(*) FILTER (WHERE provisional) AS numeric) FROM base\n"
                + "UNION ALL SELECT 'passed', NULL, count(*), NULL, NULL FROM base WHERE " + COUNTED + " AND passed\n"
                + "UNION ALL SELECT 'fw', fw, count(*), NULL, NULL FROM base WHERE fw IS NOT NULL AND NOT provisional GROUP BY fw\n"
                + "UNION ALL SELECT 'rating', rating, count(*), NULL, max(total) FROM base\n"
                + "          WHERE " + COUNTED + " AND rating IS NOT NULL GROUP BY rating\n"
                + "UNION ALL SELECT 'indicator', e.key, count(e.value), NULL, sum(CAST(e.value AS numeric))\n"
                + "          FROM base, jsonb_each_text(base.indicators) e WHERE " + COUNTED + " GROUP BY e.key")
                .setParameter("year", fiscalYear).setParameter("prefix", prefix).getResultList();
        int unitsTotal = 0;
        int unitsWithScore = 0;
        int unitsProvisional = 0;
        long passed = 0;
        Map<String, Long> frameworkUnits = new LinkedHashMap<>();
        List<Object[]> ratingRows = new ArrayList<>();
        Map<String, BigDecimal> indicatorSums = new LinkedHashMap<>();
        Map<String, Long> indicatorUnits = new LinkedHashMap<>();
        for (Object[] f : figures) {
            String key = (String) f[1];
            long n = ((Number) f[2]).longValue();
            switch ((String) f[0]) {
                case "units" -> {
                    unitsTotal = (int) n;
                    unitsWithScore = ((Number) f[3]).intValue();
                    unitsProvisional = ((Number) f[4]).intValue();
                }
                case "passed" -> passed = n;
                case "fw" -> frameworkUnits.put(key, n);
                case "rating" -> ratingRows.add(f);
                case "indicator" -> {
                    indicatorUnits.put(key, n);
                    indicatorSums.put(key, (BigDecimal) f[4]);
                }
                default -> throw new IllegalStateException((String) f[0]);
            }
        }
        // Bands the framework does not name are listed in the order of their best unit, as the ranking meets them.
        ratingRows.sort(Comparator.comparing((Object[] r) -> (BigDecimal) r[4]).reversed().thenComparing(r -> (String) r[1]));
        Map<String, Long> ratingCounts = new LinkedHashMap<>();
        ratingRows.forEach(r -> ratingCounts.put((String) r[1], ((Number) r[2]).longValue()));

        // The ranked units (equal totals share a rank), then the provisional ones unranked, then those without a figure.
        List<Object[]> top = em.createNativeQuery("SELECT code, name_th, type, parent_code, total, rating, passed, provisional, source, "
                        + "CAST(indicators AS text), fw, CASE WHEN " + COUNTED + " THEN rank() OVER (PARTITION BY " + COUNTED
                        + " ORDER BY total DESC) ELSE 0 END FROM (" + BASE + ") b "
                        + "ORDER BY CASE WHEN " + COUNTED + " THEN 0 WHEN provisional THEN 1 ELSE 2 END, total DESC NULLS LAST, code "
                        + "LIMIT :limit")
                .setParameter("year", fiscalYear).setParameter("prefix", prefix).setParameter("limit", limit)
                .getResultList();
        List<UnitRow> ranked = new ArrayList<>(top.size());
        for (Object[] r : top) {
            Map<String, BigDecimal> unitIndicators = indicators(r[9] == null ? null : r[9].toString());
            // Each row explained under its own edition (a tree may mix editions within a year).
            RatingExplanation why = r[10] == null ? null : PublicResultResource.explanation(
                    framework((String) r[10], fiscalYear), unitIndicators, (BigDecimal) r[4], (String) r[5]);
            ranked.add(new UnitRow(((Number) r[11]).intValue(), (String) r[0], (String) r[1], (String) r[2], (String) r[3],
                    (BigDecimal) r[4], (String) r[5], (Boolean) r[6], Boolean.TRUE.equals(r[7]), (String) r[8],
                    unitIndicators, why == null ? null : why.text()));
        }
        String frameworkKey = null;
        for (Map.Entry<String, Long> e : frameworkUnits.entrySet()) {
            long best = frameworkKey == null ? -1 : frameworkUnits.get(frameworkKey);
            if (e.getValue() > best || (e.getValue() == best && e.getKey().compareTo(frameworkKey) < 0)) {
                frameworkKey = e.getKey();
            }
        }
        Framework framework = framework(frameworkKey, fiscalYear);
        BigDecimal passRate = unitsWithScore == 0 ? null : BigDecimal.valueOf(passed * 100)
                .divide(BigDecimal.valueOf(unitsWithScore), 2, RoundingMode.HALF_UP);
        List<IndicatorMean> means = indicatorMeans(framework, indicatorSums, indicatorUnits);
        List<IndicatorMean> weakest = means.stream().filter(m -> m.mean() != null)
                .sorted(Comparator.comparing(IndicatorMean::mean)).limit(3).toList();
        return new View(root.code, root.nameTh, fiscalYear, framework == null ? null : framework.id(),
                framework == null ? null : framework.version(), unitsTotal, unitsWithScore, unitsProvisional, passed, passRate,
                framework == null ? null : passMark(framework), distribution(framework, ratingCounts), means, weakest,
                ranked, framework == null ? null : RatingExplanation.scheme(framework));
    }

    /** The framework most of the units were assessed under ({@code id@version} keys), else any of the year. */
    private Framework framework(String key, int fiscalYear) {
        if (key != null) {
            String[] parts = key.split("@");
            return frameworks.framework(parts[0], Integer.parseInt(parts[1]));
        }
        FrameworkVersion any = FrameworkVersion.<FrameworkVersion>list("fiscalYear = ?1 order by id, version desc", fiscalYear)
                .stream().findFirst().orElse(null);
        return any == null ? null : frameworks.framework(any.id, any.version);
    }

    private static BigDecimal passMark(Framework f) {
        if (f.rating().passMark() != null) {
            return f.rating().passMark();
        }
        return f.rating().levels().stream().filter(Framework.Level::passed).map(Framework.Level::minTotal)
                .min(BigDecimal::compareTo).orElse(null);
    }

    private static List<Band> distribution(Framework f, Map<String, Long> counts) {
        List<Band> bands = new ArrayList<>();
        if (f != null && f.rating().bands() != null) {
            f.rating().bands().forEach(b -> bands.add(new Band(b.code(), b.label(), b.min(), counts.getOrDefault(b.code(), 0L))));
        } else if (f != null && f.rating().levels() != null) {
            f.rating().levels().forEach(l -> bands.add(new Band(l.code(), l.label(), l.minTotal(), counts.getOrDefault(l.code(), 0L))));
        }
        // Ratings the framework does not name (older imported years) are still counted.
        counts.forEach((code, n) -> {
            if (bands.stream().noneMatch(b -> b.code().equals(code))) {
                bands.add(new Band(code, Map.of("th", code, "en", code), null, n));
            }
        });
        return bands;
    }

    private static List<IndicatorMean> indicatorMeans(Framework f, Map<String, BigDecimal> sums, Map<String, Long> units) {
        if (f == null) {
            return List.of();
        }
        List<IndicatorMean> means = new ArrayList<>();
        for (Framework.Instrument instrument : f.instruments()) {
            for (Framework.Indicator indicator : instrument.indicators()) {
                long n = units.getOrDefault(indicator.code(), 0L);
                BigDecimal sum = n == 0 ? BigDecimal.ZERO : sums.get(indicator.code());
                means.add(new IndicatorMean(indicator.code(), instrument.code(), indicator.name(),
                        n == 0 ? null : sum.divide(BigDecimal.valueOf(n), f.rounding().indicatorScale(), f.rounding().mode()), n));
            }
        }
        return means;
    }


    private Map<String, BigDecimal> indicators(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return mapper.readValue(json, new TypeReference<LinkedHashMap<String, BigDecimal>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
