package th.go.ita.scoring.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A unit's scores under one framework version, shaped like the official sheet: indicator scores
 * (0–100), OIT sub-indicator scores, each instrument's mean (0–100) and weighted share, the total,
 * the rating and pass/fail, and whether the figures are still provisional.
 */
public record ScoreSheet(String frameworkId, int frameworkVersion,
                         Map<String, BigDecimal> questions,
                         Map<String, BigDecimal> indicators,
                         Map<String, BigDecimal> subIndicators,
                         Map<String, BigDecimal> instrumentMeans,
                         Map<String, BigDecimal> instruments,
                         BigDecimal total, String rating, Map<String, String> ratingLabel, boolean passed,
                         boolean provisional, List<SampleRequirement> samples, int oitItemsPending) {
}
