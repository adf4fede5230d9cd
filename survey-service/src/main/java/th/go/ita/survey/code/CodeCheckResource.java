package th.go.ita.survey.code;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.survey.questionnaire.QuestionnaireService;
import th.go.ita.survey.response.CodeFailureLimit;

@Path("/access-codes/check")
@Tag(name = "Respondents")
// Respondents have no account. The check is an oracle on codes, so a code that is not usable counts
// against the same per-address limit as a wrong code at submission.
@PermitAll
public class CodeCheckResource {

    @Inject
    AccessCodeService codes;

    @Inject
    QuestionnaireService questionnaires;

    @Inject
    CodeFailureLimit codeFailures;

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether an IIT code can still answer this round and unit; writes nothing and spends nothing",
            description = "Answers only usable or not usable: unknown, used, void, other-survey and mistyped codes "
                    + "get the same body. Every not usable answer counts against ita.intake.code-failures-per-hour "
                    + "of the caller's address, shared with POST /responses.")
    @APIResponse(responseCode = "200", description = "usable or not",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Usability.class)))
    @APIResponse(responseCode = "400", description = "missing or malformed fields",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "no such round, or the unit is not in it",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "the survey is not open",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "429", description = "too many wrong codes from this address",
            content = @Content(mediaType = "application/problem+json"))
    public Response check(@Valid @NotNull CodeCheck check, @Context HttpServerRequest request) {
        String address = CodeFailureLimit.addressOf(request);
        codeFailures.requireUnder(address);
        questionnaires.openTarget(check.roundId(), check.unitCode());
        boolean usable = codes.usable(check.roundId(), check.unitCode(), check.code());
        if (!usable) {
            codeFailures.countFailure(address);
        }
        return Response.ok(new Usability(usable)).header("Cache-Control", "no-store").build();
    }

    /** The whole answer: nothing about why a code is not usable. */
    public record Usability(boolean usable) {
    }
}
