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
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An area's results for a fiscal year: every active unit of the subtree with its result as
 * {@link UnitResults} chooses it (official, else a published round's complete sheet; a running round's
 * sheet is listed as provisional, unranked and left out of every figure), the distribution by rating with the pass
 * line, the pass rate, the mean of each indicator, the ranking and the weakest indicators. One
 * indexed prefix scan over the tree; the aggregation is done in memory.
 */
@ApplicationScoped
public class AreaDashboard {

    public record UnitRow(int rank, String code, String nameTh, String type, String parentCode, BigDecimal total,
                          String rating, Boolean passed, boolean provisional, String source,
                          Map<String, BigDecimal> indicators) {
        UnitRow ranked(int rank) {
            return new UnitRow(rank, code, nameTh, type, parentCode, total, rating, passed, provisional, source, indicators);
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
                       List<UnitRow> units) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    FrameworkService frameworks;

    @SuppressWarnings("unchecked")
    public View of(Unit root, int fiscalYear, int limit) {
        // Which figures stand for a unit's year is UnitResults' rule: official, else a published round's
        // complete sheet, else a running round's sheet marked provisional (listed, never counted).
        List<Object[]> raw = em.createNativeQuery("""
                SELECT u.code, u.name_th, u.type, u.parent_code,
                       COALESCE(o.total, s.total), COALESCE(o.rating, s.rating), COALESCE(o.passed, s.passed),
                       o.unit_code IS NULL AND s.state IS NOT NULL AND s.state <> 'PUBLISHED',
                       CASE WHEN o.unit_code IS NOT NULL THEN 'OFFICIAL' WHEN s.state = 'PUBLISHED' THEN 'COMPUTED'
                            WHEN s.unit_code IS NOT NULL THEN 'PROVISIONAL' END,
                       CAST(COALESCE(NULLIF(o.indicators, '{}'::jsonb), s.indicators) AS text),
                       COALESCE(o.framework_id, s.framework_id) || '@' || COALESCE(o.framework_version, s.framework_version)
                FROM unit u
                LEFT JOIN official_result o ON o.unit_code = u.code AND o.fiscal_year = :year
                LEFT JOIN LATERAL (SELECT x.*, r.state FROM unit_score x JOIN assessment_round r ON r.id = x.round_id
                                   WHERE x.unit_code = u.code AND x.fiscal_year = :year AND """ + " " + UnitResults.SHEET_CANDIDATE
                + " ORDER BY " + UnitResults.SHEET_ORDER + """
                 LIMIT 1) s ON o.unit_code IS NULL
                WHERE u.path LIKE :prefix ESCAPE '!' AND u.active
                """).setParameter("year", fiscalYear).setParameter("prefix", UnitPaths.subtreePattern(root.path)).getResultList();
        List<UnitRow> rows = new ArrayList<>(raw.size());
        for (Object[] r : raw) {
            rows.add(new UnitRow(0, (String) r[0], (String) r[1], (String) r[2], (String) r[3], (BigDecimal) r[4],
                    (String) r[5], (Boolean) r[6], Boolean.TRUE.equals(r[7]), (String) r[8], indicators((String) r[9])));
        }
        Framework framework = framework(raw.stream().filter(r -> !Boolean.TRUE.equals(r[7])).map(r -> (String) r[10]).toList(), fiscalYear);
        List<UnitRow> scored = rows.stream().filter(r -> r.total() != null && !r.provisional())
                .sorted(Comparator.comparing(UnitRow::total).reversed().thenComparing(UnitRow::code)).toList();
        List<UnitRow> ranked = new ArrayList<>(rows.size());
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < scored.size(); i++) {
            UnitRow r = scored.get(i);
            if (previous == null || r.total().compareTo(previous) != 0) {
                rank = i + 1; // equal totals share a rank
            }
            previous = r.total();
            ranked.add(r.ranked(rank));
        }
        // Provisional figures after the ranked ones, unranked: a running round's sheet is not a result yet.
        rows.stream().filter(UnitRow::provisional).sorted(Comparator.comparing(UnitRow::total).reversed()
                .thenComparing(UnitRow::code)).forEach(ranked::add);
        rows.stream().filter(r -> r.total() == null).sorted(Comparator.comparing(UnitRow::code)).forEach(ranked::add);
        int provisional = (int) rows.stream().filter(UnitRow::provisional).count();

        long passed = scored.stream().filter(r -> Boolean.TRUE.equals(r.passed())).count();
        BigDecimal passRate = scored.isEmpty() ? null : BigDecimal.valueOf(passed * 100)
                .divide(BigDecimal.valueOf(scored.size()), 2, RoundingMode.HALF_UP);
        List<IndicatorMean> means = indicatorMeans(framework, scored);
        List<IndicatorMean> weakest = means.stream().filter(m -> m.mean() != null)
                .sorted(Comparator.comparing(IndicatorMean::mean)).limit(3).toList();
        return new View(root.code, root.nameTh, fiscalYear, framework == null ? null : framework.id(),
                framework == null ? null : framework.version(), rows.size(), scored.size(), provisional, passed, passRate,
                framework == null ? null : passMark(framework), distribution(framework, scored), means, weakest,
                ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : ranked);
    }

    /** The framework most of the units were assessed under ({@code id@version} keys), else any of the year. */
    private Framework framework(List<String> keys, int fiscalYear) {
        String key = keys.stream().filter(k -> k != null)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
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

    private static List<Band> distribution(Framework f, List<UnitRow> scored) {
        Map<String, Long> counts = scored.stream().collect(Collectors.groupingBy(UnitRow::rating, LinkedHashMap::new, Collectors.counting()));
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

    private static List<IndicatorMean> indicatorMeans(Framework f, List<UnitRow> scored) {
        if (f == null) {
            return List.of();
        }
        List<IndicatorMean> means = new ArrayList<>();
        for (Framework.Instrument instrument : f.instruments()) {
            for (Framework.Indicator indicator : instrument.indicators()) {
                BigDecimal sum = BigDecimal.ZERO;
                long n = 0;
                for (UnitRow r : scored) {
                    BigDecimal v = r.indicators().get(indicator.code());
                    if (v != null) {
                        sum = sum.add(v);
                        n++;
                    }
                }
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
