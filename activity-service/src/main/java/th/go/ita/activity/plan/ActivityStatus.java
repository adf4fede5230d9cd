package th.go.ita.activity.plan;

public enum ActivityStatus { PLANNED, IN_PROGRESS, DONE, CANCELLED }
