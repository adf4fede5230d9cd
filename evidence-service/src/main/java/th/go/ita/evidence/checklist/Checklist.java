package th.go.ita.evidence.checklist;

import java.time.Instant;
import java.util.List;

/** A unit's OIT checklist for a round, grouped by sub-indicator, with progress figures. */
public record Checklist(String unitCode, String unitNameTh, String unitNameEn, String roundId, String roundName,
                        int fiscalYear, String roundState, Instant deadline, Instant correctionClosesAt,
                        Progress progress, List<SubIndicator> subIndicators) {

    public record Progress(int total, int empty, int draft, int submitted, int passed, int failed) {
        public static Progress of(List<Item> items) {
            int empty = 0, draft = 0, submitted = 0, passed = 0, failed = 0;
            for (Item item : items) {
                switch (item.status()) {
                    case EMPTY -> empty++;
                    case DRAFT -> draft++;
                    case SUBMITTED, RESUBMITTED -> submitted++;
                    case PASSED -> passed++;
                    case FAILED -> failed++;
                }
            }
            return new Progress(items.size(), empty, draft, submitted, passed, failed);
        }
    }

    public record SubIndicator(String code, String indicatorCode, String nameTh, String nameEn,
                               Progress progress, List<Item> items) {
    }

    public record Item(String code, String titleTh, String titleEn, String requirementTh, String requirementEn,
                       ItemStatus status, Instant deadline, String updatedBy, Instant updatedAt,
                       int evidenceCount) {
    }
}
