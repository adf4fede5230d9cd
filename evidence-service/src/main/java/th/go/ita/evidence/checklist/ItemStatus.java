package th.go.ita.evidence.checklist;

import java.util.Set;

/**
 * Where an OIT item of a unit stands in a round. EMPTY → DRAFT (evidence added) → SUBMITTED →
 * PASSED or FAILED; a FAILED item is revised and goes to RESUBMITTED, then PASSED or FAILED again.
 */
public enum ItemStatus {
    EMPTY, DRAFT, SUBMITTED, PASSED, FAILED, RESUBMITTED;

    /** States in which the unit may still add or withdraw evidence. */
    public static final Set<ItemStatus> EDITABLE = Set.of(EMPTY, DRAFT, FAILED);
    /** States waiting for an auditor. */
    public static final Set<ItemStatus> AWAITING_REVIEW = Set.of(SUBMITTED, RESUBMITTED);
}
