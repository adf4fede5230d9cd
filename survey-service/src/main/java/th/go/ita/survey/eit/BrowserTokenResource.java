package th.go.ita.survey.eit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.survey.questionnaire.QuestionnaireService;
import th.go.ita.survey.questionnaire.SurveyTarget;
import th.go.ita.survey.response.AddressRateLimit;

import java.time.Duration;
import java.util.Map;

@Path("/rounds/{roundId}/units/{unitCode}/browser-token")
@Tag(name = "Respondents")
// Asked for by the EIT page when it opens; anyone may, a few hundred times an hour per address.
@PermitAll
public class BrowserTokenResource {

    static final int TOKENS_PER_HOUR = 300;

    @Inject
    BrowserTokens tokens;

    @Inject
    QuestionnaireService questionnaires;

    @Inject
    AddressRateLimit rateLimit;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "A signed one-per-browser token for answering this unit's EIT once")
    public Map<String, String> browserToken(@PathParam("roundId") String roundId, @PathParam("unitCode") String unitCode,
                                            @Context HttpServerRequest request) {
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        if (!rateLimit.tryAcquire("browser-token", address, TOKENS_PER_HOUR, Duration.ofHours(1))) {
            throw new ProblemException(429, "too-many-submissions");
        }
        SurveyTarget target = questionnaires.openTarget(roundId, unitCode);
        return Map.of("browserToken", tokens.issue(target.round().id, target.unit().code));
    }
}
