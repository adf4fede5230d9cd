package th.go.ita.evidence.checklist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import th.go.ita.evidence.access.RoundRef;
import th.go.ita.evidence.access.Rows;
import th.go.ita.evidence.access.UnitRef;
import th.go.ita.evidence.audit.AuditTrail;
import th.go.ita.platform.problem.ProblemException;

import java.time.Instant;
import java.util.List;

/**
 * Reads and moves the status of one item, locking its row so two editors (or an editor and an
 * auditor) cannot change it at the same moment; every move is written to the audit trail.
 */
@ApplicationScoped
public class ItemState {

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** The item of the round's framework, or 404 when the framework has no such item. */
    public OitItem requireItem(RoundRef round, String itemCode) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        SELECT * FROM oit_item WHERE framework_id = :fw AND framework_version = :v AND code = :code""",
                        Tuple.class)
                .setParameter("fw", round.frameworkId()).setParameter("v", round.frameworkVersion())
                .setParameter("code", itemCode).getResultList();
        return rows.stream().findFirst().map(OitItem::of)
                .orElseThrow(() -> ProblemException.notFound("item-not-found", itemCode));
    }

    /** Current status, locking the row until the transaction ends (EMPTY creates the row). */
    public ItemStatus lock(RoundRef round, UnitRef unit, String itemCode, String actor) {
        em.createNativeQuery("""
                        INSERT INTO item_status (round_id, unit_code, item_code, status, updated_by, updated_at)
                        VALUES (:r, :u, :i, 'EMPTY', :actor, now()) ON CONFLICT DO NOTHING""")
                .setParameter("r", round.id()).setParameter("u", unit.code()).setParameter("i", itemCode)
                .setParameter("actor", actor).executeUpdate();
        Object status = em.createNativeQuery("""
                        SELECT status FROM item_status WHERE round_id = :r AND unit_code = :u AND item_code = :i
                        FOR UPDATE""")
                .setParameter("r", round.id()).setParameter("u", unit.code()).setParameter("i", itemCode)
                .getSingleResult();
        return ItemStatus.valueOf(status.toString());
    }

    public void move(RoundRef round, UnitRef unit, String itemCode, ItemStatus from, ItemStatus to,
                     String actor, String action, String detail, Instant at) {
        em.createNativeQuery("""
                        UPDATE item_status SET status = :to, updated_by = :actor, updated_at = :at,
                            submitted_at = CASE WHEN :submitted THEN :at ELSE submitted_at END
                        WHERE round_id = :r AND unit_code = :u AND item_code = :i""")
                .setParameter("to", to.name()).setParameter("actor", actor).setParameter("at", Rows.ts(at))
                .setParameter("submitted", to == ItemStatus.SUBMITTED || to == ItemStatus.RESUBMITTED)
                .setParameter("r", round.id()).setParameter("u", unit.code()).setParameter("i", itemCode)
                .executeUpdate();
        audit.record(round.id(), unit.code(), itemCode, actor, action, from, to, detail, at);
    }
}
