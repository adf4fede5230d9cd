package th.go.ita.evidence.linkcheck;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
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
import th.go.ita.evidence.access.Rows;
import th.go.ita.evidence.access.UnitAccess;
import th.go.ita.evidence.access.UnitRef;
import th.go.ita.platform.access.Caller;
import th.go.ita.platform.access.Roles;
import th.go.ita.platform.access.UnitPaths;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a unit (or an area over its units) must act on: broken links, items not yet submitted. */
@Path("/units/{unitCode}/rounds/{roundId}/follow-up")
@Tag(name = "Checklist")
@Produces(MediaType.APPLICATION_JSON)
public class FollowUpResource {

    public record BrokenLink(String itemCode, UUID evidenceId, String url, Integer statusCode, String error,
                             Instant checkedAt) {
    }

    public record UnitDeadlines(String unitCode, String unitNameTh, int total, int notSubmitted, int overdue,
                                int failed, List<String> notSubmittedItems) {
    }

    @Inject
    UnitAccess access;

    @Inject
    Directory directory;

    @Inject
    Caller user;

    @Inject
    EntityManager em;

    @GET
    @Path("/broken-links")
    @Transactional
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN, Roles.UNIT_ADMIN, Roles.EVIDENCE_EDITOR, Roles.AUDITOR})
    @Operation(summary = "Current links of the unit that the last check found broken")
    public List<BrokenLink> brokenLinks(@PathParam("unitCode") String unitCode, @PathParam("roundId") String roundId) {
        UnitRef unit = access.read(unitCode);
        RoundRef round = directory.roundOf(unit, roundId);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        SELECT e.item_code, e.id, e.url, c.status_code, c.error, c.checked_at
                        FROM evidence e JOIN link_check c ON c.evidence_id = e.id
                        WHERE e.round_id = :r AND e.unit_code = :u AND e.withdrawn_at IS NULL AND NOT c.ok
                        ORDER BY e.item_code, e.version""", Tuple.class)
                .setParameter("r", round.id()).setParameter("u", unit.code()).getResultList();
        return rows.stream().map(t -> new BrokenLink(Rows.str(t, "item_code"), (UUID) t.get("id"), Rows.str(t, "url"),
                t.get("status_code") == null ? null : Rows.integer(t, "status_code"), Rows.str(t, "error"),
                Rows.instant(t, "checked_at"))).toList();
    }

    /**
     * Items not yet handed in (and overdue once the OIT deadline has passed) for the unit, or for
     * every unit of an area-admin's subtree that the round covers.
     */
    @GET
    @Path("/deadlines")
    @Transactional
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN, Roles.UNIT_ADMIN, Roles.EVIDENCE_EDITOR})
    @Operation(summary = "Items not submitted / overdue, for the unit or (area-admin) each unit below it")
    public List<UnitDeadlines> deadlines(@PathParam("unitCode") String unitCode, @PathParam("roundId") String roundId) {
        UnitRef unit = access.read(unitCode);
        RoundRef round = directory.roundOf(unit, roundId);
        boolean wholeSubtree = user.hasAnyRole(Roles.AREA_ADMIN, Roles.SYSTEM_ADMIN);
        boolean overdue = round.oitDeadline() != null && Instant.now().isAfter(round.oitDeadline());
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        SELECT u.code, u.name_th,
                            count(i.code) AS total,
                            count(i.code) FILTER (WHERE s.status IS NULL OR s.status IN ('EMPTY', 'DRAFT')) AS not_submitted,
                            count(i.code) FILTER (WHERE s.status = 'FAILED') AS failed,
                            string_agg(i.code, ',' ORDER BY i.position)
                                FILTER (WHERE s.status IS NULL OR s.status IN ('EMPTY', 'DRAFT')) AS missing
                        FROM unit u
                        CROSS JOIN oit_item i
                        LEFT JOIN item_status s ON s.round_id = :r AND s.unit_code = u.code AND s.item_code = i.code
                        WHERE i.framework_id = :fw AND i.framework_version = :fv
                          AND (u.code = :unit OR (:subtree AND u.path LIKE :below ESCAPE '!'))
                          AND u.path LIKE :inRound ESCAPE '!'
                        GROUP BY u.code, u.name_th, u.path ORDER BY u.path""", Tuple.class)
                .setParameter("r", round.id()).setParameter("fw", round.frameworkId())
                .setParameter("fv", round.frameworkVersion()).setParameter("unit", unit.code())
                .setParameter("subtree", wholeSubtree).setParameter("below", UnitPaths.subtreePattern(unit.path()))
                .setParameter("inRound", UnitPaths.throughPattern(round.scopeUnitCode())).getResultList();
        return rows.stream().map(t -> {
            int notSubmitted = Rows.integer(t, "not_submitted");
            String missing = Rows.str(t, "missing");
            return new UnitDeadlines(Rows.str(t, "code"), Rows.str(t, "name_th"), Rows.integer(t, "total"),
                    notSubmitted, overdue ? notSubmitted : 0, Rows.integer(t, "failed"),
                    missing == null ? List.of() : List.of(missing.split(",")));
        }).toList();
    }
}
