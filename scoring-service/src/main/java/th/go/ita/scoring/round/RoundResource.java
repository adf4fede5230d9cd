package th.go.ita.scoring.round;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
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
import th.go.ita.platform.access.Roles;

import java.util.List;
import java.util.UUID;

@Path("/rounds")
@Tag(name = "Rounds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoundResource {

    public record StateChange(@NotNull AssessmentRound.State state) {
    }

    @Inject
    RoundService rounds;

    @GET
    @Authenticated
    @Operation(summary = "Rounds covering the caller's scope or their own unit")
    public List<RoundView> list() {
        return rounds.list();
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One round")
    public RoundView get(@PathParam("id") UUID id) {
        return RoundView.of(rounds.visible(id));
    }

    @POST
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Operation(summary = "Create a round (draft) for a unit within the caller's scope")
    public Response create(@Valid @NotNull RoundRequest request) {
        return Response.status(201).entity(rounds.create(request)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Operation(summary = "Edit a round while it is a draft")
    public RoundView update(@PathParam("id") UUID id, @Valid @NotNull RoundRequest request) {
        return rounds.update(id, request);
    }

    @POST
    @Path("/{id}/state")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Operation(summary = "Move a round one step: DRAFT → OPEN → CLOSED → PUBLISHED")
    public RoundView transition(@PathParam("id") UUID id, @Valid @NotNull StateChange change) {
        return rounds.transition(id, change.state());
    }
}
