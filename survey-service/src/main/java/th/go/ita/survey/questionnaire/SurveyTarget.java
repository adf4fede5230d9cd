package th.go.ita.survey.questionnaire;

import th.go.ita.survey.round.Round;
import th.go.ita.survey.unit.Unit;

/** A round and one unit it covers: what a respondent answers about. */
public record SurveyTarget(Round round, Unit unit) {
}
