package th.go.ita.evidence.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.evidence.access.Directory;
import th.go.ita.evidence.access.UnitAccess;
import th.go.ita.evidence.access.UnitRef;
import th.go.ita.platform.access.Roles;

import java.util.List;

@Path("/units/{unitCode}/rounds/{roundId}/audit-trail")
@Tag(name = "Review")
@Produces(MediaType.APPLICATION_JSON)
public class AuditTrailResource {

    @Inject
    UnitAccess access;

    @Inject
    Directory directory;

    @Inject
    AuditTrail audit;

    @GET
    @Transactional
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN, Roles.UNIT_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Every change to the unit's items in the round: who, when, what, from and to which state")
    public List<AuditTrail.Entry> auditTrail(@PathParam("unitCode") String unitCode,
                                             @PathParam("roundId") String roundId) {
        UnitRef unit = access.auditTrail(unitCode);
        return audit.entries(directory.roundOf(unit, roundId).id(), unit.code());
    }
}
