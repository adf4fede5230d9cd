package th.go.ita.survey.questionnaire;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/rounds/{roundId}/questionnaires/{instrument}")
@Tag(name = "Respondents")
// Respondents have no account; what they may see is decided by the round's state and window.
@PermitAll
public class QuestionnaireResource {

    @Inject
    QuestionnaireService questionnaires;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "The IIT or EIT questionnaire of an open round for one unit, texts in Thai and English")
    public Questionnaire questionnaire(@PathParam("roundId") String roundId,
                                       @PathParam("instrument") Instrument instrument,
                                       @QueryParam("unit") String unitCode) {
        return questionnaires.render(questionnaires.openTarget(roundId, unitCode), instrument);
    }
}
