package th.go.ita.scoring.engine;

import org.junit.jupiter.api.Test;
import th.go.ita.scoring.framework.Framework;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The words a reader sees beside a rating: the scheme of the round's edition and why the next level was missed. */
class RatingExplanationTest {

    static final Framework OBEC = FidelityTest.framework("frameworks/OBEC-2566-v2.json");
    static final Framework NACC_2568 = FidelityTest.framework("frameworks/NACC-2568.json");

    static Map<String, BigDecimal> means(String iit, String eit, String oit) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put("IIT", new BigDecimal(iit));
        m.put("EIT", new BigDecimal(eit));
        m.put("OIT", new BigDecimal(oit));
        return m;
    }

    @Test
    void aTotalAbove85WithEitBelow85IsPassNotGood() {
        // The reference's FY2568 case: 94.64 rated ผ่าน because EIT was below 85.
        RatingExplanation e = RatingExplanation.of(NACC_2568, new BigDecimal("94.64"), means("97.00", "84.90", "100.00"));
        assertEquals("PASS", e.reached());
        assertEquals("GOOD", e.nextUp());
        assertEquals(List.of("EIT"), e.shortOf());
        assertEquals("คะแนนรวม 94.64 ถึง 85 แต่ EIT 84.90 ต่ำกว่า 85 จึงได้ระดับ ผ่าน ไม่ใช่ ผ่านดี", e.text().get("th"));
        assertEquals("The total 94.64 reaches 85 but EIT 84.90 is below 85, so the level is Pass, not Good", e.text().get("en"));
    }

    @Test
    void aTotalOf95WithOneInstrumentBelow95IsGoodNotExcellent() {
        RatingExplanation e = RatingExplanation.of(NACC_2568, new BigDecimal("96.00"), means("97.00", "98.00", "93.00"));
        assertEquals("GOOD", e.reached());
        assertEquals("คะแนนรวม 96.00 ถึง 95 แต่ OIT 93.00 ต่ำกว่า 95 จึงได้ระดับ ผ่านดี ไม่ใช่ ผ่านดีเยี่ยม", e.text().get("th"));
    }

    @Test
    void bothTheTotalAndInstrumentsCanFallShort() {
        RatingExplanation e = RatingExplanation.of(NACC_2568, new BigDecimal("90.00"), means("84.00", "80.00", "100.00"));
        assertEquals("PASS", e.reached());
        assertEquals(List.of("IIT", "EIT"), e.shortOf());
        assertEquals("คะแนนรวม 90.00 ถึง 85 แต่ IIT 84.00 และ EIT 80.00 ต่ำกว่า 85 จึงได้ระดับ ผ่าน ไม่ใช่ ผ่านดี", e.text().get("th"));
        RatingExplanation both = RatingExplanation.of(NACC_2568, new BigDecimal("90.00"), means("96.00", "88.00", "93.00"));
        assertEquals("GOOD", both.reached());
        assertEquals(List.of("TOTAL", "EIT", "OIT"), both.shortOf());
        assertEquals("คะแนนรวม 90.00 ต่ำกว่า 95 และ EIT 88.00 และ OIT 93.00 ต่ำกว่า 95 จึงได้ระดับ ผ่านดี ไม่ใช่ ผ่านดีเยี่ยม",
                both.text().get("th"));
        RatingExplanation low = RatingExplanation.of(NACC_2568, new BigDecimal("84.99"), means("86.00", "86.00", "83.00"));
        assertEquals("NEEDS_IMPROVEMENT", low.reached());
        assertEquals(List.of("TOTAL"), low.shortOf());
        assertEquals("คะแนนรวม 84.99 ต่ำกว่า 85 จึงได้ระดับ ต้องปรับปรุง ไม่ใช่ ผ่าน", low.text().get("th"));
    }

    @Test
    void theTopLevelSaysSoAndTheSchemeIsListedBestFirst() {
        RatingExplanation e = RatingExplanation.of(NACC_2568, new BigDecimal("95.00"), means("95.00", "95.00", "95.00"));
        assertEquals("EXCELLENT", e.reached());
        assertNull(e.nextUp());
        assertEquals("คะแนนรวม 95.00 ตั้งแต่ 95 และทุกเครื่องมือ (IIT, EIT, OIT) ตั้งแต่ 95 จึงได้ระดับ ผ่านดีเยี่ยม ซึ่งเป็นระดับสูงสุด",
                e.text().get("th"));
        assertEquals("LEVELS", e.scheme());
        assertEquals(List.of("EXCELLENT", "GOOD", "PASS", "NEEDS_IMPROVEMENT", "URGENT_IMPROVEMENT"),
                e.steps().stream().map(RatingExplanation.Step::code).toList());
        assertEquals("คะแนนรวมตั้งแต่ 85 และทุกเครื่องมือ (IIT, EIT, OIT) ตั้งแต่ 85", e.steps().get(1).condition().get("th"));
    }

    @Test
    void bandsSayWhichBandWasMissedAndWhetherItPasses() {
        RatingExplanation seed = RatingExplanation.of(OBEC, new BigDecimal("96.37"), means("95.76", "92.13", "100.00"));
        assertEquals("คะแนนรวม 96.37 ตั้งแต่ 95 จึงได้ระดับ AA ซึ่งเป็นระดับสูงสุด; ถึงเกณฑ์ผ่าน 85 จึงผ่าน", seed.text().get("th"));
        RatingExplanation b = RatingExplanation.of(OBEC, new BigDecimal("84.99"), means("84.99", "84.99", "84.99"));
        assertEquals("B", b.reached());
        assertEquals("A", b.nextUp());
        assertEquals("คะแนนรวม 84.99 ต่ำกว่า 85 จึงได้ระดับ B ไม่ใช่ A; ต่ำกว่าเกณฑ์ผ่าน 85 จึงไม่ผ่าน", b.text().get("th"));
        assertEquals(List.of("AA", "A", "B", "C", "D", "E", "F"), b.steps().stream().map(RatingExplanation.Step::code).toList());
        assertEquals("คะแนนรวมตั้งแต่ 85 แต่ต่ำกว่า 95", b.steps().get(1).condition().get("th"));
        assertEquals(List.of(true, true, false, false, false, false, false),
                b.steps().stream().map(RatingExplanation.Step::passed).toList());
    }

    @Test
    void instrumentMeansFromPrintedIndicatorsAsTheSeedSheetHasThem() {
        Map<String, BigDecimal> indicators = new LinkedHashMap<>();
        String[] seed = {"91.78", "97.01", "97.89", "95.78", "96.33", "93.48", "92.44", "90.48", "100", "100"};
        for (int i = 0; i < seed.length; i++) {
            indicators.put(String.valueOf(i + 1), new BigDecimal(seed[i]));
        }
        // (91.78 + 97.01 + 97.89 + 95.78 + 96.33) / 5 = 95.758 → 95.76; (93.48 + 92.44 + 90.48) / 3 = 92.1333 → 92.13
        assertEquals(means("95.76", "92.13", "100.00"), RatingExplanation.instrumentMeans(OBEC, indicators));
        indicators.remove("7");
        assertEquals(List.of("IIT", "OIT"), List.copyOf(RatingExplanation.instrumentMeans(OBEC, indicators).keySet()),
                "an instrument with a missing indicator is not judged");
    }
}
