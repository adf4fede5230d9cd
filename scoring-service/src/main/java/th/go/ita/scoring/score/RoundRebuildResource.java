package th.go.ita.scoring.score;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.platform.access.Roles;
import th.go.ita.scoring.round.AssessmentRound;
import th.go.ita.scoring.round.RoundService;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * After an incident (a restore, a consumer that was down, a hand edit) an operator checks a whole
 * round at once: every unit's sheet is computed again from scoring's stored inputs alone, and the
 * answer says which live sheets differed (those are mended and published again).
 */
@Path("/scores/rounds/{roundId}/rebuild")
@Tag(name = "Scores")
@Produces(MediaType.APPLICATION_JSON)
public class RoundRebuildResource {

    @Inject
    RoundService rounds;

    @Inject
    UnitScores scores;

    @Inject
    EntityManager em;

    /** @param differed units whose live sheet was not what their stored inputs give (codes only, no figures) */
    public record RoundRebuilt(UUID roundId, int units, List<String> differed) {
    }

    @POST
    @RolesAllowed(Roles.SYSTEM_ADMIN)
    @Operation(summary = "Recompute every unit's score of a round from the stored input events; lists the units whose live sheet differed")
    public RoundRebuilt rebuild(@PathParam("roundId") UUID roundId) {
        AssessmentRound round = rounds.visible(roundId);
        @SuppressWarnings("unchecked")
        List<String> units = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT unit_code FROM score_input_event WHERE round_id = :round
                UNION SELECT unit_code FROM unit_score WHERE round_id = :round ORDER BY 1
                """).setParameter("round", roundId).getResultList());
        List<String> differed = new ArrayList<>();
        for (String unit : units) {
            // One unit per transaction, under the unit's lock: a national round is thousands of units.
            JsonNode before = QuarkusTransaction.requiringNew().call(() -> scores.stored(roundId, unit));
            scores.rebuild(round, unit);
            JsonNode after = QuarkusTransaction.requiringNew().call(() -> scores.stored(roundId, unit));
            if (!Objects.equals(before, after)) {
                differed.add(unit);
            }
        }
        return new RoundRebuilt(roundId, units.size(), differed);
    }
}
