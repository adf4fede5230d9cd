package th.go.ita.activity.loop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import th.go.ita.activity.loop.LoopApi.AreaOverview;
import th.go.ita.activity.loop.LoopApi.ChangeComparison;
import th.go.ita.activity.loop.LoopApi.IndicatorStatus;
import th.go.ita.activity.loop.LoopApi.LinkedActivity;
import th.go.ita.activity.loop.LoopApi.Loop;
import th.go.ita.activity.loop.LoopApi.Suggestion;
import th.go.ita.activity.loop.LoopApi.UnitOverview;
import th.go.ita.activity.meeting.ActionItem;
import th.go.ita.activity.plan.Activity;
import th.go.ita.activity.plan.ActivityStatus;
import th.go.ita.activity.plan.Plan;
import th.go.ita.activity.plan.PlanApi.Progress;
import th.go.ita.activity.plan.PlanService;
import th.go.ita.activity.plan.Today;
import th.go.ita.activity.score.FrameworksConsumer;
import th.go.ita.activity.score.UnitScore;
import th.go.ita.activity.template.PlanTemplate;
import th.go.ita.activity.template.TemplateCatalog;
import th.go.ita.activity.unit.UnitRef;
import th.go.ita.activity.unit.UnitScope;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Closing the PDCA loop: scores next to the activities meant to move them. */
@ApplicationScoped
public class LoopService {

    @Inject
    PlanService plans;

    @Inject
    TemplateCatalog templates;

    @Inject
    EntityManager em;

    public Loop loop(String unitCode, int year) {
        Plan plan = plans.require(unitCode, year);
        // A plan is usually written in answer to last year's results: use them until this year's exist.
        // Each year's score of record: the official result, else the latest computed sheet (flagged if provisional).
        Optional<UnitScore> scores = UnitScore.latest(unitCode, year);
        if (scores.isEmpty()) {
            scores = UnitScore.latest(unitCode, year - 1);
        }
        List<Activity> activities = Activity.ofPlan(plan.id);
        Set<String> copied = activities.stream().map(a -> a.templateCode).filter(c -> c != null)
                .collect(Collectors.toSet());
        List<IndicatorStatus> rows = new ArrayList<>();
        if (scores.isPresent()) {
            List<Map.Entry<String, BigDecimal>> entries = new ArrayList<>(scores.get().indicators.entrySet());
            entries.sort(Comparator.comparing(e -> indicatorOrder(e.getKey())));
            for (Map.Entry<String, BigDecimal> e : entries) {
                String code = e.getKey();
                BigDecimal target = plan.indicatorTarget;
                boolean weak = e.getValue() != null && e.getValue().compareTo(target) < 0;
                List<LinkedActivity> linked = activities.stream()
                        .filter(a -> a.indicatorCodes.contains(code))
                        .map(a -> new LinkedActivity(a.id, a.name, a.status)).toList();
                rows.add(new IndicatorStatus(code, e.getValue(), target, weak, linked,
                        weak ? suggestions(code, copied) : List.of()));
            }
        }
        UnitScore s = scores.orElse(null);
        return new Loop(unitCode, year, s == null ? null : s.fiscalYear, s == null || s.official ? null : s.roundId,
                s == null ? null : s.total, s == null ? null : s.rating, s != null && s.official, s != null && s.provisional,
                plan.indicatorTarget, rows);
    }

    private List<Suggestion> suggestions(String indicator, Set<String> alreadyInPlan) {
        List<Suggestion> result = new ArrayList<>();
        for (PlanTemplate template : templates.all()) {
            for (PlanTemplate.ActivityTemplate a : template.activities()) {
                if (a.indicatorCodes().contains(indicator) && !alreadyInPlan.contains(a.code())) {
                    result.add(new Suggestion(template.code(), a.code(), a.name().th(), a.name().en()));
                }
            }
        }
        return result;
    }

    /** "2" before "10", "9.1" after "9". */
    private static double indicatorOrder(String code) {
        try {
            return Double.parseDouble(code);
        } catch (NumberFormatException e) {
            return Double.MAX_VALUE;
        }
    }

    public AreaOverview overview(UnitRef root, int year) {
        List<UnitRef> units = UnitScope.subtree(root);
        List<UnitOverview> rows = new ArrayList<>();
        int withPlan = 0;
        List<BigDecimal> withActivities = new ArrayList<>();
        List<BigDecimal> withoutActivities = new ArrayList<>();
        for (UnitRef unit : units) {
            Optional<Plan> plan = Plan.of(unit.code, year);
            List<Activity> activities = plan.map(p -> Activity.ofPlan(p.id)).orElse(List.of());
            Progress progress = PlanService.progress(activities);
            if (plan.isPresent()) {
                withPlan++;
            }
            boolean linked = activities.stream()
                    .anyMatch(a -> a.status != ActivityStatus.CANCELLED && !a.indicatorCodes.isEmpty());
            UnitScore now = UnitScore.latest(unit.code, year).orElse(null);
            UnitScore before = UnitScore.latest(unit.code, year - 1).orElse(null);
            BigDecimal change = comparable(now, before) ? now.total.subtract(before.total).setScale(2, RoundingMode.HALF_UP) : null;
            if (change != null) {
                (linked ? withActivities : withoutActivities).add(change);
            }
            int overdue = ActionItem.overdue(unit.code, Today.date()).size();
            rows.add(new UnitOverview(unit.code, unit.nameTh, unit.nameEn, plan.isPresent(), progress.activities(),
                    progress.done(), progress.completionRate(), overdue,
                    now == null ? null : now.total, before == null ? null : before.total, change, linked));
        }
        ChangeComparison comparison = new ChangeComparison(withActivities.size(), mean(withActivities),
                withoutActivities.size(), mean(withoutActivities));
        return new AreaOverview(root.code, year, units.size(), withPlan, comparison, rows);
    }

    /** Two years' totals compare only under frameworks of one comparability group. */
    private boolean comparable(UnitScore now, UnitScore before) {
        if (now == null || before == null || now.total == null || before.total == null) {
            return false;
        }
        String a = FrameworksConsumer.groupOf(em, now.frameworkId, now.frameworkVersion);
        String b = FrameworksConsumer.groupOf(em, before.frameworkId, before.frameworkVersion);
        return a != null && a.equals(b);
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }
}
