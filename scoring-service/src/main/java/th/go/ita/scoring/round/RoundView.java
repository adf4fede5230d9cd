package th.go.ita.scoring.round;

import java.time.Instant;
import java.util.UUID;

/** A round as the API and the {@code RoundUpserted} event show it. */
public record RoundView(UUID id, String name, int fiscalYear, String frameworkId, int frameworkVersion,
                        String scopeUnitCode, AssessmentRound.State state, Instant surveyOpensAt,
                        Instant surveyClosesAt, Instant oitDeadline, Instant reviewOpensAt, Instant reviewClosesAt,
                        Instant correctionClosesAt) {

    public static RoundView of(AssessmentRound r) {
        return new RoundView(r.id, r.name, r.fiscalYear, r.frameworkId, r.frameworkVersion, r.scopeUnitCode, r.state,
                r.surveyOpensAt, r.surveyClosesAt, r.oitDeadline, r.reviewOpensAt, r.reviewClosesAt,
                r.correctionClosesAt);
    }
}
