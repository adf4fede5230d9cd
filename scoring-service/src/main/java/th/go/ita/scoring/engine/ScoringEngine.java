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
 * where the framework's {@code rounding} says (indicator, instrument, total). Between those points the
 * edition's {@code rounding.arithmetic} decides: {@code EXACT} carries exact fractions and rounds once;
 * {@code WORKING_SCALE_10} (documents recorded before the field existed, kept so their rounds score as
 * they always did) rounds every mean to {@link #WORKING_SCALE} digits first.
 */
public final class ScoringEngine {

    static final int WORKING_SCALE = 10;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ScoringEngine() {
    }

    /** Scores from aggregated answers and verdicts. Missing answers or verdicts score 0 and make the sheet provisional. */
    public static ScoreSheet compute(Framework f, UnitInputs in) {
        Framework.Rounding r = f.rounding();
        Framework.Arithmetic a = r.effectiveArithmetic();
        Map<String, BigDecimal> questions = new LinkedHashMap<>();
        Map<String, BigDecimal> indicators = new LinkedHashMap<>();
        Map<String, BigDecimal> subIndicators = new LinkedHashMap<>();
        List<SampleRequirement> samples = new ArrayList<>();
        int pending = 0;
        for (Framework.Instrument instrument : f.instruments()) {
            if (instrument.isOit()) {
                for (Framework.Indicator indicator : instrument.indicators()) {
                    List<Exact> subs = new ArrayList<>();
                    for (Framework.SubIndicator sub : indicator.subIndicators()) {
                        List<Exact> items = new ArrayList<>();
                        for (Framework.Item item : sub.items()) {
                            Boolean passed = in.oitVerdicts().get(item.code());
                            if (passed == null) {
                                pending++;
                            }
                            items.add(Exact.of(Boolean.TRUE.equals(passed) ? HUNDRED : BigDecimal.ZERO));
                        }
                        Exact subScore = mean(items, a);
                        subIndicators.put(sub.code(), subScore.round(r.indicatorScale(), r.mode()));
                        subs.add(subScore);
                    }
                    indicators.put(indicator.code(), mean(subs, a).round(r.indicatorScale(), r.mode()));
                }
            } else {
                for (Framework.Indicator indicator : instrument.indicators()) {
                    List<Exact> means = new ArrayList<>();
                    for (Framework.Question q : indicator.questions()) {
                        Exact mean = questionMean(f.answerScales().get(q.scale()), q.reverse(),
                                in.optionCounts().getOrDefault(q.code(), Map.of()), a);
                        questions.put(q.code(), mean.round(r.indicatorScale(), r.mode()));
                        means.add(mean);
                    }
                    indicators.put(indicator.code(), mean(means, a).round(r.indicatorScale(), r.mode()));
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

    static Exact questionMean(Framework.AnswerScale scale, boolean reverse, Map<String, Long> counts,
                              Framework.Arithmetic arithmetic) {
        Exact sum = Exact.ZERO;
        long n = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            BigDecimal points = scale.points(e.getKey(), reverse);
            if (points == null) {
                continue; // an option this scale does not have cannot score
            }
            sum = sum.plus(Exact.of(points.multiply(BigDecimal.valueOf(e.getValue()))));
            n += e.getValue();
        }
        return n == 0 ? Exact.ZERO : atWorkingScale(sum.dividedBy(n), arithmetic);
    }

    private static ScoreSheet assemble(Framework f, Map<String, BigDecimal> questions, Map<String, BigDecimal> indicators,
                                       Map<String, BigDecimal> subIndicators, boolean provisional,
                                       List<SampleRequirement> samples, int pending) {
        Framework.Rounding r = f.rounding();
        Map<String, BigDecimal> instrumentMeans = new LinkedHashMap<>();
        Map<String, BigDecimal> instruments = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Framework.Instrument instrument : f.instruments()) {
            // From the indicator scores as printed (rounded), as the official sheet is computed.
            List<Exact> scores = instrument.indicators().stream()
                    .map(i -> {
                        BigDecimal score = indicators.get(i.code());
                        if (score == null) {
                            throw new IllegalArgumentException("no score for indicator " + i.code());
                        }
                        return Exact.of(score);
                    })
                    .toList();
            Exact mean = mean(scores, r.effectiveArithmetic());
            instrumentMeans.put(instrument.code(), mean.round(r.indicatorScale(), r.mode()));
            BigDecimal weighted = mean.times(instrument.weight()).dividedBy(100).round(r.instrumentScale(), r.mode());
            instruments.put(instrument.code(), weighted);
            total = total.add(weighted);
        }
        total = total.setScale(r.totalScale(), r.mode());
        Rating rating = Rating.of(f.rating(), total, instrumentMeans);
        return new ScoreSheet(f.id(), f.version(), questions, indicators, subIndicators, instrumentMeans, instruments,
                total, rating.code(), rating.label(), rating.passed(), provisional, samples, pending);
    }

    private static Exact mean(List<Exact> values, Framework.Arithmetic arithmetic) {
        if (values.isEmpty()) {
            return Exact.ZERO;
        }
        return atWorkingScale(values.stream().reduce(Exact.ZERO, Exact::plus).dividedBy(values.size()), arithmetic);
    }

    /** Under {@code WORKING_SCALE_10} every mean is cut to 10 digits, half up, as the engine always did for such documents. */
    private static Exact atWorkingScale(Exact value, Framework.Arithmetic arithmetic) {
        return arithmetic == Framework.Arithmetic.EXACT ? value : Exact.of(value.round(WORKING_SCALE, RoundingMode.HALF_UP));
    }
}
