package th.go.ita.scoring.engine;

import th.go.ita.scoring.framework.Framework;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;

/** The rating a total earns under a framework's scheme, and whether it passes. */
public record Rating(String code, Map<String, String> label, boolean passed) {

    public static Rating of(Framework.Rating scheme, BigDecimal total, Map<String, BigDecimal> instrumentMeans) {
        if ("LEVELS".equals(scheme.scheme())) {
            for (Framework.Level level : scheme.levels()) {
                boolean totalOk = total.compareTo(level.minTotal()) >= 0;
                // "Every instrument ≥ x" compares each instrument's mean indicator score (0–100), not its weighted share.
                boolean eachOk = level.minEachInstrument() == null || instrumentMeans.values().stream()
                        .allMatch(mean -> mean.compareTo(level.minEachInstrument()) >= 0);
                if (totalOk && eachOk) {
                    return new Rating(level.code(), level.label(), level.passed());
                }
            }
            throw new IllegalStateException("no level matches total " + total);
        }
        Framework.Band band = scheme.bands().stream()
                .sorted(Comparator.comparing(Framework.Band::min).reversed())
                .filter(b -> total.compareTo(b.min()) >= 0)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no band matches total " + total));
        return new Rating(band.code(), band.label(), total.compareTo(scheme.passMark()) >= 0);
    }
}
