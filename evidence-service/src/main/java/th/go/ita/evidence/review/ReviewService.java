package th.go.ita.evidence.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import th.go.ita.evidence.access.RoundRef;
import th.go.ita.evidence.access.Rows;
import th.go.ita.evidence.access.UnitRef;
import th.go.ita.evidence.checklist.ItemState;
import th.go.ita.evidence.checklist.ItemStatus;
import th.go.ita.platform.outbox.Outbox;
import th.go.ita.platform.problem.ProblemException;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** An auditor's verdicts on submitted items, announced to scoring through the outbox. */
@ApplicationScoped
public class ReviewService {

    public static final String TOPIC = "oit.reviews";
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    @Inject
    EntityManager em;

    @Inject
    ItemState items;

    @Inject
    Outbox outbox;

    public record Review(UUID id, String itemCode, String verdict, String comment, boolean finalVerdict,
                         String reviewer, Instant reviewedAt) {
    }

    /** The payload of {@code OitItemReviewed} (docs/events.md); {@code final} is a Java keyword. */
    public record ItemReviewed(String roundId, String unitCode, String itemCode, String verdict,
                               @JsonProperty("final") boolean finalVerdict, String reviewedOn, int sequence) {
    }

    public record QueueEntry(String unitCode, String unitNameTh, String roundId, String roundName, int fiscalYear,
                             String itemCode, String subIndicatorCode, String titleTh, String titleEn,
                             String requirementTh, String requirementEn, String status, Instant submittedAt) {
    }

    /**
     * A verdict is final when it passes, or when it fails after the correction window has closed
     * (the unit can no longer fix it). A fail inside the window is provisional: scoring ignores it.
     */
    @Transactional
    public Review review(UnitRef unit, RoundRef round, String itemCode, String verdict, String comment,
                         String reviewer) {
        items.requireItem(round, itemCode);
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if ("FAILED".equals(verdict) && text == null) {
            throw ProblemException.badRequest("comment-required");
        }
        ItemStatus status = items.lock(round, unit, itemCode, reviewer);
        if (!ItemStatus.AWAITING_REVIEW.contains(status)) {
            throw ProblemException.conflict("item-not-awaiting-review", itemCode, status);
        }
        Instant now = Instant.now();
        boolean passed = "PASSED".equals(verdict);
        boolean finalVerdict = passed || (round.correctionClosesAt() != null && now.isAfter(round.correctionClosesAt()));
        UUID id = recordVerdict(round, unit, itemCode, verdict, text, finalVerdict, reviewer, now);
        ItemStatus to = passed ? ItemStatus.PASSED : ItemStatus.FAILED;
        items.move(round, unit, itemCode, status, to, reviewer, "REVIEWED", text, now);
        publish(round, unit, itemCode, verdict, finalVerdict, now);
        return new Review(id, itemCode, verdict, text, finalVerdict, reviewer, now);
    }

    /** Stores a verdict on the item (the caller holds the item's row lock). @return its id */
    UUID recordVerdict(RoundRef round, UnitRef unit, String itemCode, String verdict, String comment,
                       boolean finalVerdict, String reviewer, Instant at) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        INSERT INTO review (id, round_id, unit_code, item_code, verdict, comment, final, reviewer, reviewed_at)
                        VALUES (:id, :r, :u, :i, :verdict, :comment, :final, :reviewer, :at)""")
                .setParameter("id", id).setParameter("r", round.id()).setParameter("u", unit.code())
                .setParameter("i", itemCode).setParameter("verdict", verdict).setParameter("comment", comment)
                .setParameter("final", finalVerdict).setParameter("reviewer", reviewer)
                .setParameter("at", Rows.ts(at)).executeUpdate();
        return id;
    }

    boolean hasFinalVerdict(RoundRef round, UnitRef unit, String itemCode) {
        return !em.createNativeQuery("""
                        SELECT 1 FROM review WHERE round_id = :r AND unit_code = :u AND item_code = :i AND final""")
                .setParameter("r", round.id()).setParameter("u", unit.code()).setParameter("i", itemCode)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Announces the verdict just stored. Its sequence is the number of verdicts the item has had in
     * the round, counted under the item's row lock: scoring keeps the highest, so a verdict that
     * arrives late (two relays, a replay) never overwrites a newer one.
     */
    public void publish(RoundRef round, UnitRef unit, String itemCode, String verdict, boolean finalVerdict,
                        Instant at) {
        int sequence = ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM review WHERE round_id = :r AND unit_code = :u AND item_code = :i")
                .setParameter("r", round.id()).setParameter("u", unit.code()).setParameter("i", itemCode)
                .getSingleResult()).intValue();
        outbox.add(TOPIC, unit.code(), "OitItemReviewed", unit.code(), round.id(), new ItemReviewed(round.id(),
                unit.code(), itemCode, verdict, finalVerdict, at.atZone(BANGKOK).toLocalDate().toString(), sequence));
    }

    public ItemStatus status(RoundRef round, UnitRef unit, String itemCode) {
        List<?> rows = em.createNativeQuery("""
                        SELECT status FROM item_status WHERE round_id = :r AND unit_code = :u AND item_code = :i""")
                .setParameter("r", round.id()).setParameter("u", unit.code()).setParameter("i", itemCode)
                .getResultList();
        return rows.isEmpty() ? ItemStatus.EMPTY : ItemStatus.valueOf(rows.get(0).toString());
    }

    public List<Review> reviews(RoundRef round, UnitRef unit, String itemCode) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        SELECT * FROM review WHERE round_id = :r AND unit_code = :u AND item_code = :i
                        ORDER BY reviewed_at DESC""", Tuple.class)
                .setParameter("r", round.id()).setParameter("u", unit.code()).setParameter("i", itemCode)
                .getResultList();
        return rows.stream().map(t -> new Review((UUID) t.get("id"), Rows.str(t, "item_code"), Rows.str(t, "verdict"),
                Rows.str(t, "comment"), Rows.bool(t, "final"), Rows.str(t, "reviewer"),
                Rows.instant(t, "reviewed_at"))).toList();
    }

    /** Submitted and resubmitted items of the auditor's assigned units, oldest first. */
    public List<QueueEntry> queue(String auditor) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        SELECT s.unit_code, u.name_th AS unit_name_th, s.round_id, r.name AS round_name, r.fiscal_year,
                            s.item_code, i.sub_indicator_code, i.title_th, i.title_en, i.requirement_th,
                            i.requirement_en, s.status, s.submitted_at
                        FROM item_status s
                        JOIN auditor_assignment a ON a.unit_code = s.unit_code AND a.auditor = :auditor
                        JOIN unit u ON u.code = s.unit_code
                        JOIN assessment_round r ON r.id = s.round_id
                        JOIN oit_item i ON i.framework_id = r.framework_id AND i.framework_version = r.framework_version
                            AND i.code = s.item_code
                        WHERE s.status IN ('SUBMITTED', 'RESUBMITTED')
                        ORDER BY s.submitted_at, s.unit_code, i.position""", Tuple.class)
                .setParameter("auditor", auditor).getResultList();
        return rows.stream().map(t -> new QueueEntry(Rows.str(t, "unit_code"), Rows.str(t, "unit_name_th"),
                Rows.str(t, "round_id"), Rows.str(t, "round_name"), Rows.integer(t, "fiscal_year"),
                Rows.str(t, "item_code"), Rows.str(t, "sub_indicator_code"), Rows.str(t, "title_th"),
                Rows.str(t, "title_en"), Rows.str(t, "requirement_th"), Rows.str(t, "requirement_en"),
                Rows.str(t, "status"), Rows.instant(t, "submitted_at"))).toList();
    }
}
