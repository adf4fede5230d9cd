package th.go.ita.activity.plan;

/**
 * The five characteristics of the honest-school project (โรงเรียนสุจริต): thinking skills,
 * discipline, honesty, sufficiency, public mind.
 */
public enum HonestTrait { THINKING_SKILLS, DISCIPLINE, HONESTY, SUFFICIENCY, PUBLIC_MIND }
