package th.go.ita.survey.eit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.platform.access.Roles;
import th.go.ita.survey.code.StaffTargets;

@Path("/rounds/{roundId}/units/{unitCode}/eit-link")
@Tag(name = "EIT links")
@RolesAllowed({Roles.UNIT_ADMIN, Roles.AREA_ADMIN, Roles.SYSTEM_ADMIN})
public class EitLinkResource {

    @Inject
    EitLinkService links;

    @Inject
    StaffTargets targets;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The unit's public EIT link for this round (the same every time), with its QR images")
    public EitLink link(@PathParam("roundId") String roundId, @PathParam("unitCode") String unitCode) {
        return links.linkFor(targets.require(roundId, unitCode));
    }
}
