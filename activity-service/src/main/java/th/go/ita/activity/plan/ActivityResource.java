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
import th.go.ita.activity.plan.PlanApi.ActivityRequest;
import th.go.ita.activity.plan.PlanApi.ActivityView;
import th.go.ita.activity.plan.PlanApi.ActualRequest;
import th.go.ita.activity.unit.UnitScope;

import java.util.UUID;

/** Activities and KPIs reached by their id; another office's ids answer 404. */
@Path("/")
@Tag(name = "Plans")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivityResource {

    @Inject
    UnitScope scope;

    @Inject
    PlanService plans;

    @GET
    @Path("activities/{id}")
    @Operation(summary = "One activity")
    public ActivityView get(@PathParam("id") UUID id) {
        Activity activity = plans.requireActivity(id);
        scope.requireReadOfRecord(activity.unitCode, "activity-not-found", id);
        return PlanService.activityView(activity, Plan.findById(activity.planId));
    }

    @PUT
    @Path("activities/{id}")
    @Operation(summary = "Change an activity; setting status DONE announces ActivityCompleted")
    public ActivityView update(@PathParam("id") UUID id, @Valid @NotNull ActivityRequest request) {
        Activity activity = plans.requireActivity(id);
        scope.requireWriteOfRecord(activity.unitCode, "activity-not-found", id);
        return plans.updateActivity(id, request);
    }

    @POST
    @Path("kpis/{id}/actuals")
    @Operation(summary = "Record a KPI's actual value on a date")
    public Response record(@PathParam("id") UUID id, @Valid @NotNull ActualRequest request) {
        Kpi kpi = plans.requireKpi(id);
        Plan plan = Plan.findById(kpi.planId);
        scope.requireWriteOfRecord(plan.unitCode, "kpi-not-found", id);
        return Response.status(201).entity(plans.recordActual(id, request)).build();
    }
}
