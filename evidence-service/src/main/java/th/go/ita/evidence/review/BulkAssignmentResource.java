package th.go.ita.evidence.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.evidence.access.UnitAccess;
import th.go.ita.evidence.access.UnitRef;
import th.go.ita.platform.access.Roles;
import th.go.ita.platform.access.UnitPaths;
import th.go.ita.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * One auditor to many units in one call: a whole area (the area office and every school below it)
 * or a list of units, instead of one PUT per unit. All or nothing: one unit out of the caller's
 * scope refuses the whole request.
 */
@Path("/auditor-assignments")
@Tag(name = "Review")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BulkAssignmentResource {

    /** Exactly one of {@code area} (that unit and every unit below it) and {@code unitCodes}. */
    public record BulkRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}") String auditor,
                              @Size(max = 100) String area,
                              @Size(max = 2000) List<@NotNull @Size(min = 1, max = 100) String> unitCodes) {
    }

    public record BulkResult(String auditor, List<String> unitCodes, int added) {
    }

    @Inject
    UnitAccess access;

    @Inject
    EntityManager em;

    @POST
    @Transactional
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Operation(summary = "Assign an auditor to a whole area (the unit and all below it) or to a list of units")
    public BulkResult assign(@Valid @NotNull BulkRequest body) {
        boolean byArea = body.area() != null && !body.area().isBlank();
        boolean byList = body.unitCodes() != null && !body.unitCodes().isEmpty();
        if (byArea == byList) {
            throw ProblemException.badRequest("assignment-target");
        }
        List<UnitRef> units = new ArrayList<>();
        if (byArea) {
            UnitRef area = access.manageAuditors(body.area());
            @SuppressWarnings("unchecked")
            List<String> codes = em.createNativeQuery(
                            "SELECT code FROM unit WHERE path LIKE :p ESCAPE '" + UnitPaths.LIKE_ESCAPE + "' ORDER BY path")
                    .setParameter("p", UnitPaths.subtreePattern(area.path())).getResultList();
            // Below a unit the caller manages, every unit is hers to manage too; checked anyway.
            for (String code : codes) {
                units.add(access.manageAuditors(code));
            }
        } else {
            for (String code : body.unitCodes().stream().distinct().toList()) {
                units.add(access.manageAuditors(code));
            }
        }
        int added = 0;
        for (UnitRef unit : units) {
            added += em.createNativeQuery("""
                            INSERT INTO auditor_assignment (auditor, unit_code, assigned_by) VALUES (:a, :u, :by)
                            ON CONFLICT DO NOTHING""")
                    .setParameter("a", body.auditor()).setParameter("u", unit.code())
                    .setParameter("by", access.username()).executeUpdate();
        }
        return new BulkResult(body.auditor(), units.stream().map(UnitRef::code).toList(), added);
    }
}
