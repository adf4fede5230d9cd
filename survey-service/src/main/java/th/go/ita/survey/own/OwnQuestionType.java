package th.go.ita.survey.own;

/** What a question of an office's own survey asks for. */
public enum OwnQuestionType {
    /** Agreement or satisfaction 1–5; the five labels are the service's, so every survey reads alike. */
    LIKERT_5,
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    SHORT_TEXT;

    boolean hasOwnOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
