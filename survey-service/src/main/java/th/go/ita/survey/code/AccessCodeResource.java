package th.go.ita.survey.code;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import th.go.ita.platform.access.Caller;
import th.go.ita.platform.access.Roles;
import th.go.ita.platform.reports.Download;
import th.go.ita.platform.reports.Table;
import th.go.ita.survey.questionnaire.SurveyTarget;

import java.util.List;
import java.util.Map;

@Path("/rounds/{roundId}/units/{unitCode}/access-codes")
@Tag(name = "IIT access codes")
@RolesAllowed({Roles.UNIT_ADMIN, Roles.AREA_ADMIN, Roles.SYSTEM_ADMIN})
public class AccessCodeResource {

    @Inject
    AccessCodeService codes;

    @Inject
    StaffTargets targets;

    @Inject
    Caller user;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate a batch of one-time codes; the response is the only time they are shown in clear")
    public Response generate(@PathParam("roundId") String roundId, @PathParam("unitCode") String unitCode,
                             @Valid GenerateCodesRequest request) {
        CodeBatch batch = codes.generate(targets.require(roundId, unitCode), request == null ? null : request.count(),
                user.username());
        return Response.status(201).entity(batch).header("Cache-Control", "no-store").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces("text/csv")
    @Operation(summary = "Generate a batch of one-time codes as CSV (code and survey link), shown this once")
    public Response generateCsv(@PathParam("roundId") String roundId, @PathParam("unitCode") String unitCode,
                                @Valid GenerateCodesRequest request) {
        CodeBatch batch = codes.generate(targets.require(roundId, unitCode), request == null ? null : request.count(),
                user.username());
        List<List<Object>> rows = batch.codes().stream()
                .map(code -> List.<Object>of(code, batch.surveyUrl() + "#code=" + code)).toList();
        return Download.table(new Table("codes", List.of("code", "link"), rows),
                        "iit-codes-" + unitCode + "-" + batch.createdOn(), "csv")
                .status(201).header("Cache-Control", "no-store").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces("application/pdf")
    @Operation(summary = "Generate a batch of one-time codes as printable slips (PDF: code, QR, unit, round), shown this once")
    public Response generatePdf(@PathParam("roundId") String roundId, @PathParam("unitCode") String unitCode,
                                @Valid GenerateCodesRequest request) {
        SurveyTarget target = targets.require(roundId, unitCode);
        CodeBatch batch = codes.generate(target, request == null ? null : request.count(), user.username());
        return Download.file(Response.status(201).entity(CodeSlipsPdf.render(target, batch)).type("application/pdf"),
                        "iit-slips-" + unitCode + "-" + batch.createdOn() + ".pdf")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "How many codes exist, are used, void or unused (never the codes)")
    public CodeSummary summary(@PathParam("roundId") String roundId, @PathParam("unitCode") String unitCode) {
        return codes.summary(targets.require(roundId, unitCode));
    }

    @POST
    @Path("/void")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Void unused codes: listed ones, or all unused codes of a batch")
    public Map<String, Integer> voidCodes(@PathParam("roundId") String roundId, @PathParam("unitCode") String unitCode,
                                          @Valid VoidCodesRequest request) {
        if (request == null) {
            throw th.go.ita.platform.problem.ProblemException.badRequest("void-what");
        }
        return Map.of("voided", codes.voidCodes(targets.require(roundId, unitCode), request));
    }
}
