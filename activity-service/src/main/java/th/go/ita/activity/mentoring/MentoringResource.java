package th.go.ita.activity.mentoring;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.activity.mentoring.MentoringApi.AssignmentRequest;
import th.go.ita.activity.mentoring.MentoringApi.AssignmentView;
import th.go.ita.activity.mentoring.MentoringApi.LogRequest;
import th.go.ita.activity.unit.UnitScope;

import java.util.List;
import java.util.UUID;

@Path("/")
@Tag(name = "Mentoring")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)

public class MentoringResource {

    @Inject
    UnitScope scope;

    @Inject
    MentoringService mentoring;

    @GET
    @Path("units/{code}/mentors")
    @Operation(summary = "The unit's mentors with their visit and coaching logs")
    public List<AssignmentView> list(@PathParam("code") String code) {
        scope.requireRead(code);
        return mentoring.ofUnit(code);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("units/{code}/mentors")
    @Operation(summary = "Assign a mentor (a person or a team) to the unit or to one of its indicators")
    public Response assign(@PathParam("code") String code, @Valid @NotNull AssignmentRequest request) {
        scope.requireWrite(code);
        return Response.status(201).entity(mentoring.assign(code, request)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("mentors/{id}/logs")
    @Operation(summary = "Log a visit or coaching session, with a follow-up and its due date")
    public Response log(@PathParam("id") UUID id, @Valid @NotNull LogRequest request) {
        MentorAssignment assignment = mentoring.require(id);
        scope.requireWriteOfRecord(assignment.unitCode, "mentor-not-found", id);
        return Response.status(201).entity(mentoring.log(id, request)).build();
    }

    @POST
    @Path("mentoring-logs/{id}/follow-up-done")
    @Operation(summary = "Mark a mentoring follow-up as done today")
    public AssignmentView followUpDone(@PathParam("id") UUID id) {
        MentoringLog log = mentoring.requireLog(id);
        MentorAssignment assignment = MentorAssignment.findById(log.assignmentId);
        scope.requireWriteOfRecord(assignment.unitCode, "mentoring-log-not-found", id);
        return mentoring.followUpDone(id);
    }
}
