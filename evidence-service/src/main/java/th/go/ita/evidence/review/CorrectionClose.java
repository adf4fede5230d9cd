package th.go.ita.evidence.review;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import th.go.ita.evidence.access.Directory;
import th.go.ita.evidence.access.RoundRef;
import th.go.ita.evidence.access.Rows;
import th.go.ita.evidence.access.UnitRef;
import th.go.ita.evidence.checklist.ChecklistService;
import th.go.ita.evidence.checklist.ItemState;
import th.go.ita.evidence.checklist.ItemStatus;
import th.go.ita.evidence.checklist.OitItem;

import java.time.Instant;
import java.util.List;

/**
 * Ends a round's correction window for good. Once {@code correctionClosesAt} has passed (as the
 * round stands then: an extension moves it), every OIT item of every unit in the round's scope
 * that has no final verdict gets one: a failed item the unit did not fix stays failed, now final;
 * an item nothing was ever submitted for fails as not disclosed. The unit reads why in the item's
 * review and audit trail; scoring receives the final verdicts, and its sheet stops waiting for
 * them. An item still waiting for an auditor keeps waiting: its verdict, when it comes, is final.
 * A round already PUBLISHED is left as it is: its results are out, and nothing may change them.
 */
@ApplicationScoped
public class CorrectionClose {

    static final String ACTOR = "system";
    static final String FAIL_STANDS = "ช่วงเวลาแก้ไขสิ้นสุดแล้ว ผลไม่ผ่านจึงเป็นผลสุดท้าย / "
            + "The correction window has closed: the fail is final.";
    static final String NOT_DISCLOSED = "ไม่ได้เปิดเผยข้อมูลภายในช่วงเวลาแก้ไข จึงไม่ผ่าน / "
            + "Not disclosed by the end of the correction window: failed.";

    private static final Logger LOG = Logger.getLogger(CorrectionClose.class);

    @Inject
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    ChecklistService checklists;

    @Inject
    ItemState items;

    @Inject
    ReviewService reviews;

    @Scheduled(every = "${ita.evidence.correction-close.every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            closeDue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("Correction windows not closed yet (next run tries again): %s", e.toString());
        }
    }

    /** Closes every round whose correction window has ended by {@code now}. @return verdicts given */
    public int closeDue(Instant now) {
        int given = 0;
        for (String roundId : QuarkusTransaction.requiringNew().call(() -> dueRounds(now))) {
            RoundRef round = QuarkusTransaction.requiringNew().call(() -> directory.round(roundId));
            List<OitItem> checklist = QuarkusTransaction.requiringNew().call(() -> checklists.items(round));
            int verdicts = 0;
            // A unit at a time: an area's hundreds of schools never sit in one long transaction.
            for (String unitCode : QuarkusTransaction.requiringNew().call(() -> unitsIn(round))) {
                verdicts += QuarkusTransaction.requiringNew().call(() ->
                        close(round, directory.unit(unitCode), checklist, now));
            }
            int total = verdicts;
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            INSERT INTO correction_close (round_id, closes_at, closed_at, verdicts) VALUES (:r, :closes, :now, :n)
                            ON CONFLICT (round_id) DO UPDATE SET closes_at = EXCLUDED.closes_at,
                                closed_at = EXCLUDED.closed_at, verdicts = correction_close.verdicts + EXCLUDED.verdicts""")
                    .setParameter("r", round.id()).setParameter("closes", Rows.ts(round.correctionClosesAt()))
                    .setParameter("now", Rows.ts(now)).setParameter("n", total).executeUpdate());
            LOG.infof("Correction window of round %s closed: %d final verdicts given", round.id(), total);
            given += total;
        }
        return given;
    }

    @SuppressWarnings("unchecked")
    private List<String> dueRounds(Instant now) {
        return em.createNativeQuery("""
                        SELECT r.id FROM assessment_round r
                        WHERE r.correction_closes_at <= :now AND r.state IN ('OPEN', 'CLOSED') AND NOT EXISTS (SELECT 1 FROM correction_close c
                            WHERE c.round_id = r.id AND c.closes_at >= r.correction_closes_at)
                        ORDER BY r.correction_closes_at""")
                .setParameter("now", Rows.ts(now)).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<String> unitsIn(RoundRef round) {
        // strpos, not LIKE: unit codes may hold '_' (platform UnitPaths).
        return em.createNativeQuery("""
                        SELECT code FROM unit WHERE active AND strpos(path, '/' || :scope || '/') > 0 ORDER BY path""")
                .setParameter("scope", round.scopeUnitCode()).getResultList();
    }

    private int close(RoundRef round, UnitRef unit, List<OitItem> checklist, Instant now) {
        int given = 0;
        for (OitItem item : checklist) {
            ItemStatus status = items.lock(round, unit, item.code(), ACTOR);
            boolean open = status == ItemStatus.FAILED || status == ItemStatus.EMPTY || status == ItemStatus.DRAFT;
            if (!open || reviews.hasFinalVerdict(round, unit, item.code())) {
                continue;
            }
            String why = status == ItemStatus.FAILED ? FAIL_STANDS : NOT_DISCLOSED;
            reviews.recordVerdict(round, unit, item.code(), "FAILED", why, true, ACTOR, now);
            items.move(round, unit, item.code(), status, ItemStatus.FAILED, ACTOR,
                    status == ItemStatus.FAILED ? "CORRECTION_CLOSED" : "NOT_DISCLOSED", why, now);
            reviews.publish(round, unit, item.code(), "FAILED", true, now);
            given++;
        }
        return given;
    }
}
