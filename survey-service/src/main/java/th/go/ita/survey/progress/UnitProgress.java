package th.go.ita.survey.progress;

import java.util.List;
import java.util.Map;

/**
 * Responses received against the required sample, per instrument. {@code questions} (counts per
 * option) is null while fewer than {@link ProgressService#MIN_GROUP} responses exist, so a small
 * group's answers cannot be read off the breakdown. Counts move in steps of at least
 * {@code releaseStep} responses, or at midnight for a day's leftovers: the screen says so.
 */
public record UnitProgress(String roundId, String unitCode, Map<String, String> unitName, int releaseStep,
                           List<Instrument> instruments) {

    public record Instrument(String instrument, long received, int required, int population, boolean breakdownHidden,
                             Map<String, Map<String, Long>> questions) {
    }
}
