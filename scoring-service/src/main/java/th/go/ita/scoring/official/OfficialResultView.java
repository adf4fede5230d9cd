package th.go.ita.scoring.official;

import java.math.BigDecimal;
import java.util.Map;

/** Official figures of one unit for one fiscal year. */
public record OfficialResultView(String unitCode, int fiscalYear, String frameworkId, Integer frameworkVersion,
                                 Map<String, BigDecimal> indicators, Map<String, BigDecimal> instruments,
                                 BigDecimal total, String rating, boolean passed, String source) {
}
