package th.go.ita.survey.round;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.inject.Inject;
import th.go.ita.platform.access.Caller;
import th.go.ita.platform.access.Roles;
import th.go.ita.survey.unit.Unit;

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

    @Inject
    Caller user;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rounds that concern the caller's units, newest fiscal year first")
    public List<RoundView> rounds() {
        List<Round> rounds = Round.list("order by fiscalYear desc nulls last, surveyOpensAt desc nulls last, id");
        return rounds.stream().filter(this::concernsCaller).map(r -> new RoundView(r.id, r.name, r.fiscalYear, r.state,
                r.scopeUnitCode, r.surveyOpensAt, r.surveyClosesAt)).toList();
    }

    /**
     * The rule scoring-service applies to its own round list: a round covering a unit in the caller's
     * scope (an area-admin sees their schools' rounds), or covering the caller's own unit from above
     * (a school sees its area's round). Names and ids of other offices' rounds stay hidden.
     */
    private boolean concernsCaller(Round round) {
        Unit scopeUnit = round.scopeUnitCode == null ? null : Unit.findById(round.scopeUnitCode);
        if (scopeUnit == null) {
            return user.isSystemAdmin();
        }
        if (user.covers(scopeUnit)) {
            return true;
        }
        Unit own = user.unitCode() == null ? null : Unit.findById(user.unitCode());
        return own != null && own.isWithin(scopeUnit.code);
    }
}
