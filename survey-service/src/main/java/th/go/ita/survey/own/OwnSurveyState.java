package th.go.ita.survey.own;

/** DRAFT (editable, not public) → OPEN (answered through its link) → CLOSED (results only). */
public enum OwnSurveyState {
    DRAFT, OPEN, CLOSED;

    boolean canBecome(OwnSurveyState next) {
        return (this == DRAFT && next == OPEN) || (this == OPEN && next == CLOSED);
    }
}
