package th.go.ita.survey.code;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import th.go.ita.platform.access.Caller;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.survey.questionnaire.SurveyTarget;
import th.go.ita.survey.round.Round;
import th.go.ita.survey.unit.Unit;

/** A round and unit a staff member may manage: the unit in their scope and in the round's. */
@RequestScoped
public class StaffTargets {

    @Inject
    Caller caller;

    public SurveyTarget require(String roundId, String unitCode) {
        Unit unit = caller.requireCovered(unitCode, Unit.findById(unitCode));
        Round round = Round.findById(roundId);
        if (round == null) {
            throw ProblemException.notFound("round-not-found", roundId);
        }
        if (!round.covers(unit)) {
            throw ProblemException.notFound("unit-not-in-round", unitCode);
        }
        return new SurveyTarget(round, unit);
    }
}
