package th.go.ita.bench;

import java.time.Duration;

/** How much a run does: the full run takes ~10 minutes, the short one (the end-to-end test's) under 2. */
public record Settings(boolean isShort, int[] concurrency, int submissionsPerLevel, int warmUp, int respondents,
                       int respondentConcurrency, Duration levelLimit, int freshnessWaves, int[] treeSizes,
                       int dashboardRequests, Duration pageLoad, int uploadMb) {

    public static Settings full() {
        return new Settings(false, new int[]{1, 4, 16, 32}, 1500, 300, 600, 16, Duration.ofSeconds(30), 4,
                new int[]{300, 3_000, 30_000}, 30, Duration.ofSeconds(10), 20);
    }

    /** The same run over other tree sizes ({@code --trees=300,30000}). */
    public Settings withTrees(int[] sizes) {
        return new Settings(isShort, concurrency, submissionsPerLevel, warmUp, respondents, respondentConcurrency, levelLimit,
                freshnessWaves, sizes, dashboardRequests, pageLoad, uploadMb);
    }

    public static Settings quick() {
        return new Settings(true, new int[]{1, 4, 16}, 150, 60, 60, 4, Duration.ofSeconds(8), 1,
                new int[]{300}, 10, Duration.ofSeconds(3), 5);
    }
}
