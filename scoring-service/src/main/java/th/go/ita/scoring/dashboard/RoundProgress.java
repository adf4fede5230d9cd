package th.go.ita.scoring.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import th.go.ita.platform.access.UnitPaths;
import th.go.ita.scoring.engine.SampleRequirement;
import th.go.ita.scoring.framework.Framework;
import th.go.ita.scoring.framework.FrameworkService;
import th.go.ita.scoring.round.AssessmentRound;
import th.go.ita.scoring.unit.Unit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How far each unit of a round is: answer sets received against the sample each instrument needs,
 * OIT items with a final verdict and how many passed, and whether the unit risks missing a
 * deadline (a short sample or unreviewed items with the window closing within {@link #RISK_WINDOW}),
 * with the reasons spelt out so an area administrator knows whom to call about what.
 * <p>
 * The summary always covers every unit in scope; the list is filtered and paged, because a national
 * round has tens of thousands of units and nobody reads them on one screen.
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

    /** Which rows of the list to return: only units at risk or all, and which page of them. */
    public record Page(boolean atRiskOnly, int page, int size) {
        public static final int MAX_SIZE = 500;

        public static Page everything(boolean atRiskOnly) {
            return new Page(atRiskOnly, 0, Integer.MAX_VALUE);
        }
    }

    /**
     * {@code reviewClosesAt} is the review window's end or, for a round without one, the OIT deadline.
     * {@code units}, {@code unitsAtRisk} and {@code reasons} count every unit in scope; {@code matching} is
     * how many rows the filter selects, of which {@code progress} is page {@code page} (at-risk units first,
     * then in the order of the office tree).
     */
    public record View(String roundId, String scopeUnitCode, String state, Instant surveyClosesAt,
                       Instant reviewClosesAt, int units, int unitsAtRisk, Map<Reason, Integer> reasons,
                       int matching, int page, int size, List<UnitProgress> progress) {
    }

    @Inject
    EntityManager em;

    @Inject
    FrameworkService frameworks;

    public View of(AssessmentRound round, Unit root, Instant now, Page page) {
        Framework f = frameworks.framework(round.frameworkId, round.frameworkVersion);
        int items = f.instruments().stream().filter(Framework.Instrument::isOit)
                .flatMap(i -> i.indicators().stream()).flatMap(i -> i.subIndicators().stream())
                .mapToInt(s -> s.items().size()).sum();
        boolean open = round.state == AssessmentRound.State.OPEN;
        Instant reviewCloses = round.reviewClosesAt != null ? round.reviewClosesAt : round.oitDeadline;
        boolean surveyClosing = open && closingSoon(round.surveyClosesAt, now);
        boolean reviewClosing = open && closingSoon(reviewCloses, now);
        Map<Reason, Integer> reasonCounts = new EnumMap<>(Reason.class);
        for (Reason r : Reason.values()) {
            reasonCounts.put(r, 0);
        }
        List<UnitProgress> all = new ArrayList<>();
        for (Object[] r : rows(round, root)) {
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
            reasons.forEach(reason -> reasonCounts.merge(reason, 1, Integer::sum));
            all.add(new UnitProgress((String) r[0], (String) r[1], iit, iitRequired, eit, eitRequired, reviewed,
                    ((Number) r[7]).longValue(), items, !reasons.isEmpty(), List.copyOf(reasons)));
        }
        int atRisk = (int) all.stream().filter(UnitProgress::atRisk).count();
        // A stable sort keeps the tree order within the at-risk and the on-track groups.
        List<UnitProgress> listed = all.stream().filter(p -> !page.atRiskOnly() || p.atRisk())
                .sorted(Comparator.comparing((UnitProgress p) -> !p.atRisk())).toList();
        long from = Math.min((long) page.page() * page.size(), listed.size());
        long to = Math.min(from + page.size(), listed.size());
        return new View(round.id.toString(), round.scopeUnitCode, round.state.name(), round.surveyClosesAt,
                reviewCloses, all.size(), atRisk, reasonCounts, listed.size(), page.page(),
                page.size(), listed.subList((int) from, (int) to));
    }

    /**
     * Each unit's counts in one pass: the round's tallies and verdicts are grouped once and joined to the
     * subtree, rather than looked up unit by unit.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> rows(AssessmentRound round, Unit root) {
        return em.createNativeQuery("""
                WITH tally AS (
                    SELECT unit_code,
                           sum(respondents) FILTER (WHERE instrument = 'IIT') AS iit,
                           sum(respondents) FILTER (WHERE instrument = 'EIT') AS eit
                    FROM respondent_tally WHERE round_id = :round GROUP BY unit_code),
                verdict AS (
                    SELECT unit_code, count(*) AS reviewed, count(*) FILTER (WHERE passed) AS passed
                    FROM oit_verdict WHERE round_id = :round GROUP BY unit_code)
                SELECT u.code, u.name_th, u.staff_count, u.service_population,
                       COALESCE(t.iit, 0), COALESCE(t.eit, 0), COALESCE(v.reviewed, 0), COALESCE(v.passed, 0)
                FROM unit u
                LEFT JOIN tally t ON t.unit_code = u.code
                LEFT JOIN verdict v ON v.unit_code = u.code
                WHERE u.path LIKE :prefix ESCAPE '!' AND u.active ORDER BY u.path
                """).setParameter("round", round.id).setParameter("prefix", UnitPaths.subtreePattern(root.path)).getResultList();
    }

    private static boolean closingSoon(Instant closes, Instant now) {
        return closes != null && closes.isBefore(now.plus(RISK_WINDOW));
    }
}
