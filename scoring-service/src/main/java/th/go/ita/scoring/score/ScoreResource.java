package th.go.ita.scoring.score;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.platform.access.Roles;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.scoring.round.AssessmentRound;
import th.go.ita.scoring.round.RoundService;
import th.go.ita.scoring.unit.Unit;
import th.go.ita.scoring.unit.UnitScope;

import java.util.UUID;

@Path("/scores/rounds/{roundId}/units/{unitCode}")
@Tag(name = "Scores")
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    @Inject
    UnitScope scope;

    @Inject
    RoundService rounds;

    @Inject
    UnitScores scores;

    @Inject
    th.go.ita.scoring.framework.FrameworkService frameworks;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    static final int MIN_RESPONDENTS_FOR_QUESTIONS = 5;

    @GET
    @Authenticated
    @Operation(summary = "A unit's computed score sheet for a round")
    public JsonNode get(@PathParam("roundId") UUID roundId, @PathParam("unitCode") String unitCode) {
        inRound(roundId, unitCode);
        JsonNode sheet = scores.stored(roundId, unitCode);
        if (sheet == null) {
            throw ProblemException.notFound("score-not-computed", unitCode);
        }
        return withoutIdentifiableQuestions(rounds.visible(roundId), sheet);
    }

    /**
     * With very few respondents a question's mean is close to one person's answer, so question-level
     * means of an instrument are shown only from {@link #MIN_RESPONDENTS_FOR_QUESTIONS} respondents on.
     */
    private JsonNode withoutIdentifiableQuestions(AssessmentRound round, JsonNode sheet) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = sheet.deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode questions = (com.fasterxml.jackson.databind.node.ObjectNode) copy.path("questions");
        th.go.ita.scoring.framework.Framework framework = frameworks.framework(round.frameworkId, round.frameworkVersion);
        for (JsonNode sample : sheet.path("samples")) {
            if (sample.path("received").asLong() < MIN_RESPONDENTS_FOR_QUESTIONS) {
                framework.instrument(sample.path("instrument").asText()).ifPresent(instrument ->
                        instrument.indicators().forEach(indicator -> indicator.questions()
                                .forEach(q -> questions.remove(q.code()))));
            }
        }
        explain(framework, sheet, copy);
        return copy;
    }

    /**
     * The edition's rating scheme and why the sheet's rating was or was not reached, worked out when read so
     * sheets stored before the explanation existed get it too.
     */
    private void explain(th.go.ita.scoring.framework.Framework framework, JsonNode sheet,
                         com.fasterxml.jackson.databind.node.ObjectNode copy) {
        if (!sheet.path("total").isNumber() || !sheet.path("instrumentMeans").isObject()) {
            return;
        }
        java.util.Map<String, java.math.BigDecimal> means = new java.util.LinkedHashMap<>();
        sheet.path("instrumentMeans").fields().forEachRemaining(e -> means.put(e.getKey(), e.getValue().decimalValue()));
        th.go.ita.scoring.engine.RatingExplanation e = th.go.ita.scoring.engine.RatingExplanation.of(
                framework, sheet.path("total").decimalValue(), means);
        if (e.reached().equals(sheet.path("rating").asText())) {
            copy.set("ratingExplained", mapper.valueToTree(e));
        }
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Transactional
    @Operation(summary = "Recompute a unit's score from the stored input events alone")
    public JsonNode rebuild(@PathParam("roundId") UUID roundId, @PathParam("unitCode") String unitCode) {
        AssessmentRound round = inRound(roundId, unitCode);
        scores.rebuild(round, unitCode);
        // The same sheet GET shows: an administrator's rebuild reveals no more than a read.
        return withoutIdentifiableQuestions(round, scores.stored(roundId, unitCode));
    }

    private AssessmentRound inRound(UUID roundId, String unitCode) {
        Unit unit = scope.require(unitCode);
        AssessmentRound round = rounds.visible(roundId);
        if (!unit.isWithin(Unit.findById(round.scopeUnitCode))) {
            throw ProblemException.notFound("score-not-computed", unitCode);
        }
        return round;
    }
}
