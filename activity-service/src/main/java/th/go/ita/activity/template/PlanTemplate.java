package th.go.ita.activity.template;

import th.go.ita.activity.plan.HonestTrait;
import th.go.ita.activity.plan.MettaElement;
import th.go.ita.activity.plan.PdcaPhase;

import java.math.BigDecimal;
import java.util.List;

/** A ready-made plan (goals, KPIs, activities) a unit can copy into a fiscal year. */
public record PlanTemplate(String code, Text name, Text source, BigDecimal indicatorTarget, List<Text> goals,
                           List<KpiTemplate> kpis, List<ActivityTemplate> activities) {

    /** Thai first, English second. */
    public record Text(String th, String en) {
    }

    /** {@code targetIsStaffCount}: the target is the unit's staff count ("all staff take part"). */
    public record KpiTemplate(Text name, BigDecimal target, boolean targetIsStaffCount, Text unitOfMeasure,
                              String indicatorCode) {
    }

    public record ActivityTemplate(String code, Text name, Text description, List<MettaElement> mettaElements,
                                   PdcaPhase pdcaPhase, List<String> indicatorCodes, List<String> oitItemCodes,
                                   List<HonestTrait> honestTraits) {
    }
}
