package th.go.ita.scoring.framework;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a framework document that scoring needs, read from the JSON document (which stays
 * the source of truth and is stored whole). Unknown fields are ignored so that texts and later
 * additions to the document never break scoring.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Framework(String id, int version, int fiscalYear, Map<String, String> name, String comparabilityGroup,
                        Map<String, AnswerScale> answerScales, List<Instrument> instruments,
                        Rounding rounding, Map<String, SampleRule> samples, Rating rating,
                        List<Source> sources, Map<String, Part> verification) {

    public Optional<Instrument> instrument(String code) {
        return instruments.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AnswerScale(List<Option> options) {
        public Optional<Option> option(String code) {
            return options.stream().filter(o -> o.code().equals(code)).findFirst();
        }

        public BigDecimal maxPoints() {
            return options.stream().map(Option::points).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        }

        public BigDecimal minPoints() {
            return options.stream().map(Option::points).min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        }

        /** Reverse-scored questions mirror the scale: LEVEL4 100/67/33/0 becomes 0/33/67/100. */
        public BigDecimal points(String optionCode, boolean reverse) {
            BigDecimal points = option(optionCode).map(Option::points).orElse(null);
            if (points == null || !reverse) {
                return points;
            }
            return maxPoints().add(minPoints()).subtract(points);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Option(String code, Map<String, String> label, BigDecimal points) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Instrument(String code, Map<String, String> name, BigDecimal weight,
                             List<Category> respondentCategories, List<Indicator> indicators) {
        public boolean isOit() {
            return indicators.stream().anyMatch(i -> i.subIndicators() != null && !i.subIndicators().isEmpty());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Category(String code, Map<String, String> name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(String code, Map<String, String> name, List<Question> questions,
                            List<SubIndicator> subIndicators) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Question(String code, Map<String, String> text, String scale, boolean reverse, boolean required) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SubIndicator(String code, Map<String, String> name, List<Item> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String code, Map<String, String> title, Map<String, String> requirement,
                       Map<String, String> evidence) {
    }

    /** What a document rests on: a URL, or the seed report / the project's reference page ({@code kind}, {@code location}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String id, Map<String, String> title, String url, String kind, String location) {
    }

    /** Whether one part of the document (items, questions, weights, …) was checked against the named sources. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Part(boolean verified, List<String> sources, Map<String, String> note) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    /** How means are carried between the printed levels; see {@code rounding.arithmetic} in the schema. */
    public enum Arithmetic { EXACT, WORKING_SCALE_10 }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rounding(int indicatorScale, int instrumentScale, int totalScale, RoundingMode mode, Arithmetic arithmetic) {
        /** A document recorded before the field existed keeps the arithmetic its rounds were scored with. */
        public Arithmetic effectiveArithmetic() {
            return arithmetic == null ? Arithmetic.WORKING_SCALE_10 : arithmetic;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SampleRule(Integer minimum, Integer maximum, BigDecimal percentOfPopulation, boolean allWhenFewer) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rating(String scheme, BigDecimal passMark, List<Band> bands, List<Level> levels) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Band(String code, BigDecimal min, Map<String, String> label) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Level(String code, Map<String, String> label, BigDecimal minTotal, BigDecimal minEachInstrument,
                        boolean passed) {
    }
}
