package th.go.ita.activity.loop;

import th.go.ita.activity.plan.ActivityStatus;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

public final class LoopApi {
    private LoopApi() {
    }

    public record LinkedActivity(UUID id, String name, ActivityStatus status) {
    }

    public record Suggestion(String templateCode, String activityCode, String nameTh, String nameEn) {
    }

    public record IndicatorStatus(String code, BigDecimal score, BigDecimal target, boolean weak,
                                  List<LinkedActivity> activities, List<Suggestion> suggestions) {
    }

    /** {@code scoresFiscalYear}: the plan's year, or the year before when its own has no scores yet. */
    public record Loop(String unitCode, int fiscalYear, Integer scoresFiscalYear, String roundId, BigDecimal total,
                       String rating, boolean official, boolean provisional, BigDecimal indicatorTarget,
                       List<IndicatorStatus> indicators) {
    }

    /**
     * {@code totalChange}: ITA total of the year minus the year before, only when both years'
     * frameworks are in the same comparability group (else null). {@code linkedActivities}: the
     * unit's plan of the year has activities linked to ITA indicators.
     */
    public record UnitOverview(String unitCode, String nameTh, String nameEn, boolean hasPlan, int activities,
                               int done, BigDecimal completionRate, int overdueActions, BigDecimal total,
                               BigDecimal previousTotal, BigDecimal totalChange, boolean linkedActivities) {
    }

    /** Mean change of the total among comparable units with and without linked activities. */
    public record ChangeComparison(int unitsWithActivities, BigDecimal meanChangeWithActivities,
                                   int unitsWithoutActivities, BigDecimal meanChangeWithoutActivities) {
    }

    public record AreaOverview(String unitCode, int fiscalYear, int units, int unitsWithPlan,
                               ChangeComparison change, List<UnitOverview> rows) {
    }
}
