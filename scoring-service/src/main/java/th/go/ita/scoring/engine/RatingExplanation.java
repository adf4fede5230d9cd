package th.go.ita.scoring.engine;

import th.go.ita.scoring.framework.Framework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a result has its rating under its edition's scheme, and why it did not reach the next one up
 * ("EIT ต่ำกว่า 85 จึงได้ระดับ ผ่าน ไม่ใช่ ผ่านดี"), with the scheme itself so a reader of the sheet, the report or
 * a dashboard sees which rules applied (AA–F bands or NACC's five levels). Thai first, English beside it.
 *
 * @param scheme       BANDS or LEVELS
 * @param steps        every band or level of the scheme, best first, with its condition in words
 * @param reached      the rating's code
 * @param nextUp       the code of the band or level just above, or null at the top
 * @param shortOf      what kept the result from {@code nextUp}: {@code TOTAL} and/or instrument codes
 * @param text         the explanation, {@code th} and {@code en}
 */
public record RatingExplanation(String scheme, List<Step> steps, String reached, String nextUp, List<String> shortOf,
                                Map<String, String> text) {

    public record Step(String code, Map<String, String> label, boolean passed, Map<String, String> condition) {
    }

    public static RatingExplanation of(Framework f, BigDecimal total, Map<String, BigDecimal> instrumentMeans) {
        Framework.Rating rating = f.rating();
        Rating reached = Rating.of(rating, total, instrumentMeans);
        String t = plain(total);
        if ("LEVELS".equals(rating.scheme())) {
            List<Framework.Level> levels = rating.levels();
            List<Step> steps = scheme(f);
            int at = indexOf(levels.stream().map(Framework.Level::code).toList(), reached.code());
            Framework.Level here = levels.get(at);
            if (at == 0) {
                String each = here.minEachInstrument() == null ? "" : " และทุกเครื่องมือ (IIT, EIT, OIT) ตั้งแต่ " + limit(here.minEachInstrument());
                String eachEn = here.minEachInstrument() == null ? "" : " and every instrument (IIT, EIT, OIT) is at least " + limit(here.minEachInstrument());
                return new RatingExplanation("LEVELS", steps, here.code(), null, List.of(), Map.of(
                        "th", "คะแนนรวม " + t + " ตั้งแต่ " + limit(here.minTotal()) + each + " จึงได้ระดับ " + th(here.label()) + " ซึ่งเป็นระดับสูงสุด",
                        "en", "The total " + t + " is at least " + limit(here.minTotal()) + eachEn + ", so the level is " + en(here.label()) + ", the highest"));
            }
            Framework.Level above = levels.get(at - 1);
            List<String> shortOf = new ArrayList<>();
            List<String> whyTh = new ArrayList<>();
            List<String> whyEn = new ArrayList<>();
            boolean totalShort = total.compareTo(above.minTotal()) < 0;
            if (totalShort) {
                shortOf.add("TOTAL");
                whyTh.add("คะแนนรวม " + t + " ต่ำกว่า " + limit(above.minTotal()));
                whyEn.add("the total " + t + " is below " + limit(above.minTotal()));
            }
            if (above.minEachInstrument() != null) {
                List<String> below = instrumentMeans.entrySet().stream()
                        .filter(e -> e.getValue().compareTo(above.minEachInstrument()) < 0).map(Map.Entry::getKey).toList();
                if (!below.isEmpty()) {
                    shortOf.addAll(below);
                    List<String> each = below.stream().map(c -> c + " " + plain(instrumentMeans.get(c))).toList();
                    String lead = totalShort ? "" : "คะแนนรวม " + t + " ถึง " + limit(above.minTotal()) + " แต่ ";
                    String leadEn = totalShort ? "" : "the total " + t + " reaches " + limit(above.minTotal()) + " but ";
                    whyTh.add(lead + String.join(" และ ", each) + " ต่ำกว่า " + limit(above.minEachInstrument()));
                    whyEn.add(leadEn + String.join(" and ", each) + (below.size() == 1 ? " is" : " are") + " below "
                            + limit(above.minEachInstrument()));
                }
            }
            String th = String.join(" และ ", whyTh) + " จึงได้ระดับ " + th(here.label()) + " ไม่ใช่ " + th(above.label());
            String en = capitalise(String.join(" and ", whyEn)) + ", so the level is " + en(here.label()) + ", not " + en(above.label());
            return new RatingExplanation("LEVELS", steps, here.code(), above.code(), shortOf, Map.of("th", th, "en", en));
        }
        List<Framework.Band> bands = rating.bands().stream().sorted(Comparator.comparing(Framework.Band::min).reversed()).toList();
        List<Step> steps = scheme(f);
        int at = indexOf(bands.stream().map(Framework.Band::code).toList(), reached.code());
        Framework.Band here = bands.get(at);
        String pass = rating.passMark() == null ? "" : reached.passed()
                ? "; ถึงเกณฑ์ผ่าน " + limit(rating.passMark()) + " จึงผ่าน"
                : "; ต่ำกว่าเกณฑ์ผ่าน " + limit(rating.passMark()) + " จึงไม่ผ่าน";
        String passEn = rating.passMark() == null ? "" : reached.passed()
                ? "; it reaches the pass mark " + limit(rating.passMark()) + ", so it passes"
                : "; it is below the pass mark " + limit(rating.passMark()) + ", so it does not pass";
        if (at == 0) {
            return new RatingExplanation("BANDS", steps, here.code(), null, List.of(), Map.of(
                    "th", "คะแนนรวม " + t + " ตั้งแต่ " + limit(here.min()) + " จึงได้ระดับ " + here.code() + " ซึ่งเป็นระดับสูงสุด" + pass,
                    "en", "Total " + t + " is at least " + limit(here.min()) + ", so the band is " + here.code() + ", the highest" + passEn));
        }
        Framework.Band above = bands.get(at - 1);
        return new RatingExplanation("BANDS", steps, here.code(), above.code(), List.of("TOTAL"), Map.of(
                "th", "คะแนนรวม " + t + " ต่ำกว่า " + limit(above.min()) + " จึงได้ระดับ " + here.code() + " ไม่ใช่ " + above.code() + pass,
                "en", "Total " + t + " is below " + limit(above.min()) + ", so the band is " + here.code() + ", not " + above.code() + passEn));
    }

    /** The edition's bands or levels, best first, each with its condition in words. */
    public static List<Step> scheme(Framework f) {
        Framework.Rating rating = f.rating();
        if ("LEVELS".equals(rating.scheme())) {
            return rating.levels().stream().map(l -> new Step(l.code(), l.label(), l.passed(), condition(l))).toList();
        }
        List<Framework.Band> bands = rating.bands().stream().sorted(Comparator.comparing(Framework.Band::min).reversed()).toList();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            Framework.Band b = bands.get(i);
            boolean passes = rating.passMark() == null || b.min().compareTo(rating.passMark()) >= 0;
            steps.add(new Step(b.code(), b.label(), passes, range(b, i == 0 ? null : bands.get(i - 1))));
        }
        return steps;
    }

    /**
     * Each instrument's mean indicator score from printed indicator scores (an official result has no
     * other), rounded as the edition rounds it; an instrument with a missing indicator is left out.
     */
    public static Map<String, BigDecimal> instrumentMeans(Framework f, Map<String, BigDecimal> indicators) {
        Map<String, BigDecimal> means = new LinkedHashMap<>();
        if (indicators == null) {
            return means;
        }
        for (Framework.Instrument instrument : f.instruments()) {
            List<BigDecimal> scores = instrument.indicators().stream().map(i -> indicators.get(i.code())).toList();
            if (scores.isEmpty() || scores.contains(null)) {
                continue;
            }
            BigDecimal sum = scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            means.put(instrument.code(), sum.divide(BigDecimal.valueOf(scores.size()), f.rounding().indicatorScale(), f.rounding().mode()));
        }
        return means;
    }

    private static Map<String, String> condition(Framework.Level l) {
        String each = l.minEachInstrument() == null ? "" : " และทุกเครื่องมือ (IIT, EIT, OIT) ตั้งแต่ " + limit(l.minEachInstrument());
        String eachEn = l.minEachInstrument() == null ? "" : " and every instrument (IIT, EIT, OIT) at least " + limit(l.minEachInstrument());
        if (l.minTotal().signum() == 0 && l.minEachInstrument() == null) {
            return Map.of("th", "คะแนนรวมต่ำกว่าระดับอื่นทั้งหมด", "en", "a total below every other level");
        }
        return Map.of("th", "คะแนนรวมตั้งแต่ " + limit(l.minTotal()) + each, "en", "a total of at least " + limit(l.minTotal()) + eachEn);
    }

    private static Map<String, String> range(Framework.Band b, Framework.Band above) {
        return above == null
                ? Map.of("th", "คะแนนรวมตั้งแต่ " + limit(b.min()) + " ขึ้นไป", "en", "a total of " + limit(b.min()) + " or more")
                : Map.of("th", "คะแนนรวมตั้งแต่ " + limit(b.min()) + " แต่ต่ำกว่า " + limit(above.min()),
                "en", "a total from " + limit(b.min()) + " up to, not including, " + limit(above.min()));
    }

    private static int indexOf(List<String> codes, String code) {
        int i = codes.indexOf(code);
        if (i < 0) {
            throw new IllegalStateException("rating " + code + " is not in the scheme");
        }
        return i;
    }

    private static String th(Map<String, String> label) {
        return label.getOrDefault("th", label.values().iterator().next());
    }

    private static String en(Map<String, String> label) {
        return label.getOrDefault("en", th(label));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A threshold as the manuals print it: 85, 95, 84.99. */
    static String limit(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    static String plain(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
