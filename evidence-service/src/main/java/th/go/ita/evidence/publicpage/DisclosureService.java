package th.go.ita.evidence.publicpage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import th.go.ita.evidence.access.Directory;
import th.go.ita.evidence.access.RoundRef;
import th.go.ita.evidence.access.Rows;
import th.go.ita.evidence.access.UnitRef;
import th.go.ita.evidence.checklist.ChecklistService;
import th.go.ita.evidence.checklist.ItemStatus;
import th.go.ita.evidence.checklist.OitItem;
import th.go.ita.evidence.file.EvidenceVersion;
import th.go.ita.platform.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the public disclosure of a unit and year: live while the round's review is open, the
 * stored snapshot once it has closed (later edits never change what the snapshot shows).
 */
@ApplicationScoped
public class DisclosureService {

    private static final Logger LOG = Logger.getLogger(DisclosureService.class);

    @Inject
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    ChecklistService checklists;

    @Inject
    ObjectMapper json;

    @Transactional
    public Disclosure disclosure(String unitCode, int fiscalYear) {
        UnitRef unit = directory.unit(unitCode);
        RoundRef round = directory.requireRoundForYear(unit, fiscalYear);
        List<?> stored = em.createNativeQuery(
                        "SELECT CAST(document AS text) FROM public_snapshot WHERE round_id = :r AND unit_code = :u")
                .setParameter("r", round.id()).setParameter("u", unit.code()).getResultList();
        if (!stored.isEmpty()) {
            try {
                return json.readValue(stored.get(0).toString(), Disclosure.class);
            } catch (Exception e) {
                throw new IllegalStateException("unreadable snapshot of " + unitCode + " " + round.id(), e);
            }
        }
        return live(unit, round);
    }

    Disclosure live(UnitRef unit, RoundRef round) {
        Map<String, String> statuses = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT item_code, status FROM item_status WHERE round_id = :r AND unit_code = :u")
                .setParameter("r", round.id()).setParameter("u", unit.code()).getResultList();
        rows.forEach(r -> statuses.put(r[0].toString(), r[1].toString()));

        Map<String, List<Disclosure.PublicEvidence>> evidence = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Tuple> files = em.createNativeQuery("""
                        SELECT * FROM evidence WHERE round_id = :r AND unit_code = :u
                            AND submitted_at IS NOT NULL AND withdrawn_at IS NULL
                        ORDER BY item_code, version""", Tuple.class)
                .setParameter("r", round.id()).setParameter("u", unit.code()).getResultList();
        for (Tuple t : files) {
            EvidenceVersion v = EvidenceVersion.of(t);
            evidence.computeIfAbsent(v.itemCode(), k -> new ArrayList<>()).add(new Disclosure.PublicEvidence(v.id(),
                    v.version(), v.kind(), v.url(), v.label(), v.originalName(), v.contentType(), v.sizeBytes(),
                    v.sha256(), v.submittedAt(), v.demo()));
        }

        Map<OitItem, List<Disclosure.Item>> bySub = OitItem.bySubIndicator(checklists.items(round), item -> {
            String status = statuses.getOrDefault(item.code(), ItemStatus.EMPTY.name());
            // Work in progress is not public: a draft shows as empty.
            if (ItemStatus.DRAFT.name().equals(status)) {
                status = ItemStatus.EMPTY.name();
            }
            return new Disclosure.Item(item.code(), item.titleTh(), item.titleEn(), status,
                    evidence.getOrDefault(item.code(), List.of()));
        });
        List<Disclosure.SubIndicator> subs = new ArrayList<>();
        int total = 0;
        int passed = 0;
        for (var entry : bySub.entrySet()) {
            OitItem first = entry.getKey();
            int subPassed = (int) entry.getValue().stream().filter(i -> "PASSED".equals(i.status())).count();
            subs.add(new Disclosure.SubIndicator(first.subIndicatorCode(), first.indicatorCode(),
                    first.subIndicatorNameTh(), first.subIndicatorNameEn(), entry.getValue().size(), subPassed,
                    entry.getValue()));
            total += entry.getValue().size();
            passed += subPassed;
        }
        return new Disclosure(unit.code(), unit.nameTh(), unit.nameEn(), round.fiscalYear(), round.id(), round.name(),
                false, null, Instant.now(), total, passed, subs);
    }

    @Scheduled(every = "${ita.evidence.snapshot.every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledFreeze() {
        try {
            int frozen = freezeDue();
            if (frozen > 0) {
                LOG.infof("Froze %d public disclosure snapshot(s)", frozen);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Snapshot freeze failed: %s (will retry)", e.getMessage());
        }
    }

    /**
     * Freezes the disclosure of every unit of every round whose review has closed. A unit is in a
     * round when the round's scope lies on its path (UnitPaths.isWithin): an exact substring test, as
     * a LIKE pattern built from the code column would read a '_' in it as a wildcard.
     * @return how many
     */
    @Transactional
    public int freezeDue() {
        @SuppressWarnings("unchecked")
        List<Tuple> due = em.createNativeQuery("""
                        SELECT r.id AS round_id, u.code AS unit_code FROM assessment_round r
                        JOIN unit u ON strpos(u.path, '/' || r.scope_unit_code || '/') > 0
                        WHERE r.review_closes_at IS NOT NULL AND r.review_closes_at <= now()
                          AND NOT EXISTS (SELECT 1 FROM public_snapshot s WHERE s.round_id = r.id AND s.unit_code = u.code)
                          AND EXISTS (SELECT 1 FROM item_status i WHERE i.round_id = r.id AND i.unit_code = u.code)""",
                        Tuple.class)
                .getResultList();
        Instant now = Instant.now();
        for (Tuple t : due) {
            UnitRef unit = directory.unit(Rows.str(t, "unit_code"));
            RoundRef round = directory.round(Rows.str(t, "round_id"));
            Disclosure frozen = live(unit, round).freeze(now);
            try {
                em.createNativeQuery("""
                                INSERT INTO public_snapshot (round_id, unit_code, frozen_at, document)
                                VALUES (:r, :u, :at, CAST(:doc AS jsonb)) ON CONFLICT DO NOTHING""")
                        .setParameter("r", round.id()).setParameter("u", unit.code()).setParameter("at", Rows.ts(now))
                        .setParameter("doc", json.writeValueAsString(frozen)).executeUpdate();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return due.size();
    }

    /** A published file version: one that was submitted (withdrawn later or not, it was public). */
    @Transactional
    public Tuple publishedFile(UUID id) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        SELECT * FROM evidence WHERE id = :id AND kind = 'FILE' AND submitted_at IS NOT NULL""",
                        Tuple.class)
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().orElseThrow(() -> ProblemException.notFound("evidence-not-found", id));
    }
}
