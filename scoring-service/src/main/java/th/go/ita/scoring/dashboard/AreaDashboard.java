package th.go.ita.scoring.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An area's results for a fiscal year: every active unit of the subtree with its result as
 * {@link UnitResults} chooses it (official, else a published round's complete sheet; a running round's
 * sheet is listed as provisional, unranked and left out of every figure), the distribution by rating with the pass
 * line, the pass rate, the mean of each indicator, the ranking and the weakest indicators. The
 * results are read as migration V9_5's triggers keep them ({@code unit_result_current}, one row per unit
 * and year by {@link UnitResults}' rule, and {@code area_child_figures}, sums per parent), so a national
 * dashboard adds up a few dozen rows and sorts one join for the top of the ranking.
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

    private static final String COUNTED = "(r.total IS NOT NULL AND NOT r.provisional)";

    /**
     * Figures from {@code area_child_figures} (migration V9_5): per parent, the sums of its active
     * children's results, kept current by triggers. The area's dashboard adds up the rows of the
     * parents in its subtree (a 30,000-unit tree of 30 areas has 31) and the area's own result,
     * instead of choosing and summing every unit's result on each request. Parents marked stale since
     * are recomputed first (from {@code unit_result_current}, their children only).
     */
    @SuppressWarnings("unchecked")
    public View of(Unit root, int fiscalYear, int limit) {
        String prefix = UnitPaths.subtreePattern(root.path);
        refreshStale(prefix, fiscalYear);
        List<Object[]> figures = new ArrayList<>(em.createNativeQuery("""
                        SELECT f.kind, f.key, sum(f.n), sum(f.amount), max(f.amount)
                        FROM area_child_figures f JOIN unit p ON p.code = f.parent_code
                        WHERE f.fiscal_year = :year AND p.path LIKE :prefix ESCAPE '!'
                        GROUP BY f.kind, f.key""")
                .setParameter("year", fiscalYear).setParameter("prefix", prefix).getResultList());
        // The area itself is its parent's child: its own result is added here.
        List<Object[]> own = em.createNativeQuery("""
                        SELECT r.total, r.rating, r.passed, r.provisional, r.fw, CAST(r.indicators AS text)
                        FROM unit_result_current r JOIN unit u ON u.code = r.unit_code
                        WHERE r.unit_code = :code AND r.fiscal_year = :year AND u.active""")
                .setParameter("code", root.code).setParameter("year", fiscalYear).getResultList();
        for (Object[] o : own) {
            BigDecimal total = (BigDecimal) o[0];
            boolean provisional = Boolean.TRUE.equals(o[3]);
            boolean counted = total != null && !provisional;
            if (counted) {
                figures.add(new Object[]{"counted", "", 1L, null, null});
                if (Boolean.TRUE.equals(o[2])) {
                    figures.add(new Object[]{"passed", "", 1L, null, null});
                }
                if (o[1] != null) {
                    figures.add(new Object[]{"rating", o[1], 1L, null, total});
                }
                indicators(o[5] == null ? null : o[5].toString()).forEach((k, v) -> {
                    if (v != null) {
                        figures.add(new Object[]{"indicator", k, 1L, v, null});
                    }
                });
            }
            if (provisional) {
                figures.add(new Object[]{"provisional", "", 1L, null, null});
            }
            if (o[4] != null && !provisional) {
                figures.add(new Object[]{"fw", o[4], 1L, null, null});
            }
        }
        int unitsTotal = ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM unit WHERE path LIKE :prefix ESCAPE '!' AND active")
                .setParameter("prefix", prefix).getSingleResult()).intValue();
        int unitsWithScore = 0;
        int unitsProvisional = 0;
        long passed = 0;
        Map<String, Long> frameworkUnits = new java.util.TreeMap<>();
        Map<String, Long> ratingUnits = new LinkedHashMap<>();
        Map<String, BigDecimal> ratingBest = new LinkedHashMap<>();
        Map<String, BigDecimal> indicatorSums = new LinkedHashMap<>();
        Map<String, Long> indicatorUnits = new LinkedHashMap<>();
        for (Object[] f : figures) {
            String key = (String) f[1];
            long n = ((Number) f[2]).longValue();
            switch ((String) f[0]) {
                case "counted" -> unitsWithScore += (int) n;
                case "provisional" -> unitsProvisional += (int) n;
                case "passed" -> passed += n;
                case "fw" -> frameworkUnits.merge(key, n, Long::sum);
                case "rating" -> {
                    ratingUnits.merge(key, n, Long::sum);
                    ratingBest.merge(key, (BigDecimal) f[4], (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
                case "indicator" -> {
                    indicatorUnits.merge(key, n, Long::sum);
                    indicatorSums.merge(key, (BigDecimal) f[3], BigDecimal::add);
                }
                default -> throw new IllegalStateException((String) f[0]);
            }
        }
        // Bands the framework does not name are listed in the order of their best unit, as the ranking meets them.
        List<String> ratings = new ArrayList<>(ratingUnits.keySet());
        ratings.sort(Comparator.comparing((String r) -> ratingBest.get(r)).reversed().thenComparing(r -> r));
        Map<String, Long> ratingCounts = new LinkedHashMap<>();
        ratings.forEach(r -> ratingCounts.put(r, ratingUnits.get(r)));

        // The ranked units (equal totals share a rank), then the provisional ones unranked, then those without a figure.
        List<Object[]> top = em.createNativeQuery("SELECT u.code, u.name_th, u.type, u.parent_code, r.total, r.rating, r.passed, "
                        + "COALESCE(r.provisional, false), r.source, CAST(r.indicators AS text), r.fw, " + COUNTED + " "
                        + "FROM unit u LEFT JOIN unit_result_current r ON r.unit_code = u.code AND r.fiscal_year = :year "
                        + "WHERE u.path LIKE :prefix ESCAPE '!' AND u.active "
                        + "ORDER BY CASE WHEN " + COUNTED + " THEN 0 WHEN r.provisional THEN 1 ELSE 2 END, "
                        + "r.total DESC NULLS LAST, u.code LIMIT :limit")
                .setParameter("year", fiscalYear).setParameter("prefix", prefix).setParameter("limit", limit)
                .getResultList();
        List<UnitRow> ranked = new ArrayList<>(top.size());
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < top.size(); i++) {
            Object[] r = top.get(i);
            BigDecimal total = (BigDecimal) r[4];
            boolean counted = Boolean.TRUE.equals(r[11]);
            if (counted && (previous == null || total.compareTo(previous) != 0)) {
                // The counted rows come first, best first: a unit's rank is one more than the units above it.
                rank = i + 1;
                previous = total;
            }
            Map<String, BigDecimal> unitIndicators = indicators(r[9] == null ? null : r[9].toString());
            // Each row explained under its own edition (a tree may mix editions within a year).
            RatingExplanation why = r[10] == null ? null : PublicResultResource.explanation(
                    framework((String) r[10], fiscalYear), unitIndicators, total, (String) r[5]);
            ranked.add(new UnitRow(counted ? rank : 0, (String) r[0], (String) r[1], (String) r[2], (String) r[3],
                    total, (String) r[5], (Boolean) r[6], Boolean.TRUE.equals(r[7]), (String) r[8],
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

    /**
     * Recomputes the figures of the subtree's parents whose children's results changed since. A
     * parent another request is recomputing is skipped (its figures are at most that change behind).
     */
    private void refreshStale(String prefix, int fiscalYear) {
        em.flush();
        em.unwrap(Session.class).doWork(c -> {
            List<String> stale = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    DELETE FROM area_figures_stale s
                    WHERE s.fiscal_year = ? AND s.parent_code IN (
                        SELECT x.parent_code FROM area_figures_stale x JOIN unit p ON p.code = x.parent_code
                        WHERE x.fiscal_year = ? AND p.path LIKE ? ESCAPE '!' FOR UPDATE OF x SKIP LOCKED)
                    RETURNING s.parent_code""")) {
                s.setInt(1, fiscalYear);
                s.setInt(2, fiscalYear);
                s.setString(3, prefix);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        stale.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT ita_refresh_area_figures(?, ?)")) {
                for (String parent : stale) {
                    s.setString(1, parent);
                    s.setInt(2, fiscalYear);
                    s.execute();
                }
            }
        });
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
