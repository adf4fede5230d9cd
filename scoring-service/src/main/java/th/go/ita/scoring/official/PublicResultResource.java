package th.go.ita.scoring.official;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.scoring.config.ScoringConfig;
import th.go.ita.scoring.export.ScoreReportPdf;
import th.go.ita.scoring.framework.Framework;
import th.go.ita.scoring.framework.FrameworkService;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.scoring.unit.Unit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ITA results are public once published (NACC publishes every agency's result): a unit's figures
 * for a year without login, official (entered or imported) when they exist, otherwise those
 * computed in a published round. Nothing from a round that is not yet published is shown.
 */
@Path("/public/units/{unitCode}/years/{fiscalYear}")
@Tag(name = "Public results")
@PermitAll
public class PublicResultResource {

    public record PublicUnit(String code, String nameTh, String nameEn) {
    }

    public record Figures(String frameworkId, Integer frameworkVersion, Map<String, BigDecimal> indicators,
                          Map<String, BigDecimal> instruments, BigDecimal total, String rating,
                          Map<String, String> ratingLabel, boolean passed, Boolean provisional) {
    }

    public record PublicResult(PublicUnit unit, int fiscalYear, boolean official, String source,
                               String frameworkId, Integer frameworkVersion, Map<String, BigDecimal> indicators,
                               Map<String, BigDecimal> instruments, BigDecimal total, String rating,
                               Map<String, String> ratingLabel, boolean passed, Figures computed) {
    }

    @Inject
    OfficialResults official;

    @Inject
    FrameworkService frameworks;

    @Inject
    EntityManager em;

    @Inject
    ScoringConfig config;

    @GET
    @Path("/report.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The same result as a PDF score report in Thai, without login")
    public Response pdf(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear) {
        PublicResult r = get(unitCode, fiscalYear);
        List<ScoreReportPdf.Line> lines = new ArrayList<>();
        if (r.frameworkId() != null && !r.indicators().isEmpty()) {
            Framework f = frameworks.framework(r.frameworkId(), r.frameworkVersion());
            for (Framework.Instrument instrument : f.instruments()) {
                for (Framework.Indicator indicator : instrument.indicators()) {
                    lines.add(new ScoreReportPdf.Line(indicator.code() + ". " + indicator.name().get("th"),
                            r.indicators().get(indicator.code()), false));
                }
                String weighted = " (ร้อยละ " + instrument.weight().toPlainString() + ")";
                lines.add(new ScoreReportPdf.Line(instrument.code() + " " + instrument.name().get("th") + weighted,
                        r.instruments().get(instrument.code()), true));
            }
        }
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("คะแนนรวม", r.total().toPlainString());
        summary.put("ระดับผล", r.ratingLabel() == null ? r.rating() : r.ratingLabel().getOrDefault("th", r.rating()));
        summary.put("ผลการประเมิน", r.passed() ? "ผ่านเกณฑ์" : "ไม่ผ่านเกณฑ์");
        summary.put("ที่มาของผล", r.official() ? "ผลอย่างเป็นทางการ" + (r.source() == null ? "" : " (" + r.source() + ")")
                : "ผลที่ระบบคำนวณจากรอบการประเมินที่ประกาศผลแล้ว");
        byte[] pdf = ScoreReportPdf.render(config.pdf().font(),
                "ผลการประเมิน ITA ปีงบประมาณ พ.ศ. " + fiscalYear,
                List.of(r.unit().nameTh(), r.frameworkId() == null ? "" : "กรอบการประเมิน " + r.frameworkId() + " ฉบับที่ " + r.frameworkVersion()),
                lines, summary);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"ita-" + unitCode + "-" + fiscalYear + ".pdf\"").build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A unit's published ITA result for a fiscal year, without login")
    public PublicResult get(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear) {
        Unit unit = Unit.findById(unitCode);
        if (unit == null) {
            throw ProblemException.notFound("public-result-not-found", unitCode, String.valueOf(fiscalYear));
        }
        PublicUnit publicUnit = new PublicUnit(unit.code, unit.nameTh, unit.nameEn);
        Figures computed = computed(unitCode, fiscalYear);
        List<OfficialResultView> results = official.of(unitCode, fiscalYear);
        if (!results.isEmpty()) {
            OfficialResultView r = results.get(0);
            Framework framework = r.frameworkId() == null ? null : frameworks.framework(r.frameworkId(), r.frameworkVersion());
            return new PublicResult(publicUnit, fiscalYear, true, r.source(), r.frameworkId(), r.frameworkVersion(),
                    r.indicators(), r.instruments(), r.total(), r.rating(), official.label(framework, r.rating()),
                    r.passed(), computed);
        }
        if (computed == null) {
            throw ProblemException.notFound("public-result-not-found", unitCode, String.valueOf(fiscalYear));
        }
        return new PublicResult(publicUnit, fiscalYear, false, null, computed.frameworkId(), computed.frameworkVersion(),
                computed.indicators(), computed.instruments(), computed.total(), computed.rating(),
                computed.ratingLabel(), computed.passed(), computed);
    }

    @SuppressWarnings("unchecked")
    private Figures computed(String unitCode, int fiscalYear) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT s.framework_id, s.framework_version, CAST(s.indicators AS text), CAST(s.instruments AS text),
                       s.total, s.rating, s.passed, s.provisional
                FROM unit_score s JOIN assessment_round r ON r.id = s.round_id
                WHERE s.unit_code = :unit AND s.fiscal_year = :year AND r.state = 'PUBLISHED'
                ORDER BY r.updated_at DESC LIMIT 1
                """).setParameter("unit", unitCode).setParameter("year", fiscalYear).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        String fid = (String) r[0];
        int fv = ((Number) r[1]).intValue();
        return new Figures(fid, fv, official.figures((String) r[2]), official.figures((String) r[3]), (BigDecimal) r[4],
                (String) r[5], official.label(frameworks.framework(fid, fv), (String) r[5]), (Boolean) r[6], (Boolean) r[7]);
    }
}
