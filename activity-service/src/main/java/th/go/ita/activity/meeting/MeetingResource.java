package th.go.ita.activity.meeting;

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
import th.go.ita.activity.meeting.MeetingApi.ActionView;
import th.go.ita.activity.meeting.MeetingApi.MeetingRequest;
import th.go.ita.activity.meeting.MeetingApi.MeetingView;
import th.go.ita.activity.mentoring.MentoringApi.LogView;
import th.go.ita.activity.mentoring.MentoringService;
import th.go.ita.activity.unit.UnitScope;

import java.util.List;
import java.util.UUID;

@Path("/")
@Tag(name = "Meetings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeetingResource {

    /** What the unit's home page shows as late: meeting actions and mentoring follow-ups. */
    public record Overdue(List<ActionView> actions, List<LogView> followUps) {
    }

    @Inject
    UnitScope scope;

    @Inject
    MeetingService meetings;

    @Inject
    MentoringService mentoring;

    @GET
    @Path("units/{code}/meetings")
    @Operation(summary = "The unit's board meetings, newest first, with action items")
    public List<MeetingView> list(@PathParam("code") String code) {
        scope.requireRead(code);
        return meetings.ofUnit(code);
    }

    @POST
    @Path("units/{code}/meetings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a board meeting's minutes")
    public Response record(@PathParam("code") String code, @Valid @NotNull MeetingRequest request) {
        scope.requireWrite(code);
        return Response.status(201).entity(meetings.record(code, request)).build();
    }

    @GET
    @Path("meetings/{id}")
    @Operation(summary = "One meeting's minutes")
    public MeetingView get(@PathParam("id") UUID id) {
        Meeting meeting = meetings.require(id);
        scope.requireReadOfRecord(meeting.unitCode, "meeting-not-found", id);
        return MeetingService.view(meeting);
    }

    @POST
    @Path("action-items/{id}/done")
    @Operation(summary = "Mark an action item done today")
    public ActionView done(@PathParam("id") UUID id) {
        ActionItem item = meetings.requireAction(id);
        scope.requireWriteOfRecord(item.unitCode, "action-not-found", id);
        return meetings.done(id);
    }

    @GET
    @Path("units/{code}/overdue")
    @Operation(summary = "Overdue action items and mentoring follow-ups, for the unit's home page")
    public Overdue overdue(@PathParam("code") String code) {
        scope.requireRead(code);
        return new Overdue(meetings.overdue(code), mentoring.overdueFollowUps(code));
    }
}
