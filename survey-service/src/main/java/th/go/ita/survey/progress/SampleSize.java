package th.go.ita.survey.progress;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The framework's required sample ({@code samples.IIT|EIT}) for one unit. */
final class SampleSize {

    private SampleSize() {
    }

    /**
     * IIT: {@code minimum} staff, or all of them when there are fewer. EIT: {@code percentOfPopulation}
     * of the service population, rounded up, between {@code minimum} and {@code maximum}, or the whole
     * population when it is smaller than the minimum.
     */
    static int required(JsonNode rule, int population) {
        int minimum = rule.path("minimum").asInt(0);
        boolean allWhenFewer = rule.path("allWhenFewer").asBoolean(true);
        int wanted = minimum;
        if (rule.has("percentOfPopulation")) {
            wanted = BigDecimal.valueOf(population).multiply(BigDecimal.valueOf(rule.path("percentOfPopulation").asDouble()))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).intValue();
            wanted = Math.max(wanted, minimum);
            if (rule.has("maximum")) {
                wanted = Math.min(wanted, rule.path("maximum").asInt());
            }
        }
        if (allWhenFewer && population < wanted) {
            return population;
        }
        return wanted;
    }
}
