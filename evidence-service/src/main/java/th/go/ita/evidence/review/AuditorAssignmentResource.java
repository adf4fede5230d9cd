package th.go.ita.evidence.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.evidence.access.Rows;
import th.go.ita.evidence.access.UnitAccess;
import th.go.ita.evidence.access.UnitRef;
import th.go.ita.platform.access.Roles;

import java.time.Instant;
import java.util.List;

@Path("/units/{unitCode}/auditors")
@Tag(name = "Review")
@Produces(MediaType.APPLICATION_JSON)
public class AuditorAssignmentResource {

    public record Assignment(String auditor, String unitCode, String assignedBy, Instant assignedAt) {
    }

    @Inject
    UnitAccess access;

    @Inject
    EntityManager em;

    @GET
    @Transactional
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Operation(summary = "Auditors assigned to the unit")
    public List<Assignment> list(@PathParam("unitCode") String unitCode) {
        UnitRef unit = access.manageAuditors(unitCode);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(
                        "SELECT * FROM auditor_assignment WHERE unit_code = :u ORDER BY auditor", Tuple.class)
                .setParameter("u", unit.code()).getResultList();
        return rows.stream().map(t -> new Assignment(Rows.str(t, "auditor"), Rows.str(t, "unit_code"),
                Rows.str(t, "assigned_by"), Rows.instant(t, "assigned_at"))).toList();
    }

    @PUT
    @Path("/{auditor}")
    @Transactional
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Operation(summary = "Assign an auditor (Keycloak username) to the unit")
    public Response assign(@PathParam("unitCode") String unitCode,
                           @PathParam("auditor") @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}") String auditor) {
        UnitRef unit = access.manageAuditors(unitCode);
        int added = em.createNativeQuery("""
                        INSERT INTO auditor_assignment (auditor, unit_code, assigned_by) VALUES (:a, :u, :by)
                        ON CONFLICT DO NOTHING""")
                .setParameter("a", auditor).setParameter("u", unit.code()).setParameter("by", access.username())
                .executeUpdate();
        return Response.status(added == 1 ? 201 : 200).build();
    }

    @DELETE
    @Path("/{auditor}")
    @Transactional
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Operation(summary = "End an auditor's assignment to the unit (their past reviews stay)")
    public Response unassign(@PathParam("unitCode") String unitCode, @PathParam("auditor") String auditor) {
        UnitRef unit = access.manageAuditors(unitCode);
        em.createNativeQuery("DELETE FROM auditor_assignment WHERE auditor = :a AND unit_code = :u")
                .setParameter("a", auditor).setParameter("u", unit.code()).executeUpdate();
        return Response.noContent().build();
    }
}
