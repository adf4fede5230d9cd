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
import th.go.ita.evidence.access.RoundRef;
import th.go.ita.evidence.access.UnitAccess;
import th.go.ita.platform.access.Roles;

import java.util.List;

@Path("/units/{unitCode}/rounds")
@Tag(name = "Checklist")
@Produces(MediaType.APPLICATION_JSON)
public class RoundsResource {

    @Inject
    UnitAccess access;

    @Inject
    Directory directory;

    @GET
    @Transactional
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN, Roles.UNIT_ADMIN, Roles.EVIDENCE_EDITOR, Roles.AUDITOR})
    @Operation(summary = "Assessment rounds in which the unit takes part, newest first")
    public List<RoundRef> rounds(@PathParam("unitCode") String unitCode) {
        return directory.roundsCovering(access.read(unitCode));
    }
}
