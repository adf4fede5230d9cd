package th.go.ita.evidence.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import th.go.ita.evidence.access.Rows;
import th.go.ita.evidence.checklist.ItemStatus;

import java.time.Instant;
import java.util.List;

/** The append-only record of every change to a unit's OIT items (the table refuses updates). */
@ApplicationScoped
public class AuditTrail {

    @Inject
    EntityManager em;

    public record Entry(long id, String roundId, String unitCode, String itemCode, String actor, String action,
                        String fromStatus, String toStatus, String detail, Instant at) {
    }

    public void record(String roundId, String unitCode, String itemCode, String actor, String action,
                       ItemStatus from, ItemStatus to, String detail, Instant at) {
        em.createNativeQuery("""
                        INSERT INTO audit_entry (round_id, unit_code, item_code, actor, action, from_status,
                            to_status, detail, at)
                        VALUES (:r, :u, :i, :actor, :action, :from, :to, :detail, :at)""")
                .setParameter("r", roundId).setParameter("u", unitCode).setParameter("i", itemCode)
                .setParameter("actor", actor).setParameter("action", action)
                .setParameter("from", from == null ? null : from.name())
                .setParameter("to", to == null ? null : to.name())
                .setParameter("detail", detail).setParameter("at", Rows.ts(at))
                .executeUpdate();
    }

    public List<Entry> entries(String roundId, String unitCode) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        SELECT * FROM audit_entry WHERE round_id = :r AND unit_code = :u ORDER BY at, id""", Tuple.class)
                .setParameter("r", roundId).setParameter("u", unitCode).getResultList();
        return rows.stream().map(t -> new Entry(Rows.number(t, "id"), Rows.str(t, "round_id"),
                Rows.str(t, "unit_code"), Rows.str(t, "item_code"), Rows.str(t, "actor"), Rows.str(t, "action"),
                Rows.str(t, "from_status"), Rows.str(t, "to_status"), Rows.str(t, "detail"),
                Rows.instant(t, "at"))).toList();
    }
}
