package th.go.ita.scoring.engine;

import th.go.ita.scoring.framework.Framework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a unit's scores from a framework document. Pure: no database, no Quarkus. Rounds only
 * where the framework's {@code rounding} says (indicator, instrument, total); everything before
 * that is carried with {@link #WORKING_SCALE} digits.
 */
public final class ScoringEngine {

    static final int WORKING_SCALE = 10;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ScoringEngine() {
    }

    /** Scores from aggregated answers and verdicts. Missing answers or verdicts score 0 and make the sheet provisional. */
    public static ScoreSheet compute(Framework f, UnitInputs in) {
        Framework.Rounding r = f.rounding();
        Map<String, BigDecimal> questions = new LinkedHashMap<>();
        Map<String, BigDecimal> indicators = new LinkedHashMap<>();
        Map<String, BigDecimal> subIndicators = new LinkedHashMap<>();
        List<SampleRequirement> samples = new ArrayList<>();
        int pending = 0;
        for (Framework.Instrument instrument : f.instruments()) {
            if (instrument.isOit()) {
                for (Framework.Indicator indicator : instrument.indicators()) {
                    List<BigDecimal> subs = new ArrayList<>();
                    for (Framework.SubIndicator sub : indicator.subIndicators()) {
                        List<BigDecimal> items = new ArrayList<>();
                        for (Framework.Item item : sub.items()) {
                            Boolean passed = in.oitVerdicts().get(item.code());
                            if (passed == null) {
                                pending++;
                            }
                            items.add(Boolean.TRUE.equals(passed) ? HUNDRED : BigDecimal.ZERO);
                        }
                        BigDecimal subScore = mean(items);
                        subIndicators.put(sub.code(), subScore.setScale(r.indicatorScale(), r.mode()));
                        subs.add(subScore);
                    }
                    indicators.put(indicator.code(), mean(subs).setScale(r.indicatorScale(), r.mode()));
                }
            } else {
                for (Framework.Indicator indicator : instrument.indicators()) {
                    List<BigDecimal> means = new ArrayList<>();
                    for (Framework.Question q : indicator.questions()) {
                        BigDecimal mean = questionMean(f.answerScales().get(q.scale()), q.reverse(),
                                in.optionCounts().getOrDefault(q.code(), Map.of()));
                        questions.put(q.code(), mean.setScale(r.indicatorScale(), r.mode()));
                        means.add(mean);
                    }
                    indicators.put(indicator.code(), mean(means).setScale(r.indicatorScale(), r.mode()));
                }
                int population = "IIT".equals(instrument.code()) ? in.staffCount() : in.servicePopulation();
                Framework.SampleRule rule = f.samples() == null ? null : f.samples().get(instrument.code());
                samples.add(SampleRequirement.of(instrument.code(), rule, population,
                        in.respondents().getOrDefault(instrument.code(), 0L)));
            }
        }
        boolean provisional = pending > 0 || samples.stream().anyMatch(s -> !s.adequate());
        return assemble(f, questions, indicators, subIndicators, provisional, samples, pending);
    }

    /** Instrument scores, total and rating from indicator scores as an official sheet prints them. */
    public static ScoreSheet fromIndicators(Framework f, Map<String, BigDecimal> indicators) {
        return assemble(f, Map.of(), indicators, Map.of(), false, List.of(), 0);
    }

    static BigDecimal questionMean(Framework.AnswerScale scale, boolean reverse, Map<String, Long> counts) {
        BigDecimal sum = BigDecimal.ZERO;
        long n = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            BigDecimal points = scale.points(e.getKey(), reverse);
            if (points == null) {
                continue; // an option this scale does not have cannot score
            }
            sum = sum.add(points.multiply(BigDecimal.valueOf(e.getValue())));
            n += e.getValue();
        }
        return n == 0 ? BigDecimal.ZERO : sum.divide(BigDecimal.valueOf(n), WORKING_SCALE, RoundingMode.HALF_UP);
    }

    private static ScoreSheet assemble(Framework f, Map<String, BigDecimal> questions, Map<String, BigDecimal> indicators,
                                       Map<String, BigDecimal> subIndicators, boolean provisional,
                                       List<SampleRequirement> samples, int pending) {
        Framework.Rounding r = f.rounding();
        Map<String, BigDecimal> instrumentMeans = new LinkedHashMap<>();
        Map<String, BigDecimal> instruments = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Framework.Instrument instrument : f.instruments()) {
            List<BigDecimal> scores = instrument.indicators().stream()
                    .map(i -> {
                        BigDecimal score = indicators.get(i.code());
                        if (score == null) {
                            throw new IllegalArgumentException("no score for indicator " + i.code());
                        }
                        return score;
                    })
                    .toList();
            BigDecimal mean = mean(scores);
            instrumentMeans.put(instrument.code(), mean.setScale(r.indicatorScale(), r.mode()));
            BigDecimal weighted = mean.multiply(instrument.weight()).divide(HUNDRED, r.instrumentScale(), r.mode());
            instruments.put(instrument.code(), weighted);
            total = total.add(weighted);
        }
        total = total.setScale(r.totalScale(), r.mode());
        Rating rating = Rating.of(f.rating(), total, instrumentMeans);
        return new ScoreSheet(f.id(), f.version(), questions, indicators, subIndicators, instrumentMeans, instruments,
                total, rating.code(), rating.label(), rating.passed(), provisional, samples, pending);
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), WORKING_SCALE, RoundingMode.HALF_UP);
    }
}
