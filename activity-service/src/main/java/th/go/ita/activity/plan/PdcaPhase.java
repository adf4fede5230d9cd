package th.go.ita.activity.plan;

public enum PdcaPhase { PLAN, DO, CHECK, ACT }
