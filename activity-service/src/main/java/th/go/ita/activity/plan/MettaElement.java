package th.go.ita.activity.plan;

/** The five elements of the seed office's METTA model. */
public enum MettaElement { MANAGEMENT, EXPLORE, TEAMWORK, TECHNOLOGY, ATTITUDE }
