package th.go.ita.activity.support;

import th.go.ita.activity.plan.Activity;
import th.go.ita.activity.plan.ActivityStatus;
import th.go.ita.activity.plan.MettaElement;
import th.go.ita.activity.plan.PdcaPhase;
import th.go.ita.activity.plan.Plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Data another office owns, written straight to the database (the caller's token could not). */
public final class QuarkusTxFixtures {
    private QuarkusTxFixtures() {
    }

    public static UUID planWithActivity(String unitCode, int year) {
        return planWithActivity(unitCode, year, List.of());
    }

    public static UUID planWithActivity(String unitCode, int year, List<String> indicatorCodes) {
        return Tx.call(() -> {
            Plan plan = new Plan();
            plan.id = UUID.randomUUID();
            plan.unitCode = unitCode;
            plan.fiscalYear = year;
            plan.title = "แผนของ " + unitCode;
            plan.indicatorTarget = new BigDecimal("95.00");
            plan.persist();
            Activity activity = new Activity();
            activity.id = UUID.randomUUID();
            activity.planId = plan.id;
            activity.unitCode = unitCode;
            activity.name = "กิจกรรมของโรงเรียน 2";
            activity.mettaElements = List.of(MettaElement.TEAMWORK);
            activity.pdcaPhase = PdcaPhase.DO;
            activity.indicatorCodes = indicatorCodes;
            activity.status = ActivityStatus.PLANNED;
            activity.persist();
            return activity.id;
        });
    }
}
