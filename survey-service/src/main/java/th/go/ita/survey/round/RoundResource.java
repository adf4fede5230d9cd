package th.go.ita.survey.round;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.survey.access.Roles;

import java.time.Instant;
import java.util.List;

@Path("/rounds")
@Tag(name = "Rounds")
@RolesAllowed({Roles.UNIT_ADMIN, Roles.AREA_ADMIN, Roles.SYSTEM_ADMIN})
public class RoundResource {

    /** A round as staff pick it on the survey screens (scoring-service owns and edits rounds). */
    public record RoundView(String id, String name, Integer fiscalYear, String state, String scopeUnitCode,
                            Instant surveyOpensAt, Instant surveyClosesAt) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rounds this service knows of, newest fiscal year first")
    public List<RoundView> rounds() {
        List<Round> rounds = Round.list("order by fiscalYear desc nulls last, surveyOpensAt desc nulls last, id");
        return rounds.stream().map(r -> new RoundView(r.id, r.name, r.fiscalYear, r.state, r.scopeUnitCode,
                r.surveyOpensAt, r.surveyClosesAt)).toList();
    }
}
