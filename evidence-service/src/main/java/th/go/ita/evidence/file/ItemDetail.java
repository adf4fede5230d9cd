package th.go.ita.evidence.file;

import th.go.ita.evidence.checklist.ItemStatus;
import th.go.ita.evidence.review.ReviewService;

import java.util.List;

/** One item of a unit in a round: requirement, status, every evidence version, every review. */
public record ItemDetail(String unitCode, String roundId, String itemCode, String subIndicatorCode,
                         String titleTh, String titleEn, String requirementTh, String requirementEn,
                         ItemStatus status, List<EvidenceVersion> versions, List<ReviewService.Review> reviews) {
}
