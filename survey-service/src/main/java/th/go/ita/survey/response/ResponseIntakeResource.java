package th.go.ita.survey.response;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.survey.config.SurveyConfig;

import java.time.Duration;

@Path("/responses")
@Tag(name = "Respondents")
// Respondents have no account. Abuse is limited per address (in memory), by one-time codes (IIT)
// and by the request size cap (quarkus.http.limits.max-body-size).
@PermitAll
public class ResponseIntakeResource {

    @Inject
    ResponseIntakeService intake;

    @Inject
    AddressRateLimit rateLimit;

    @Inject
    CodeFailureLimit codeFailures;

    @Inject
    SurveyConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit one anonymous IIT or EIT response; a retry with the same submissionId is counted once")
    public Response submit(@Valid @NotNull Submission submission, @Context HttpServerRequest request) {
        String address = CodeFailureLimit.addressOf(request);
        codeFailures.requireUnder(address);
        if (!rateLimit.tryAcquire("submission", address, config.intake().submissionsPerMinute(), Duration.ofMinutes(1))) {
            throw new ProblemException(429, "too-many-submissions");
        }
        ResponseIntakeService.Result result;
        try {
            result = intake.submit(submission);
        } catch (ProblemException e) {
            if (e.code().startsWith("code-")) {
                codeFailures.countFailure(address);
            }
            throw e;
        }
        return Response.status(result.created() ? 201 : 200).entity(result.receipt())
                .header("Cache-Control", "no-store").build();
    }
}
