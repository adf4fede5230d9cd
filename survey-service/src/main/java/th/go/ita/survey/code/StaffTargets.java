package th.go.ita.survey.code;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.survey.questionnaire.SurveyTarget;
import th.go.ita.survey.round.Round;
import th.go.ita.survey.unit.Unit;
import th.go.ita.survey.unit.UnitScope;

/** A round and unit a staff member may manage: the unit in their scope and in the round's. */
@RequestScoped
public class StaffTargets {

    @Inject
    UnitScope scope;

    public SurveyTarget require(String roundId, String unitCode) {
        Unit unit = scope.require(unitCode);
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
