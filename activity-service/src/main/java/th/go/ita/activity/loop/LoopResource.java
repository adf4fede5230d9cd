package th.go.ita.activity.loop;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.activity.unit.UnitRef;
import th.go.ita.activity.unit.UnitScope;
import th.go.ita.platform.problem.ProblemException;

@Path("/")
@Tag(name = "Closing the loop")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class LoopResource {

    @Inject
    UnitScope scope;

    @Inject
    LoopService loop;

    @GET
    @Path("units/{code}/overview")
    @Operation(summary = "For the unit and every unit below it: plan, activity completion rate, overdue actions")
    public LoopApi.AreaOverview overview(@PathParam("code") String code, @QueryParam("fiscalYear") Integer year) {
        UnitRef unit = scope.requireRead(code);
        if (year == null || year < 2500 || year > 2700) {
            throw ProblemException.badRequest("fiscal-year", year == null ? 0 : year);
        }
        return loop.overview(unit, year);
    }
}
