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
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.survey.config.SurveyConfig;
import th.go.ita.survey.eit.QrImages;
import th.go.ita.survey.response.AddressRateLimit;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The public side of an own survey, by its opaque link token: anyone may answer while it is OPEN
 * (abuse limited per address, in memory, and by the request size cap), and read its aggregate
 * results once the unit-admin made them public.
 */
@Path("/own-surveys/{token}")
@Tag(name = "Own surveys")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PublicOwnSurveyResource {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    @Inject
    OwnSurveyService surveys;

    @Inject
    AddressRateLimit rateLimit;

    @Inject
    SurveyConfig config;

    @GET
    @Operation(summary = "The questions of an OPEN survey, for respondents")
    public OwnSurvey.Public form(@PathParam("token") String token) {
        return surveys.form(token);
    }

    @POST
    @Path("responses")
    @Consumes(MediaType.APPLICATION_JSON)
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
    @Operation(summary = "Aggregate results, once made public (a link to attach as OIT evidence); never short texts")
    public OwnSurvey.Results results(@PathParam("token") String token) {
        return surveys.publicResults(token);
    }

    @GET
    @Path("results.html")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "The public results as a plain HTML page to print or link as OIT evidence; never short texts")
    public Response resultsPage(@PathParam("token") String token) {
        String address = config.publicBaseUrl() + "/api/survey/own-surveys/" + token + "/results.html";
        try {
            String page = OwnResultsPage.results(surveys.publicResults(token), address, LocalDate.now(BANGKOK));
            return html(200, page).header("Cache-Control", "public, max-age=60").build();
        } catch (ProblemException e) {
            if (e.status() != 404) {
                throw e;
            }
            // A person follows this link from a document or a printout: answer with a page they
            // can read rather than a JSON problem, and the same page whatever the reason, so it
            // does not reveal whether a private survey exists behind the token.
            return html(404, OwnResultsPage.notFound()).header("Cache-Control", "no-store").build();
        }
    }

    private static Response.ResponseBuilder html(int status, String page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page)
                // Nothing on the page runs or loads: even a text that slipped through escaping could not.
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'")
                .header("X-Content-Type-Options", "nosniff");
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
