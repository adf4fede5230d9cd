package th.go.ita.survey.questionnaire;

/** The questionnaires this service runs; OIT is evidence, not a survey, and lives elsewhere. */
public enum Instrument {
    IIT, EIT
}
