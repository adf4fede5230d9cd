package th.go.ita.scoring.official;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Official figures as entered. With a framework, the indicator scores are required and the
 * instrument scores, total and rating follow from them (any total or rating given must agree);
 * without one (years before the platform has their framework) the total, rating and pass/fail are.
 */
public record OfficialEntry(String frameworkId, Integer frameworkVersion, Map<String, BigDecimal> indicators,
                            BigDecimal total, String rating, Boolean passed,
                            @NotBlank @Size(max = 500) String source) {
}
