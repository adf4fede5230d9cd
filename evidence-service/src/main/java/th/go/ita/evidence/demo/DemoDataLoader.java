package th.go.ita.evidence.demo;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import th.go.ita.evidence.access.Directory;
import th.go.ita.evidence.access.RoundRef;
import th.go.ita.evidence.access.Rows;
import th.go.ita.evidence.access.UnitRef;
import th.go.ita.evidence.audit.AuditTrail;
import th.go.ita.evidence.checklist.ChecklistService;
import th.go.ita.evidence.checklist.ItemStatus;
import th.go.ita.evidence.checklist.OitItem;
import th.go.ita.evidence.config.EvidenceConfig;
import th.go.ita.evidence.review.ReviewService;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * evidence-service's part of the demo data: the seed's office (KALASIN2) passed all OIT items of
 * FY2566. Units, the framework and the round arrive from scoring's topics in any order, so the
 * loader waits until all three are here and then seeds once: every item PASSED, one link each,
 * the assigned demo auditor, the verdicts announced to scoring. The links point at the office's
 * website but their paths are made up, so every one is flagged demo (shown as ข้อมูลสาธิต).
 * Idempotent: a unit and round that already have item rows are left as they are.
 */
@ApplicationScoped
public class DemoDataLoader {

    public static final String OFFICE = "KALASIN2";
    public static final int FISCAL_YEAR = 2566;
    public static final String AUDITOR = "auditor";
    static final String ACTOR = "demo-data";

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    @Inject
    EvidenceConfig config;

    @Inject
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    ChecklistService checklists;

    @Inject
    ReviewService reviews;

    @Inject
    AuditTrail audit;

    private volatile boolean done;

    @Scheduled(every = "10s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void whenReadModelsAreHere() {
        if (!config.demoData().enabled() || done) {
            return;
        }
        try {
            int added = load();
            if (added > 0) {
                LOG.infof("Demo data: %d OIT items of %s FY%d added as passed", added, OFFICE, FISCAL_YEAR);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Demo data not loaded yet: %s", e.getMessage());
        }
    }

    /** @return how many items were added (0 when already there, or when scoring's data is not here yet) */
    @Transactional
    public int load() {
        Optional<UnitRef> office = directory.findUnit(OFFICE);
        if (office.isEmpty()) {
            return 0;
        }
        UnitRef unit = office.get();
        em.createNativeQuery("""
                        INSERT INTO auditor_assignment (auditor, unit_code, assigned_by) VALUES (:a, :u, :by)
                        ON CONFLICT DO NOTHING""")
                .setParameter("a", AUDITOR).setParameter("u", OFFICE).setParameter("by", ACTOR).executeUpdate();
        Optional<RoundRef> found = directory.roundForYear(unit, FISCAL_YEAR);
        if (found.isEmpty()) {
            return 0;
        }
        RoundRef round = found.get();
        List<OitItem> items = checklists.items(round);
        if (items.isEmpty()) {
            return 0;
        }
        long existing = ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM item_status WHERE round_id = :r AND unit_code = :u")
                .setParameter("r", round.id()).setParameter("u", OFFICE).getSingleResult()).longValue();
        if (existing > 0) {
            done = true;
            return 0;
        }
        Instant submitted = round.oitDeadline() != null ? round.oitDeadline().minus(Duration.ofDays(7))
                : Instant.now();
        Instant reviewed = submitted.plus(Duration.ofDays(3));
        int n = 0;
        for (OitItem item : items) {
            n++;
            em.createNativeQuery("""
                            INSERT INTO evidence (id, round_id, unit_code, item_code, version, kind, url, label,
                                created_by, created_at, submitted_at, demo)
                            VALUES (:id, :r, :u, :i, 1, 'LINK', :url, :label, :by, :at, :at, TRUE)""")
                    .setParameter("id", UUID.randomUUID()).setParameter("r", round.id()).setParameter("u", OFFICE)
                    .setParameter("i", item.code())
                    .setParameter("url", "http://www.kalasin2.go.th/oitdata_" + item.code().toLowerCase())
                    .setParameter("label", item.titleTh() + " (ข้อมูลสาธิต)")
                    .setParameter("by", ACTOR).setParameter("at", Rows.ts(submitted)).executeUpdate();
            em.createNativeQuery("""
                            INSERT INTO item_status (round_id, unit_code, item_code, status, updated_by, updated_at, submitted_at)
                            VALUES (:r, :u, :i, 'PASSED', :by, :at, :sub)""")
                    .setParameter("r", round.id()).setParameter("u", OFFICE).setParameter("i", item.code())
                    .setParameter("by", AUDITOR).setParameter("at", Rows.ts(reviewed))
                    .setParameter("sub", Rows.ts(submitted)).executeUpdate();
            em.createNativeQuery("""
                            INSERT INTO review (id, round_id, unit_code, item_code, verdict, comment, final, reviewer, reviewed_at)
                            VALUES (:id, :r, :u, :i, 'PASSED', NULL, TRUE, :by, :at)""")
                    .setParameter("id", UUID.randomUUID()).setParameter("r", round.id()).setParameter("u", OFFICE)
                    .setParameter("i", item.code()).setParameter("by", AUDITOR).setParameter("at", Rows.ts(reviewed))
                    .executeUpdate();
            audit.record(round.id(), OFFICE, item.code(), ACTOR, "DEMO_DATA_LOADED", ItemStatus.EMPTY,
                    ItemStatus.PASSED, "ข้อมูลสาธิต / demo data", Instant.now());
            reviews.publish(round, unit, item.code(), "PASSED", true, reviewed);
        }
        done = true;
        return n;
    }
}
