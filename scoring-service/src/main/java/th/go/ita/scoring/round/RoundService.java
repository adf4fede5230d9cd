package th.go.ita.scoring.round;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import th.go.ita.scoring.framework.FrameworkService;
import th.go.ita.scoring.framework.FrameworkVersion;
import th.go.ita.platform.outbox.Outbox;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.scoring.unit.Unit;
import th.go.ita.scoring.unit.UnitScope;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Creating, editing and moving rounds through their states; every change is announced on {@code ita.rounds}. */
@ApplicationScoped
public class RoundService {

    public static final String TOPIC = "ita.rounds";

    @Inject
    UnitScope scope;

    @Inject
    FrameworkService frameworks;

    @Inject
    Outbox outbox;

    @Transactional
    public RoundView create(RoundRequest request) {
        AssessmentRound round = new AssessmentRound();
        round.id = UUID.randomUUID();
        apply(round, request);
        round.persist();
        announce(round);
        return RoundView.of(round);
    }

    @Transactional
    public RoundView update(UUID id, RoundRequest request) {
        AssessmentRound round = manageable(id);
        if (round.state != AssessmentRound.State.DRAFT) {
            throw ProblemException.conflict("round-not-draft", round.state);
        }
        apply(round, request);
        announce(round);
        return RoundView.of(round);
    }

    @Transactional
    public RoundView transition(UUID id, AssessmentRound.State next) {
        AssessmentRound round = manageable(id);
        if (!round.state.canBecome(next)) {
            throw ProblemException.conflict("round-transition-invalid", round.state, next);
        }
        round.state = next;
        announce(round);
        return RoundView.of(round);
    }

    /**
     * Adds a round that comes with a data set (the demo office's past rounds), not from a user: no
     * caller scope applies. Announced like any other round. @return false when it already exists
     */
    @Transactional
    public boolean addPreset(AssessmentRound round) {
        if (AssessmentRound.findById(round.id) != null) {
            return false;
        }
        frameworks.require(round.frameworkId, round.frameworkVersion);
        round.persist();
        announce(round);
        return true;
    }

    /** A round the caller may see: one covering a unit in their scope, or covering their own unit. */
    public AssessmentRound visible(UUID id) {
        AssessmentRound round = AssessmentRound.findById(id);
        if (round == null) {
            throw ProblemException.notFound("round-not-found", id);
        }
        if (!canSee(round)) {
            throw ProblemException.forbidden("round-out-of-scope", id);
        }
        return round;
    }

    public List<RoundView> list() {
        return AssessmentRound.<AssessmentRound>list("order by fiscalYear desc, createdAt desc").stream()
                .filter(this::canSee).map(RoundView::of).toList();
    }

    private boolean canSee(AssessmentRound round) {
        Unit scopeUnit = Unit.findById(round.scopeUnitCode);
        if (scope.covers(scopeUnit)) {
            return true;
        }
        Unit own = scope.own();
        return own != null && own.isWithin(scopeUnit);
    }

    private AssessmentRound manageable(UUID id) {
        AssessmentRound round = visible(id);
        scope.require(round.scopeUnitCode);
        return round;
    }

    private void apply(AssessmentRound round, RoundRequest r) {
        scope.require(r.scopeUnitCode());
        FrameworkVersion framework = frameworks.require(r.frameworkId(), r.frameworkVersion());
        if (framework.fiscalYear != r.fiscalYear()) {
            throw ProblemException.badRequest("round-year-mismatch", String.valueOf(r.fiscalYear()), r.frameworkId(),
                    String.valueOf(framework.fiscalYear));
        }
        inOrder(r.surveyOpensAt(), r.surveyClosesAt());
        inOrder(r.reviewOpensAt(), r.reviewClosesAt());
        inOrder(r.oitDeadline(), r.reviewOpensAt());
        inOrder(r.reviewClosesAt(), r.correctionClosesAt());
        round.name = r.name().strip();
        round.fiscalYear = r.fiscalYear();
        round.frameworkId = r.frameworkId();
        round.frameworkVersion = r.frameworkVersion();
        round.scopeUnitCode = r.scopeUnitCode();
        round.surveyOpensAt = r.surveyOpensAt();
        round.surveyClosesAt = r.surveyClosesAt();
        round.oitDeadline = r.oitDeadline();
        round.reviewOpensAt = r.reviewOpensAt();
        round.reviewClosesAt = r.reviewClosesAt();
        round.correctionClosesAt = r.correctionClosesAt();
    }

    private static void inOrder(Instant first, Instant then) {
        if (first != null && then != null && !first.isBefore(then)) {
            throw ProblemException.badRequest("round-windows-invalid", first, then);
        }
    }

    private void announce(AssessmentRound round) {
        outbox.add(TOPIC, round.id.toString(), "RoundUpserted", round.scopeUnitCode, round.id.toString(),
                RoundView.of(round));
    }
}
