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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.scoring.access.Roles;
import th.go.ita.scoring.export.Table;

import java.util.ArrayList;
import java.util.List;
import th.go.ita.scoring.problem.ProblemException;
import th.go.ita.scoring.unit.UnitScope;

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
    th.go.ita.scoring.round.RoundService rounds;

    @GET
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Transactional
    @Operation(summary = "An area's results for a fiscal year: distribution, pass rate, indicator means, ranking, weakest indicators")
    public AreaDashboard.View get(@PathParam("unitCode") String unitCode, @QueryParam("fiscalYear") Integer fiscalYear,
                                  @QueryParam("limit") @DefaultValue("1000") int limit) {
        if (fiscalYear == null || fiscalYear < 2540 || fiscalYear > 2700) {
            throw ProblemException.badRequest("official.year-invalid", String.valueOf(fiscalYear));
        }
        if (limit < 1 || limit > 50_000) {
            throw ProblemException.badRequest("bad-request");
        }
        return dashboard.of(scope.require(unitCode), fiscalYear, limit);
    }

    @GET
    @Path("/rounds/{roundId}/progress")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Transactional
    @Operation(summary = "Progress of a round in the caller's area: responses received vs required, OIT items reviewed, units at risk")
    public RoundProgress.View progress(@PathParam("unitCode") String unitCode, @PathParam("roundId") java.util.UUID roundId) {
        th.go.ita.scoring.unit.Unit area = scope.require(unitCode);
        th.go.ita.scoring.round.AssessmentRound round = rounds.visible(roundId);
        th.go.ita.scoring.unit.Unit roundScope = th.go.ita.scoring.unit.Unit.findById(round.scopeUnitCode);
        // The part of the round inside the requested area: the deeper of the two subtrees.
        th.go.ita.scoring.unit.Unit root = area.isWithin(roundScope) ? area : roundScope.isWithin(area) ? roundScope : null;
        if (root == null) {
            throw ProblemException.notFound("round-not-found", roundId);
        }
        return progress.of(round, root, java.time.Instant.now());
    }

    @GET
    @Path("/export")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Transactional
    @Operation(summary = "The units × indicators ranking as CSV or XLSX (format=csv|xlsx)")
    public Response export(@PathParam("unitCode") String unitCode, @QueryParam("fiscalYear") Integer fiscalYear,
                           @QueryParam("format") @DefaultValue("csv") String format) {
        if (fiscalYear == null || fiscalYear < 2540 || fiscalYear > 2700) {
            throw ProblemException.badRequest("official.year-invalid", String.valueOf(fiscalYear));
        }
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw ProblemException.badRequest("bad-request");
        }
        AreaDashboard.View view = dashboard.of(scope.require(unitCode), fiscalYear, Integer.MAX_VALUE);
        List<String> codes = view.indicators().stream().map(AreaDashboard.IndicatorMean::code).toList();
        List<String> headers = new ArrayList<>(List.of("อันดับ (rank)", "รหัส (code)", "หน่วยงาน (unit)"));
        codes.forEach(c -> headers.add("ตัวชี้วัด " + c));
        headers.addAll(List.of("คะแนนรวม (total)", "ระดับผล (rating)", "ผ่าน (passed)", "ที่มา (source)"));
        List<List<Object>> rows = new ArrayList<>();
        for (AreaDashboard.UnitRow u : view.units()) {
            List<Object> row = new ArrayList<>(List.of(u.rank() == 0 ? "" : u.rank(), u.code(), u.nameTh()));
            codes.forEach(c -> row.add(u.indicators().get(c)));
            row.add(u.total());
            row.add(u.rating());
            row.add(u.passed());
            row.add(u.source());
            rows.add(row);
        }
        Table table = new Table("ITA " + fiscalYear + " " + unitCode, headers, rows);
        String name = "ita-" + unitCode + "-" + fiscalYear + "." + format;
        return Response.ok(format.equals("csv") ? table.csv() : table.xlsx())
                .type(format.equals("csv") ? "text/csv; charset=UTF-8"
                        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }
}
