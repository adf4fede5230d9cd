package th.go.ita.scoring.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.platform.access.Roles;
import th.go.ita.platform.reports.Table;
import th.go.ita.platform.reports.Download;

import th.go.ita.platform.problem.ProblemException;
import th.go.ita.scoring.round.AssessmentRound;
import th.go.ita.scoring.round.RoundService;
import th.go.ita.scoring.unit.Unit;
import th.go.ita.scoring.unit.UnitScope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Path("/dashboards/areas/{unitCode}")
@Tag(name = "Dashboards")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    @Inject
    UnitScope scope;

    @Inject
    AreaDashboard dashboard;

    @Inject
    RoundProgress progress;

    @Inject
    RoundService rounds;

    @GET
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Transactional
    @Operation(summary = "An area's results for a fiscal year: distribution, pass rate, indicator means, ranking, weakest indicators")
    public AreaDashboard.View get(@PathParam("unitCode") String unitCode, @QueryParam("fiscalYear") Integer fiscalYear,
                                  @QueryParam("limit") @DefaultValue("1000") int limit) {
        requireYear(fiscalYear);
        if (limit < 1 || limit > 50_000) {
            throw ProblemException.badRequest("bad-request");
        }
        return dashboard.of(scope.require(unitCode), fiscalYear, limit);
    }

    @GET
    @Path("/rounds/{roundId}/progress")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Transactional
    @Operation(summary = "Progress of a round in the caller's area: responses received vs required, OIT items reviewed, "
            + "units at risk and why; the summary counts every unit, the list is one page (at-risk units first)")
    public RoundProgress.View progress(@PathParam("unitCode") String unitCode, @PathParam("roundId") UUID roundId,
                                       @QueryParam("atRisk") @DefaultValue("false") boolean atRiskOnly,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("100") @Min(1) @Max(RoundProgress.Page.MAX_SIZE) int size) {
        return progressOf(unitCode, roundId, new RoundProgress.Page(atRiskOnly, page, size));
    }

    @GET
    @Path("/rounds/{roundId}/progress/export")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Produces({"text/csv", Download.XLSX})
    @Transactional
    @Operation(summary = "Every unit's progress in a round (or only those at risk) as CSV or XLSX (format=csv|xlsx)")
    public Response exportProgress(@PathParam("unitCode") String unitCode, @PathParam("roundId") UUID roundId,
                                   @QueryParam("atRisk") @DefaultValue("false") boolean atRiskOnly,
                                   @QueryParam("format") @DefaultValue("csv") String format) {
        Download.requireFormat(format);
        RoundProgress.View view = progressOf(unitCode, roundId, RoundProgress.Page.everything(atRiskOnly));
        AssessmentRound round = rounds.visible(roundId);
        List<String> headers = List.of("รหัส (code)", "หน่วยงาน (unit)", "IIT ได้รับ (received)", "IIT ต้องการ (required)",
                "EIT ได้รับ (received)", "EIT ต้องการ (required)", "OIT ตรวจแล้ว (reviewed)", "OIT ผ่าน (passed)",
                "OIT ทั้งหมด (items)", "เสี่ยง (at risk)", "เหตุผล (reasons)");
        List<List<Object>> rows = new ArrayList<>();
        for (RoundProgress.UnitProgress p : view.progress()) {
            rows.add(List.of(p.code(), p.nameTh(), p.iitReceived(), p.iitRequired(), p.eitReceived(), p.eitRequired(),
                    p.oitReviewed(), p.oitPassed(), p.oitItems(), p.atRisk(),
                    String.join(" ", p.reasons().stream().map(RoundProgress.Reason::name).toList())));
        }
        return Download.table(new Table("ความก้าวหน้า " + round.fiscalYear + " " + unitCode, headers, rows),
                "ita-progress-" + unitCode + "-" + round.fiscalYear, format).build();
    }

    /** The round's progress in the part of it inside the requested area: the deeper of the two subtrees. */
    private RoundProgress.View progressOf(String unitCode, UUID roundId, RoundProgress.Page page) {
        Unit area = scope.require(unitCode);
        AssessmentRound round = rounds.visible(roundId);
        Unit roundScope = Unit.findById(round.scopeUnitCode);
        Unit root = area.isWithin(roundScope) ? area : roundScope.isWithin(area) ? roundScope : null;
        if (root == null) {
            throw ProblemException.notFound("round-not-found", roundId);
        }
        return progress.of(round, root, Instant.now(), page);
    }

    private static void requireYear(Integer fiscalYear) {
        if (fiscalYear == null || fiscalYear < 2540 || fiscalYear > 2700) {
            throw ProblemException.badRequest("official.year-invalid", String.valueOf(fiscalYear));
        }
    }

    @GET
    @Path("/export")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Produces({"text/csv", Download.XLSX})
    @Transactional
    @Operation(summary = "The units × indicators ranking as CSV or XLSX (format=csv|xlsx)")
    public Response export(@PathParam("unitCode") String unitCode, @QueryParam("fiscalYear") Integer fiscalYear,
                           @QueryParam("format") @DefaultValue("csv") String format) {
        requireYear(fiscalYear);
        Download.requireFormat(format);
        AreaDashboard.View view = dashboard.of(scope.require(unitCode), fiscalYear, Integer.MAX_VALUE);
        List<String> codes = view.indicators().stream().map(AreaDashboard.IndicatorMean::code).toList();
        List<String> headers = new ArrayList<>(List.of("อันดับ (rank)", "รหัส (code)", "หน่วยงาน (unit)"));
        codes.forEach(c -> headers.add("ตัวชี้วัด " + c));
        headers.addAll(List.of("คะแนนรวม (total)", "ระดับผล (rating)", "ผ่าน (passed)", "ที่มา (source)"));
        List<List<Object>> rows = new ArrayList<>();
        for (AreaDashboard.UnitRow u : view.units()) {
            List<Object> row = new ArrayList<>(List.of(u.rank() == 0 ? "" : u.rank(), u.code(), u.nameTh()));
            codes.forEach(c -> row.add(u.indicators().get(c)));
            row.addAll(Arrays.asList(u.total(), u.rating(), u.passed(), u.source()));
            rows.add(row);
        }
        return Download.table(new Table("ITA " + fiscalYear + " " + unitCode, headers, rows), "ita-" + unitCode + "-" + fiscalYear, format).build();
    }
}
