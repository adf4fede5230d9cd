package th.go.ita.scoring.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import th.go.ita.scoring.framework.Framework;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scoring rules, without Quarkus, against the shipped framework documents. */
class ScoringEngineTest {

    static Framework load(String resource) {
        try (InputStream in = ScoringEngineTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new ObjectMapper().readValue(in, Framework.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final Framework OBEC_2566 = load("frameworks/OBEC-2566.json");
    static final Framework NACC_2567 = load("frameworks/NACC-2567.json");
    static final Framework OBEC_2566_V2 = load("frameworks/OBEC-2566-v2.json");

    static Map<String, BigDecimal> indicators(String... scores) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            map.put(String.valueOf(i + 1), new BigDecimal(scores[i]));
        }
        return map;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"frameworks/OBEC-2566.json", "frameworks/OBEC-2566-v2.json"})
    void reproducesTheSeedOfficesFy2566Sheet(String resource) {
        ScoreSheet sheet = ScoringEngine.fromIndicators(load(resource), indicators(
                "91.78", "97.01", "97.89", "95.78", "96.33", "93.48", "92.44", "90.48", "100", "100"));
        assertEquals(new BigDecimal("28.73"), sheet.instruments().get("IIT"));
        assertEquals(new BigDecimal("27.64"), sheet.instruments().get("EIT"));
        assertEquals(new BigDecimal("40.00"), sheet.instruments().get("OIT"));
        assertEquals(new BigDecimal("96.37"), sheet.total());
        assertEquals("AA", sheet.rating());
        assertTrue(sheet.passed());
        assertEquals(new BigDecimal("95.76"), sheet.instrumentMeans().get("IIT"));
    }

    @Test
    void theEditionsArithmeticDecidesAHalfCentAtTheInstrumentLevel() {
        // EIT 77.58 + 77.58 + 77.59 = 232.75; 232.75 / 3 × 30 / 100 = 23.275 exactly → 23.28 half up.
        // Cut to 10 digits first: 77.5833333333 × 30 / 100 = 23.274999999999 → 23.27.
        Map<String, BigDecimal> scores = indicators("80", "80", "80", "80", "80", "77.58", "77.58", "77.59", "80", "80");
        assertEquals(Framework.Arithmetic.EXACT, OBEC_2566_V2.rounding().arithmetic());
        assertEquals(new BigDecimal("23.28"), ScoringEngine.fromIndicators(OBEC_2566_V2, scores).instruments().get("EIT"));
        assertEquals(Framework.Arithmetic.WORKING_SCALE_10, OBEC_2566.rounding().effectiveArithmetic(),
                "version 1 records no arithmetic and keeps scoring as its rounds were scored");
        assertEquals(new BigDecimal("23.27"), ScoringEngine.fromIndicators(OBEC_2566, scores).instruments().get("EIT"));
        // IIT 80 × 30 / 100 = 24.00, OIT 80 × 40 / 100 = 32.00: totals 79.28 and 79.27
        assertEquals(new BigDecimal("79.28"), ScoringEngine.fromIndicators(OBEC_2566_V2, scores).total());
        assertEquals(new BigDecimal("79.27"), ScoringEngine.fromIndicators(OBEC_2566, scores).total());
        // one below the edge, 232.74 / 3 × 0.3 = 23.274 → 23.27 under both
        Map<String, BigDecimal> below = indicators("80", "80", "80", "80", "80", "77.58", "77.58", "77.58", "80", "80");
        assertEquals(new BigDecimal("23.27"), ScoringEngine.fromIndicators(OBEC_2566_V2, below).instruments().get("EIT"));
    }

    /** Every instrument at the same indicator score gives that total exactly. */
    static Map<String, BigDecimal> flat(String score) {
        return indicators(score, score, score, score, score, score, score, score, score, score);
    }

    @ParameterizedTest(name = "{0} → {1}, passed {2}")
    @CsvSource({
            "100, AA, true", "95, AA, true", "94.99, A, true", "85, A, true", "84.99, B, false",
            "75, B, false", "74.99, C, false", "65, C, false", "64.99, D, false", "55, D, false",
            "54.99, E, false", "50, E, false", "49.99, F, false", "0, F, false"})
    void bandEdges(String total, String band, boolean passed) {
        Rating rating = Rating.of(OBEC_2566.rating(), new BigDecimal(total), Map.of());
        assertEquals(band, rating.code());
        assertEquals(passed, rating.passed());
    }

    @ParameterizedTest(name = "all indicators {0} → total {0}, {1}")
    @CsvSource({"95, AA", "85, A", "75, B", "65, C", "55, D", "50, E"})
    void theEngineRatesTheTotalItComputes(String score, String band) {
        ScoreSheet sheet = ScoringEngine.fromIndicators(OBEC_2566, flat(score));
        assertEquals(new BigDecimal(score).setScale(2), sheet.total());
        assertEquals(band, sheet.rating());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "100, EXCELLENT, true", "95, EXCELLENT, true", "94.99, GOOD, true", "85, GOOD, true",
            "84.99, NEEDS_IMPROVEMENT, false", "70, NEEDS_IMPROVEMENT, false", "69.99, URGENT_IMPROVEMENT, false",
            "0, URGENT_IMPROVEMENT, false"})
    void levelEdgesWhenEveryInstrumentIsEqual(String total, String level, boolean passed) {
        Rating rating = Rating.of(NACC_2567.rating(), new BigDecimal(total),
                Map.of("IIT", new BigDecimal(total), "EIT", new BigDecimal(total), "OIT", new BigDecimal(total)));
        assertEquals(level, rating.code());
        assertEquals(passed, rating.passed());
    }

    @ParameterizedTest(name = "total {0}, weakest instrument {1} → {2}")
    @CsvSource({
            "96.00, 95.00, EXCELLENT", "96.00, 94.99, GOOD", "90.00, 85.00, GOOD", "90.00, 84.99, PASS",
            "85.00, 60.00, PASS", "84.99, 99.00, NEEDS_IMPROVEMENT"})
    void everyInstrumentMustReachTheLevelsMinimum(String total, String weakest, String level) {
        Rating rating = Rating.of(NACC_2567.rating(), new BigDecimal(total),
                Map.of("IIT", new BigDecimal("99"), "EIT", new BigDecimal(weakest), "OIT", new BigDecimal("100")));
        assertEquals(level, rating.code());
    }

    @Test
    void levelsUseTheInstrumentMeanNotItsWeightedShare() {
        ScoreSheet sheet = ScoringEngine.fromIndicators(NACC_2567, flat("96"));
        assertEquals(new BigDecimal("28.80"), sheet.instruments().get("IIT"));
        assertEquals("EXCELLENT", sheet.rating());
    }

    @Test
    void questionMeansIndicatorsAndReverseItemsFromAnswerCounts() {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        // i1 (normal): 2 × 100 + 1 × 67 → 89
        counts.put("i1", Map.of("4", 2L, "3", 1L));
        // i4 (yes/no, yes is bad): 1 yes, 3 no → 75
        counts.put("i4", Map.of("Y", 1L, "N", 3L));
        // i9 (reverse LEVEL4): "very much" misuse scores 0, "none" scores 100 → (0 + 100) / 2 = 50
        counts.put("i9", Map.of("4", 1L, "1", 1L));
        ScoreSheet sheet = ScoringEngine.compute(OBEC_2566, new UnitInputs(counts, Map.of("IIT", 4L), Map.of(), 67, 2500));
        assertEquals(new BigDecimal("89.00"), sheet.questions().get("i1"));
        assertEquals(new BigDecimal("75.00"), sheet.questions().get("i4"));
        assertEquals(new BigDecimal("50.00"), sheet.questions().get("i9"));
        // indicator 1 = (89 + 0 + 0 + 75 + 0 + 0) / 6 = 27.333… → 27.33
        assertEquals(new BigDecimal("27.33"), sheet.indicators().get("1"));
    }

    @Test
    void reverseLevelItemsMirrorPointsInsideAnIndicator() {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        // one "much" and two "little" on every question of indicator 2 (i7–i12; i9 and i10 reverse)
        for (int q = 7; q <= 12; q++) {
            counts.put("i" + q, Map.of("3", 1L, "2", 2L));
        }
        ScoreSheet sheet = ScoringEngine.compute(OBEC_2566, new UnitInputs(counts, Map.of(), Map.of(), 67, 2500));
        assertEquals(new BigDecimal("44.33"), sheet.questions().get("i7"), "(67 + 33 + 33) / 3");
        assertEquals(new BigDecimal("55.67"), sheet.questions().get("i9"), "(33 + 67 + 67) / 3");
        assertEquals(new BigDecimal("48.11"), sheet.indicators().get("2"));
    }

    @Test
    void oitSubIndicatorsAreMeansOfItemsAndIndicatorsMeansOfSubIndicators() {
        Map<String, Boolean> verdicts = new HashMap<>();
        for (int i = 1; i <= 43; i++) {
            verdicts.put("O" + i, true);
        }
        verdicts.put("O1", false); // 9.1 has 10 items → 90
        verdicts.put("O39", false); // 10.2 has 5 items → 80
        ScoreSheet sheet = ScoringEngine.compute(OBEC_2566, new UnitInputs(Map.of(), Map.of(), verdicts, 67, 2500));
        assertEquals(new BigDecimal("90.00"), sheet.subIndicators().get("9.1"));
        assertEquals(new BigDecimal("80.00"), sheet.subIndicators().get("10.2"));
        assertEquals(new BigDecimal("98.00"), sheet.indicators().get("9"));
        assertEquals(new BigDecimal("90.00"), sheet.indicators().get("10"));
        assertEquals(new BigDecimal("37.60"), sheet.instruments().get("OIT"));
        assertEquals(0, sheet.oitItemsPending());
    }

    @ParameterizedTest(name = "staff {0} → IIT needs {1}")
    @CsvSource({"67, 25", "25, 25", "24, 24", "3, 3", "0, 0"})
    void iitSampleIs25OrAllStaffWhenFewer(int staff, int required) {
        assertEquals(required, SampleRequirement.required(OBEC_2566.samples().get("IIT"), staff));
    }

    @ParameterizedTest(name = "population {0} → EIT needs {1}")
    @CsvSource({"2500, 250", "2501, 251", "300, 30", "299, 30", "30, 30", "29, 29", "4000, 400", "4010, 400", "100000, 400"})
    void eitSampleIsTenPercentBetween30And400(int population, int required) {
        assertEquals(required, SampleRequirement.required(OBEC_2566.samples().get("EIT"), population));
    }

    @Test
    void shortSamplesAndPendingReviewsMakeTheScoreProvisional() {
        Map<String, Boolean> allPassed = new HashMap<>();
        for (int i = 1; i <= 43; i++) {
            allPassed.put("O" + i, true);
        }
        ScoreSheet complete = ScoringEngine.compute(OBEC_2566,
                new UnitInputs(Map.of(), Map.of("IIT", 25L, "EIT", 250L), allPassed, 67, 2500));
        assertFalse(complete.provisional());
        assertTrue(complete.samples().stream().allMatch(SampleRequirement::adequate));

        ScoreSheet shortEit = ScoringEngine.compute(OBEC_2566,
                new UnitInputs(Map.of(), Map.of("IIT", 25L, "EIT", 249L), allPassed, 67, 2500));
        assertTrue(shortEit.provisional());
        assertEquals(List.of(true, false), shortEit.samples().stream().map(SampleRequirement::adequate).toList());

        Map<String, Boolean> onePending = new HashMap<>(allPassed);
        onePending.remove("O33");
        ScoreSheet pending = ScoringEngine.compute(OBEC_2566,
                new UnitInputs(Map.of(), Map.of("IIT", 25L, "EIT", 250L), onePending, 67, 2500));
        assertTrue(pending.provisional());
        assertEquals(1, pending.oitItemsPending());
    }
}
