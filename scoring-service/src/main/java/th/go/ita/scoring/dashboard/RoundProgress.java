package th.go.ita.scoring.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import th.go.ita.scoring.engine.SampleRequirement;
import th.go.ita.scoring.framework.Framework;
import th.go.ita.scoring.framework.FrameworkService;
import th.go.ita.scoring.round.AssessmentRound;
import th.go.ita.scoring.unit.Unit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How far each unit of a round is: answer sets received against the sample each instrument needs,
 * OIT items with a final verdict and how many passed, and whether the unit risks missing a
 * deadline (a short sample or unreviewed items with the window closing within {@link #RISK_WINDOW}),
 * with the reasons spelt out so an area administrator knows whom to call about what.
 */
@ApplicationScoped
public class RoundProgress {

    static final Duration RISK_WINDOW = Duration.ofDays(7);

    /** Why a unit risks missing a deadline. */
    public enum Reason {
        /** Fewer IIT answer sets than the sample rule needs, with the survey window closing soon. */
        IIT_SHORT,
        /** Fewer EIT answer sets than the sample rule needs, with the survey window closing soon. */
        EIT_SHORT,
        /** OIT items still without a final verdict, with the review window (or OIT deadline) closing soon. */
        OIT_UNREVIEWED
    }

    public record UnitProgress(String code, String nameTh, long iitReceived, int iitRequired, long eitReceived,
                               int eitRequired, long oitReviewed, long oitPassed, int oitItems, boolean atRisk,
                               List<Reason> reasons) {
    }

    /** {@code reviewClosesAt} is the review window's end or, for a round without one, the OIT deadline. */
    public record View(String roundId, String scopeUnitCode, String state, Instant surveyClosesAt,
                       Instant reviewClosesAt, int units, int unitsAtRisk, List<UnitProgress> progress) {
    }

    @Inject
    EntityManager em;

    @Inject
    FrameworkService frameworks;

    @SuppressWarnings("unchecked")
    public View of(AssessmentRound round, Unit root, Instant now) {
        Framework f = frameworks.framework(round.frameworkId, round.frameworkVersion);
        int items = f.instruments().stream().filter(Framework.Instrument::isOit)
                .flatMap(i -> i.indicators().stream()).flatMap(i -> i.subIndicators().stream())
                .mapToInt(s -> s.items().size()).sum();
        List<Object[]> rows = em.createNativeQuery("""
                SELECT u.code, u.name_th, u.staff_count, u.service_population,
                       COALESCE((SELECT sum(respondents) FROM respondent_tally t
                                 WHERE t.round_id = :round AND t.unit_code = u.code AND t.instrument = 'IIT'), 0),
                       COALESCE((SELECT sum(respondents) FROM respondent_tally t
                                 WHERE t.round_id = :round AND t.unit_code = u.code AND t.instrument = 'EIT'), 0),
                       (SELECT count(*) FROM oit_verdict v WHERE v.round_id = :round AND v.unit_code = u.code),
                       (SELECT count(*) FROM oit_verdict v WHERE v.round_id = :round AND v.unit_code = u.code AND v.passed)
                FROM unit u WHERE u.path LIKE :prefix AND u.active ORDER BY u.path
                """).setParameter("round", round.id).setParameter("prefix", root.path + "%").getResultList();
        boolean open = round.state == AssessmentRound.State.OPEN;
        Instant reviewCloses = round.reviewClosesAt != null ? round.reviewClosesAt : round.oitDeadline;
        boolean surveyClosing = open && closingSoon(round.surveyClosesAt, now);
        boolean reviewClosing = open && closingSoon(reviewCloses, now);
        List<UnitProgress> progress = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            int iitRequired = SampleRequirement.required(f.samples() == null ? null : f.samples().get("IIT"), ((Number) r[2]).intValue());
            int eitRequired = SampleRequirement.required(f.samples() == null ? null : f.samples().get("EIT"), ((Number) r[3]).intValue());
            long iit = ((Number) r[4]).longValue();
            long eit = ((Number) r[5]).longValue();
            long reviewed = ((Number) r[6]).longValue();
            List<Reason> reasons = new ArrayList<>(3);
            if (surveyClosing && iit < iitRequired) {
                reasons.add(Reason.IIT_SHORT);
            }
            if (surveyClosing && eit < eitRequired) {
                reasons.add(Reason.EIT_SHORT);
            }
            if (reviewClosing && reviewed < items) {
                reasons.add(Reason.OIT_UNREVIEWED);
            }
            progress.add(new UnitProgress((String) r[0], (String) r[1], iit, iitRequired, eit, eitRequired, reviewed,
                    ((Number) r[7]).longValue(), items, !reasons.isEmpty(), List.copyOf(reasons)));
        }
        return new View(round.id.toString(), round.scopeUnitCode, round.state.name(), round.surveyClosesAt,
                reviewCloses, progress.size(),
                (int) progress.stream().filter(UnitProgress::atRisk).count(), progress);
    }

    private static boolean closingSoon(Instant closes, Instant now) {
        return closes != null && closes.isBefore(now.plus(RISK_WINDOW));
    }
}
