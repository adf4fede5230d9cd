package th.go.ita.survey.own;

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
import th.go.ita.platform.access.Caller;
import th.go.ita.platform.access.Roles;
import th.go.ita.platform.reports.Download;
import th.go.ita.survey.unit.Unit;

import java.util.List;
import java.util.UUID;

/**
 * Staff side of an office's own surveys. Everything sits under the unit, so the unit scope check
 * (own unit, area subtree, or system-admin) comes first and a survey of another unit is not found.
 */
@Path("/units/{unitCode}/own-surveys")
@Tag(name = "Own surveys")
@RolesAllowed({Roles.UNIT_ADMIN, Roles.AREA_ADMIN, Roles.SYSTEM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OwnSurveyResource {

    @Inject
    OwnSurveyService surveys;

    @Inject
    Caller user;

    @GET
    @Operation(summary = "The unit's own surveys, newest first")
    public List<OwnSurvey.Staff> list(@PathParam("unitCode") String unitCode) {
        return surveys.list(unit(unitCode));
    }

    @POST
    @Operation(summary = "Create a survey (DRAFT): questions of type LIKERT_5, SINGLE_CHOICE, MULTIPLE_CHOICE, SHORT_TEXT")
    public Response create(@PathParam("unitCode") String unitCode, @Valid @NotNull OwnSurveyRequest request) {
        OwnSurvey.Staff created = surveys.create(unit(unitCode), request, user.username());
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One survey with its questions, state, response count, public and results links")
    public OwnSurvey.Staff get(@PathParam("unitCode") String unitCode, @PathParam("id") UUID id) {
        return surveys.get(unit(unitCode), id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a DRAFT survey's texts and questions")
    public OwnSurvey.Staff update(@PathParam("unitCode") String unitCode, @PathParam("id") UUID id,
                                  @Valid @NotNull OwnSurveyRequest request) {
        return surveys.update(unit(unitCode), id, request);
    }

    @POST
    @Path("{id}/state")
    @Operation(summary = "Publish (DRAFT → OPEN) or close (OPEN → CLOSED)")
    public OwnSurvey.Staff changeState(@PathParam("unitCode") String unitCode, @PathParam("id") UUID id,
                                       @Valid @NotNull OwnSurveyRequests.StateChange change) {
        return surveys.changeState(unit(unitCode), id, change.state());
    }

    @PUT
    @Path("{id}/results-public")
    @Operation(summary = "Make the aggregate results public (e.g. as OIT evidence) or private again")
    public OwnSurvey.Staff publicity(@PathParam("unitCode") String unitCode, @PathParam("id") UUID id,
                                     @Valid @NotNull OwnSurveyRequests.Publicity publicity) {
        return surveys.setResultsPublic(unit(unitCode), id, publicity.resultsPublic());
    }

    @GET
    @Path("{id}/results")
    @Operation(summary = "Aggregates: counts per option, Likert means; short texts and per-question figures from 5 responses")
    public OwnSurvey.Results results(@PathParam("unitCode") String unitCode, @PathParam("id") UUID id) {
        return surveys.staffResults(unit(unitCode), id);
    }

    @GET
    @Path("{id}/results.csv")
    @Produces("text/csv")
    @Operation(summary = "The aggregates as CSV (UTF-8 with BOM, for Excel)")
    public Response csv(@PathParam("unitCode") String unitCode, @PathParam("id") UUID id) {
        return download(unitCode, id, "csv");
    }

    @GET
    @Path("{id}/results.xlsx")
    @Produces(Download.XLSX)
    @Operation(summary = "The aggregates as an XLSX spreadsheet")
    public Response xlsx(@PathParam("unitCode") String unitCode, @PathParam("id") UUID id) {
        return download(unitCode, id, "xlsx");
    }

    private Response download(String unitCode, UUID id, String format) {
        return Download.table(OwnResultsExport.table(surveys.staffResults(unit(unitCode), id)), "own-survey-" + id, format)
                .build();
    }

    private Unit unit(String code) {
        return user.requireCovered(code, Unit.findById(code));
    }
}
