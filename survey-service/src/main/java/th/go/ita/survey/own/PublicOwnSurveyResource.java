package th.go.ita.survey.own;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.survey.config.SurveyConfig;
import th.go.ita.survey.eit.QrImages;
import th.go.ita.survey.problem.ProblemException;
import th.go.ita.survey.response.AddressRateLimit;

import java.time.Duration;

/**
 * The public side of an own survey, by its opaque link token: anyone may answer while it is OPEN
 * (abuse limited per address, in memory, and by the request size cap), and read its aggregate
 * results once the unit-admin made them public.
 */
@Path("/own-surveys/{token}")
@Tag(name = "Own surveys")
@PermitAll
public class PublicOwnSurveyResource {

    @Inject
    OwnSurveyService surveys;

    @Inject
    AddressRateLimit rateLimit;

    @Inject
    SurveyConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The questions of an OPEN survey, for respondents")
    public OwnSurvey.Public form(@PathParam("token") String token) {
        return surveys.form(token);
    }

    @POST
    @Path("responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One anonymous response; a retry with the same submissionId is counted once")
    public Response submit(@PathParam("token") String token, @Valid @NotNull OwnSurveyRequests.Answers answers,
                           @Context HttpServerRequest request) {
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        // The same budget as IIT/EIT submissions: a person answers a few surveys a minute at most.
        if (!rateLimit.tryAcquire("submission", address, config.intake().submissionsPerMinute(), Duration.ofMinutes(1))) {
            throw new ProblemException(429, "too-many-submissions");
        }
        OwnSurveyService.Submitted result = surveys.submit(token, answers);
        return Response.status(result.created() ? 201 : 200).entity(result.receipt())
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("results")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Aggregate results, once made public (a link to attach as OIT evidence); never short texts")
    public OwnSurvey.Results results(@PathParam("token") String token) {
        return surveys.publicResults(token);
    }

    @GET
    @Path("qr.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "QR code of the survey's public link")
    public Response qr(@PathParam("token") String token) {
        surveys.form(token);
        return Response.ok(QrImages.svg(config.publicBaseUrl() + "/o/" + token))
                .header("Cache-Control", "public, max-age=3600").build();
    }
}
