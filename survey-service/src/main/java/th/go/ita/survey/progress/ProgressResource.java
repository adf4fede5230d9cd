package th.go.ita.survey.progress;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.platform.access.Caller;
import th.go.ita.platform.access.Roles;
import th.go.ita.platform.access.UnitPaths;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.survey.code.StaffTargets;
import th.go.ita.survey.questionnaire.SurveyTarget;
import th.go.ita.survey.round.Round;
import th.go.ita.survey.unit.Unit;

import java.util.ArrayList;
import java.util.List;

@Path("/rounds/{roundId}")
@Tag(name = "Progress")
@RolesAllowed({Roles.UNIT_ADMIN, Roles.AREA_ADMIN, Roles.SYSTEM_ADMIN})
public class ProgressResource {

    @Inject
    ProgressService progress;

    @Inject
    StaffTargets targets;

    @Inject
    Caller caller;

    @GET
    @Path("/units/{unitCode}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One unit's responses vs required sample by instrument, with per-question counts from 5 responses up")
    public UnitProgress unit(@PathParam("roundId") String roundId, @PathParam("unitCode") String unitCode) {
        return progress.of(targets.require(roundId, unitCode), true);
    }

    @GET
    @Path("/progress")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Responses vs required sample for every unit of the round the caller may see (no breakdowns)")
    public List<UnitProgress> units(@PathParam("roundId") String roundId) {
        Round round = Round.findById(roundId);
        if (round == null) {
            throw ProblemException.notFound("round-not-found", roundId);
        }
        List<Unit> units = Unit.list("path like ?1 escape '!' order by path",
                UnitPaths.throughPattern(round.scopeUnitCode));
        List<UnitProgress> result = new ArrayList<>();
        for (Unit unit : units) {
            if (caller.covers(unit) && units.size() <= 2000) {
                result.add(progress.of(new SurveyTarget(round, unit), false));
            }
        }
        return result;
    }
}
