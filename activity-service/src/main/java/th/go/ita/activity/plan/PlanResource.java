package th.go.ita.activity.plan;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.activity.loop.LoopApi;
import th.go.ita.activity.loop.LoopService;
import th.go.ita.activity.plan.PlanApi.ActivityRequest;
import th.go.ita.activity.plan.PlanApi.CopyRequest;
import th.go.ita.activity.plan.PlanApi.KpiRequest;
import th.go.ita.activity.plan.PlanApi.PlanRequest;
import th.go.ita.activity.plan.PlanApi.PlanSummary;
import th.go.ita.activity.plan.PlanApi.PlanUpdate;
import th.go.ita.activity.plan.PlanApi.PlanView;
import th.go.ita.activity.unit.UnitRef;
import th.go.ita.activity.unit.UnitScope;
import th.go.ita.platform.problem.ProblemException;

import java.util.List;

@Path("/units/{code}/plans")
@Tag(name = "Plans")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {

    @Inject
    UnitScope scope;

    @Inject
    PlanService plans;

    @Inject
    LoopService loop;

    @GET
    @Operation(summary = "The unit's plans, newest fiscal year first, with their progress")
    public List<PlanSummary> list(@PathParam("code") String code) {
        scope.requireRead(code);
        return plans.plans(code);
    }

    @POST
    @Operation(summary = "Start the unit's plan for a fiscal year")
    public Response create(@PathParam("code") String code, @Valid @NotNull PlanRequest request) {
        scope.requireWrite(code);
        return Response.status(201).entity(plans.create(code, request)).build();
    }

    @GET
    @Path("/{year}")
    @Operation(summary = "A plan with its goals, KPIs (with actuals) and activities")
    public PlanView get(@PathParam("code") String code, @PathParam("year") int year) {
        scope.requireRead(code);
        return plans.view(plans.require(code, year));
    }

    @GET
    @Path("/{year}/indicators")
    @Operation(summary = "The unit's indicator scores against the plan's target, with linked activities and suggestions for weak ones")
    public LoopApi.Loop indicators(@PathParam("code") String code, @PathParam("year") int year) {
        scope.requireRead(code);
        return loop.loop(code, year);
    }

    @PUT
    @Path("/{year}")
    @Operation(summary = "Change a plan's title, goals and indicator target")
    public PlanView update(@PathParam("code") String code, @PathParam("year") int year,
                           @Valid @NotNull PlanUpdate request) {
        scope.requireWrite(code);
        return plans.update(code, year, request);
    }

    @POST
    @Path("/{year}/kpis")
    @Operation(summary = "Add a KPI to a plan")
    public Response addKpi(@PathParam("code") String code, @PathParam("year") int year,
                           @Valid @NotNull KpiRequest request) {
        scope.requireWrite(code);
        return Response.status(201).entity(plans.addKpi(code, year, request)).build();
    }

    @POST
    @Path("/{year}/activities")
    @Operation(summary = "Add an activity to a plan")
    public Response addActivity(@PathParam("code") String code, @PathParam("year") int year,
                                @Valid @NotNull ActivityRequest request) {
        scope.requireWrite(code);
        return Response.status(201).entity(plans.addActivity(code, year, request)).build();
    }

    @POST
    @Path("/{year}/copy-from")
    @Operation(summary = "Start a fiscal year's plan from a template or from an earlier year's plan")
    public Response copy(@PathParam("code") String code, @PathParam("year") int year,
                         @Valid @NotNull CopyRequest request) {
        UnitRef unit = scope.requireWrite(code);
        if (year < 2500 || year > 2700) {
            throw ProblemException.badRequest("fiscal-year", year);
        }
        return Response.status(201).entity(plans.copy(unit, year, request)).build();
    }
}
