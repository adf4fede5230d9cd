package th.go.ita.scoring.engine;

import th.go.ita.scoring.framework.Framework;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How many respondents an instrument needs for one unit, and whether it has them. */
public record SampleRequirement(String instrument, int population, int required, long received, boolean adequate) {

    /**
     * IIT: at least {@code minimum} staff, or all of them when fewer. EIT: a percentage of the service
     * population (rounded up, since a part of a person cannot answer), at least {@code minimum}, at
     * most {@code maximum}, all when the population is smaller than that.
     */
    public static int required(Framework.SampleRule rule, int population) {
        if (rule == null) {
            return 0;
        }
        int required = rule.minimum() == null ? 0 : rule.minimum();
        if (rule.percentOfPopulation() != null) {
            int share = BigDecimal.valueOf(population).multiply(rule.percentOfPopulation())
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).intValue();
            required = Math.max(required, share);
        }
        if (rule.maximum() != null) {
            required = Math.min(required, rule.maximum());
        }
        if (rule.allWhenFewer() && population < required) {
            required = population;
        }
        return required;
    }

    public static SampleRequirement of(String instrument, Framework.SampleRule rule, int population, long received) {
        int required = required(rule, population);
        return new SampleRequirement(instrument, population, required, received, received >= required);
    }
}
