package th.go.ita.evidence.checklist;

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

@Path("/units/{unitCode}/rounds/{roundId}/checklist")
@Tag(name = "Checklist")
@Produces(MediaType.APPLICATION_JSON)
public class ChecklistResource {

    @Inject
    UnitAccess access;

    @Inject
    Directory directory;

    @Inject
    ChecklistService checklists;

    @GET
    @Transactional
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN, Roles.UNIT_ADMIN, Roles.EVIDENCE_EDITOR, Roles.AUDITOR})
    @Operation(summary = "The unit's OIT items of the round, grouped by sub-indicator, with status and progress")
    public Checklist checklist(@PathParam("unitCode") String unitCode, @PathParam("roundId") String roundId) {
        UnitRef unit = access.read(unitCode);
        return checklists.checklist(unit, directory.roundOf(unit, roundId));
    }
}
