package th.go.ita.scoring.official;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.scoring.config.ScoringConfig;
import th.go.ita.scoring.export.ScoreReportPdf;
import th.go.ita.scoring.engine.RatingExplanation;
import th.go.ita.scoring.framework.Framework;
import th.go.ita.scoring.framework.FrameworkService;
import th.go.ita.scoring.result.UnitResults;
import th.go.ita.scoring.unit.Unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * ITA results are public once published (NACC publishes every agency's result): a unit's result for a
 * year without login, chosen by {@link UnitResults#published}: official figures when they exist, else a
 * published round's complete computed sheet. Nothing else is shown beside it, and nothing from a round
 * not yet published.
 */
@Path("/public/units/{unitCode}/years/{fiscalYear}")
@Tag(name = "Public results")
@PermitAll
public class PublicResultResource {

    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    public record PublicUnit(String code, String nameTh, String nameEn) {
    }

    /** {@code status} is OFFICIAL or COMPUTED (a published round's complete sheet); {@code official} says the same. */
    public record PublicResult(PublicUnit unit, int fiscalYear, boolean official, UnitResults.Status status,
                               String source, String frameworkId, Integer frameworkVersion,
                               Map<String, BigDecimal> indicators, Map<String, BigDecimal> instruments,
                               BigDecimal total, String rating, Map<String, String> ratingLabel, boolean passed,
                               RatingExplanation ratingExplained, Map<String, Map<String, String>> indicatorNames) {
    }

    @Inject
    UnitResults results;

    @Inject
    FrameworkService frameworks;

    @Inject
    ScoringConfig config;

    @GET
    @Path("/report.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The same result as a PDF score report in Thai, without login")
    public Response pdf(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear) {
        PublicResult r = get(unitCode, fiscalYear);
        Framework f = r.frameworkId() == null ? null : frameworks.framework(r.frameworkId(), r.frameworkVersion());
        List<ScoreReportPdf.Line> lines = new ArrayList<>();
        List<ScoreReportPdf.Bar> bars = new ArrayList<>();
        if (f != null && !r.indicators().isEmpty()) {
            for (Framework.Instrument instrument : f.instruments()) {
                for (Framework.Indicator indicator : instrument.indicators()) {
                    BigDecimal score = r.indicators().get(indicator.code());
                    lines.add(new ScoreReportPdf.Line(indicator.code() + ". " + indicator.name().get("th"), score, false));
                    bars.add(new ScoreReportPdf.Bar(indicator.code(), score));
                }
                String weighted = " (ร้อยละ " + instrument.weight().toPlainString() + ")";
                lines.add(new ScoreReportPdf.Line(instrument.code() + " " + instrument.name().get("th") + weighted,
                        r.instruments().get(instrument.code()), true));
            }
        }
        String status = UnitResults.thai(r.status()) + (r.source() == null ? "" : " (" + r.source() + ")");
        String framework = f == null ? "ไม่ระบุ (ผลที่บันทึกโดยไม่มีกรอบการประเมิน)"
                : f.id() + " ฉบับที่ " + f.version() + " (" + f.name().get("th") + ")";
        String rating = r.ratingLabel() == null || r.ratingLabel().getOrDefault("th", r.rating()).equals(r.rating())
                ? r.rating() : r.rating() + " (" + r.ratingLabel().get("th") + ")";
        String url = config.publicBaseUrl().replaceAll("/+$", "") + "/scoring/units/" + unitCode + "/years/" + fiscalYear;
        byte[] pdf = ScoreReportPdf.render(config.pdf().font(), new ScoreReportPdf.Report(r.unit().code(),
                r.unit().nameTh(), fiscalYear, framework, status, bars, lines, r.total(), rating, r.passed(),
                f == null ? null : passMark(f), reportText(f, r), url, LocalDate.now(BANGKOK)));
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"ita-" + unitCode + "-" + fiscalYear + ".pdf\"").build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A unit's published ITA result for a fiscal year, without login")
    public PublicResult get(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear) {
        Unit unit = Unit.findById(unitCode);
        UnitResults.Result r = unit == null ? null : results.published(unitCode, fiscalYear).orElse(null);
        if (r == null) {
            throw ProblemException.notFound("public-result-not-found", unitCode, String.valueOf(fiscalYear));
        }
        Framework f = r.frameworkId() == null ? null : frameworks.framework(r.frameworkId(), r.frameworkVersion());
        return new PublicResult(new PublicUnit(unit.code, unit.nameTh, unit.nameEn), fiscalYear, r.official(),
                r.status(), r.source(), r.frameworkId(), r.frameworkVersion(), r.indicators(), r.instruments(),
                r.total(), r.rating(), r.ratingLabel(), r.passed(),
                f == null ? null : explanation(f, r.indicators(), r.total(), r.rating()), f == null ? null : indicatorNames(f));
    }

    /** Indicator names as the result's own edition prints them, so no screen keeps a list of its own. */
    static Map<String, Map<String, String>> indicatorNames(Framework f) {
        Map<String, Map<String, String>> names = new java.util.LinkedHashMap<>();
        f.instruments().forEach(i -> i.indicators().forEach(ind -> names.put(ind.code(), ind.name())));
        return names;
    }

    /**
     * The rating's explanation under the edition's scheme, from the printed indicator scores; null where the
     * figures cannot show it (no total, or an entered official rating the figures do not give), so the
     * explanation never contradicts the rating of record.
     */
    public static RatingExplanation explanation(Framework f, Map<String, BigDecimal> indicators, BigDecimal total, String rating) {
        if (f == null || total == null || rating == null) {
            return null;
        }
        RatingExplanation e = RatingExplanation.of(f, total, RatingExplanation.instrumentMeans(f, indicators));
        return e.reached().equals(rating) ? e : null;
    }

    /** The explanation as the report prints it: why this rating, then the edition's whole scheme. */
    static String reportText(Framework f, PublicResult r) {
        RatingExplanation e = r.ratingExplained();
        if (e == null) {
            return explain(f, r);
        }
        String scheme = String.join(" · ", e.steps().stream()
                .map(s -> s.label().getOrDefault("th", s.code()) + (s.label().getOrDefault("th", s.code()).equals(s.code()) ? "" : " (" + s.code() + ")")
                        + ": " + s.condition().get("th")).toList());
        return e.text().get("th") + " — เกณฑ์ระดับผลของฉบับนี้: " + scheme;
    }

    /** The pass line of a framework: its pass mark, or the lowest total of a passing level. */
    public static BigDecimal passMark(Framework f) {
        if (f.rating().passMark() != null) {
            return f.rating().passMark();
        }
        return f.rating().levels() == null ? null : f.rating().levels().stream().filter(Framework.Level::passed)
                .map(Framework.Level::minTotal).min(BigDecimal::compareTo).orElse(null);
    }

    /** Why the result has its rating, in the framework's own terms (the band's range or the level's conditions). */
    static String explain(Framework f, PublicResult r) {
        String total = r.total().setScale(2, RoundingMode.HALF_UP).toPlainString();
        if (f == null) {
            return "ระดับ " + r.rating() + " ตามผลอย่างเป็นทางการที่บันทึกไว้ (คะแนนรวม " + total + ")";
        }
        BigDecimal pass = passMark(f);
        String passing = pass == null ? "" : r.passed()
                ? "; ถึงเกณฑ์ผ่าน " + plain(pass) + " คะแนน จึงผ่านเกณฑ์"
                : "; ต่ำกว่าเกณฑ์ผ่าน " + plain(pass) + " คะแนน อยู่ " + pass.subtract(r.total()).setScale(2, RoundingMode.HALF_UP).toPlainString()
                + " คะแนน จึงไม่ผ่านเกณฑ์";
        Framework.Rating rating = f.rating();
        if (rating.bands() != null && !rating.bands().isEmpty()) {
            List<Framework.Band> bands = rating.bands().stream().sorted(Comparator.comparing(Framework.Band::min)).toList();
            for (int i = 0; i < bands.size(); i++) {
                Framework.Band b = bands.get(i);
                if (b.code().equals(r.rating())) {
                    String range = i + 1 < bands.size()
                            ? "ตั้งแต่ " + plain(b.min()) + " แต่ต่ำกว่า " + plain(bands.get(i + 1).min()) + " คะแนน"
                            : "ตั้งแต่ " + plain(b.min()) + " คะแนนขึ้นไป";
                    return "คะแนนรวม " + total + " อยู่ในช่วงของระดับ " + b.code() + " (" + range + ")" + passing;
                }
            }
        }
        if (rating.levels() != null) {
            for (Framework.Level l : rating.levels()) {
                if (l.code().equals(r.rating())) {
                    String each = l.minEachInstrument() == null ? ""
                            : " และคะแนนเฉลี่ยของทุกเครื่องมือ (IIT, EIT, OIT) ตั้งแต่ " + plain(l.minEachInstrument());
                    return "ระดับ " + l.label().getOrDefault("th", l.code()) + " ต้องมีคะแนนรวมตั้งแต่ "
                            + plain(l.minTotal()) + each + " ผลนี้มีคะแนนรวม " + total + " ตรงตามเงื่อนไขของระดับนี้" + passing;
                }
            }
        }
        return "คะแนนรวม " + total + " ระดับ " + r.rating() + passing;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "–" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
