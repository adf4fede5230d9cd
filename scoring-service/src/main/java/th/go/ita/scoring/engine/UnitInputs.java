package th.go.ita.scoring.engine;

import java.util.Map;

/**
 * Everything scoring needs about one unit in one round, already aggregated: how many respondents
 * chose each option of each question, how many answer sets each instrument received, and the
 * latest final auditor verdict per OIT item (true = passed). Nothing here identifies a respondent.
 */
public record UnitInputs(Map<String, Map<String, Long>> optionCounts, Map<String, Long> respondents,
                         Map<String, Boolean> oitVerdicts, int staffCount, int servicePopulation) {
}
