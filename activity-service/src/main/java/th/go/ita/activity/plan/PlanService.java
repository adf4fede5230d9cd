package th.go.ita.activity.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import th.go.ita.activity.event.Topics;
import th.go.ita.activity.plan.PlanApi.ActivityRequest;
import th.go.ita.activity.plan.PlanApi.ActivityView;
import th.go.ita.activity.plan.PlanApi.ActualRequest;
import th.go.ita.activity.plan.PlanApi.ActualView;
import th.go.ita.activity.plan.PlanApi.KpiRequest;
import th.go.ita.activity.plan.PlanApi.KpiView;
import th.go.ita.activity.plan.PlanApi.PlanRequest;
import th.go.ita.activity.plan.PlanApi.PlanSummary;
import th.go.ita.activity.plan.PlanApi.PlanUpdate;
import th.go.ita.activity.plan.PlanApi.PlanView;
import th.go.ita.activity.plan.PlanApi.Progress;
import th.go.ita.activity.template.PlanTemplate;
import th.go.ita.activity.template.TemplateCatalog;
import th.go.ita.activity.unit.UnitRef;
import th.go.ita.platform.outbox.Outbox;
import th.go.ita.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Plans, their KPIs and activities. Callers (resources) have checked the unit scope already. */
@ApplicationScoped
public class PlanService {

    private static final BigDecimal DEFAULT_TARGET = new BigDecimal("95.00");

    @Inject
    Outbox outbox;

    @Inject
    TemplateCatalog templates;

    public List<PlanSummary> plans(String unitCode) {
        List<Plan> plans = Plan.list("unitCode = ?1 order by fiscalYear desc", unitCode);
        return plans.stream().map(p -> new PlanSummary(p.id, p.unitCode, p.fiscalYear, p.title,
                progress(Activity.ofPlan(p.id)))).toList();
    }

    public Plan require(String unitCode, int fiscalYear) {
        return Plan.of(unitCode, fiscalYear)
                .orElseThrow(() -> ProblemException.notFound("plan-not-found", unitCode, fiscalYear));
    }

    @Transactional
    public PlanView create(String unitCode, PlanRequest request) {
        if (Plan.of(unitCode, request.fiscalYear()).isPresent()) {
            throw ProblemException.conflict("plan-exists", unitCode, request.fiscalYear());
        }
        Plan plan = newPlan(unitCode, request.fiscalYear(), request.title(), request.goals(), request.indicatorTarget());
        return view(plan);
    }

    private static Plan newPlan(String unitCode, int year, String title, List<String> goals, BigDecimal target) {
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.unitCode = unitCode;
        plan.fiscalYear = year;
        plan.title = title.strip();
        plan.goals = goals == null ? new ArrayList<>() : new ArrayList<>(goals);
        plan.indicatorTarget = (target == null ? DEFAULT_TARGET : target).setScale(2, RoundingMode.HALF_UP);
        plan.persist();
        return plan;
    }

    @Transactional
    public PlanView update(String unitCode, int year, PlanUpdate request) {
        Plan plan = require(unitCode, year);
        plan.title = request.title().strip();
        plan.goals = request.goals() == null ? new ArrayList<>() : new ArrayList<>(request.goals());
        if (request.indicatorTarget() != null) {
            plan.indicatorTarget = request.indicatorTarget().setScale(2, RoundingMode.HALF_UP);
        }
        plan.updatedAt = OffsetDateTime.now();
        return view(plan);
    }

    @Transactional
    public KpiView addKpi(String unitCode, int year, KpiRequest request) {
        Plan plan = require(unitCode, year);
        return kpiView(persistKpi(plan, (int) Kpi.count("planId", plan.id), request.name().strip(), request.target(),
                request.unitOfMeasure().strip(), request.indicatorCode()));
    }

    public Kpi requireKpi(UUID id) {
        return Kpi.<Kpi>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("kpi-not-found", id));
    }

    @Transactional
    public KpiView recordActual(UUID kpiId, ActualRequest request) {
        Kpi kpi = requireKpi(kpiId);
        KpiActual.record(kpi, request.recordedOn(), request.value(), request.note());
        return kpiView(kpi);
    }

    @Transactional
    public ActivityView addActivity(String unitCode, int year, ActivityRequest request) {
        Plan plan = require(unitCode, year);
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.planId = plan.id;
        activity.unitCode = plan.unitCode;
        apply(activity, request, plan);
        activity.persist();
        return activityView(activity, plan);
    }

    public Activity requireActivity(UUID id) {
        return Activity.<Activity>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("activity-not-found", id));
    }

    @Transactional
    public ActivityView updateActivity(UUID id, ActivityRequest request) {
        Activity activity = requireActivity(id);
        Plan plan = Plan.findById(activity.planId);
        apply(activity, request, plan);
        activity.updatedAt = OffsetDateTime.now();
        return activityView(activity, plan);
    }

    /** Validates everything before changing anything, so a refused request leaves the row as it was. */
    private void apply(Activity activity, ActivityRequest request, Plan plan) {
        if (request.startsOn() != null && request.endsOn() != null && request.endsOn().isBefore(request.startsOn())) {
            throw ProblemException.badRequest("activity-dates", request.startsOn(), request.endsOn());
        }
        ActivityStatus before = activity.status;
        ActivityStatus after = request.status() == null ? ActivityStatus.PLANNED : request.status();
        if (before == ActivityStatus.CANCELLED && after == ActivityStatus.DONE) {
            throw ProblemException.conflict("activity-cancelled", activity.name);
        }
        activity.name = request.name().strip();
        activity.description = request.description();
        activity.mettaElements = request.mettaElements().stream().sorted().toList();
        activity.pdcaPhase = request.pdcaPhase();
        activity.indicatorCodes = distinct(request.indicatorCodes());
        activity.oitItemCodes = distinct(request.oitItemCodes());
        activity.honestTraits = request.honestTraits() == null ? List.of() : request.honestTraits().stream().sorted().toList();
        activity.owner = request.owner();
        activity.participantsCount = request.participantsCount();
        activity.startsOn = request.startsOn();
        activity.endsOn = request.endsOn();
        activity.budget = request.budget() == null ? null : request.budget().setScale(2, RoundingMode.HALF_UP);
        activity.notes = request.notes();
        activity.evidenceLinks = request.evidenceLinks() == null ? List.of() : List.copyOf(request.evidenceLinks());
        activity.status = after;
        if (after == ActivityStatus.DONE && before != ActivityStatus.DONE) {
            activity.completedOn = Today.date();
            announceCompleted(activity, plan);
        } else if (after != ActivityStatus.DONE) {
            activity.completedOn = null;
        }
    }

    /** The payload of {@code ActivityCompleted} (docs/events.md). */
    public record ActivityCompleted(String activityId, String planId, String unitCode, int fiscalYear, String name,
                                    List<MettaElement> mettaElements, List<String> indicatorCodes,
                                    List<String> oitItemCodes, String completedOn) {
    }

    private void announceCompleted(Activity activity, Plan plan) {
        // Keyed by unit: a unit's completions reach consumers in the order they happened.
        outbox.add(Topics.ACTIVITY_EVENTS, activity.unitCode, "ActivityCompleted", activity.unitCode, null,
                new ActivityCompleted(activity.id.toString(), plan.id.toString(), activity.unitCode, plan.fiscalYear,
                        activity.name, activity.mettaElements, activity.indicatorCodes, activity.oitItemCodes,
                        activity.completedOn.toString()));
    }

    private static List<String> distinct(List<String> codes) {
        return codes == null ? List.of() : codes.stream().distinct().toList();
    }

    /**
     * Starts a fiscal year's plan from a template or from the unit's plan of an earlier year: goals,
     * KPIs (without actuals) and activities (planned again, dates moved by the years between).
     */
    @Transactional
    public PlanView copy(UnitRef unit, int year, PlanApi.CopyRequest request) {
        boolean fromTemplate = request.templateCode() != null && !request.templateCode().isBlank();
        if (fromTemplate == (request.fromYear() != null)) {
            throw ProblemException.badRequest("copy-source");
        }
        if (Plan.of(unit.code, year).isPresent()) {
            throw ProblemException.conflict("plan-exists", unit.code, year);
        }
        if (fromTemplate) {
            PlanTemplate template = templates.require(request.templateCode());
            return view(fromTemplate(unit, year, template));
        }
        if (request.fromYear() >= year) {
            throw ProblemException.badRequest("copy-from-later-year", request.fromYear(), year);
        }
        Plan source = require(unit.code, request.fromYear());
        Plan plan = newPlan(unit.code, year, source.title, source.goals, source.indicatorTarget);
        int years = year - source.fiscalYear;
        for (Kpi kpi : Kpi.ofPlan(source.id)) {
            persistKpi(plan, kpi.position, kpi.name, kpi.target, kpi.unitOfMeasure, kpi.indicatorCode);
        }
        for (Activity old : Activity.ofPlan(source.id)) {
            if (old.status == ActivityStatus.CANCELLED) {
                continue;
            }
            Activity copy = new Activity();
            copy.id = UUID.randomUUID();
            copy.planId = plan.id;
            copy.unitCode = unit.code;
            copy.templateCode = old.templateCode;
            copy.name = old.name;
            copy.description = old.description;
            copy.mettaElements = List.copyOf(old.mettaElements);
            copy.pdcaPhase = old.pdcaPhase;
            copy.indicatorCodes = List.copyOf(old.indicatorCodes);
            copy.oitItemCodes = List.copyOf(old.oitItemCodes);
            copy.honestTraits = List.copyOf(old.honestTraits);
            copy.owner = old.owner;
            copy.participantsCount = old.participantsCount;
            copy.startsOn = old.startsOn == null ? null : old.startsOn.plusYears(years);
            copy.endsOn = old.endsOn == null ? null : old.endsOn.plusYears(years);
            copy.budget = old.budget;
            copy.status = ActivityStatus.PLANNED;
            copy.persist();
        }
        return view(plan);
    }

    /** A new plan from a template, in Thai (the template's first language). */
    public Plan fromTemplate(UnitRef unit, int year, PlanTemplate template) {
        Plan plan = newPlan(unit.code, year, template.name().th() + " ปีงบประมาณ " + year,
                template.goals().stream().map(g -> g.th()).toList(), template.indicatorTarget());
        int position = 0;
        for (PlanTemplate.KpiTemplate kpi : template.kpis()) {
            BigDecimal target = kpi.targetIsStaffCount() ? BigDecimal.valueOf(unit.staffCount) : kpi.target();
            persistKpi(plan, position++, kpi.name().th(), target, kpi.unitOfMeasure().th(), kpi.indicatorCode());
        }
        for (PlanTemplate.ActivityTemplate t : template.activities()) {
            Activity activity = new Activity();
            activity.id = UUID.randomUUID();
            activity.planId = plan.id;
            activity.unitCode = unit.code;
            activity.templateCode = t.code();
            activity.name = t.name().th();
            activity.description = t.description().th();
            activity.mettaElements = t.mettaElements();
            activity.pdcaPhase = t.pdcaPhase();
            activity.indicatorCodes = t.indicatorCodes();
            activity.oitItemCodes = t.oitItemCodes();
            activity.honestTraits = t.honestTraits();
            activity.status = ActivityStatus.PLANNED;
            activity.persist();
        }
        return plan;
    }

    private static Kpi persistKpi(Plan plan, int position, String name, BigDecimal target, String unit, String indicator) {
        Kpi kpi = new Kpi();
        kpi.id = UUID.randomUUID();
        kpi.planId = plan.id;
        kpi.position = position;
        kpi.name = name;
        kpi.target = target.setScale(2, RoundingMode.HALF_UP);
        kpi.unitOfMeasure = unit;
        kpi.indicatorCode = indicator;
        kpi.persist();
        return kpi;
    }

    public PlanView view(Plan plan) {
        List<Activity> activities = new ArrayList<>(Activity.ofPlan(plan.id));
        activities.sort(Comparator.comparing((Activity a) -> a.pdcaPhase).thenComparing(a -> a.createdAt));
        return new PlanView(plan.id, plan.unitCode, plan.fiscalYear, plan.title, plan.goals, plan.indicatorTarget,
                progress(activities),
                Kpi.ofPlan(plan.id).stream().map(PlanService::kpiView).toList(),
                activities.stream().map(a -> activityView(a, plan)).toList());
    }

    public static Progress progress(List<Activity> activities) {
        int done = 0;
        int inProgress = 0;
        int cancelled = 0;
        for (Activity a : activities) {
            switch (a.status) {
                case DONE -> done++;
                case IN_PROGRESS -> inProgress++;
                case CANCELLED -> cancelled++;
                default -> {
                }
            }
        }
        int counted = activities.size() - cancelled;
        // Cancelled activities are out of the plan: they count neither as done nor as still to do.
        BigDecimal rate = counted == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(done * 100L).divide(BigDecimal.valueOf(counted), 2, RoundingMode.HALF_UP);
        return new Progress(activities.size(), done, inProgress, cancelled, rate);
    }

    static KpiView kpiView(Kpi kpi) {
        List<KpiActual> actuals = KpiActual.ofKpi(kpi.id);
        BigDecimal latest = actuals.isEmpty() ? null : actuals.get(actuals.size() - 1).value;
        return new KpiView(kpi.id, kpi.name, kpi.target, kpi.unitOfMeasure, kpi.indicatorCode, latest,
                latest != null && latest.compareTo(kpi.target) >= 0,
                actuals.stream().map(a -> new ActualView(a.id, a.recordedOn, a.value, a.note)).toList());
    }

    static ActivityView activityView(Activity a, Plan plan) {
        return new ActivityView(a.id, a.planId, a.unitCode, plan.fiscalYear, a.templateCode, a.name, a.description,
                a.mettaElements, a.pdcaPhase, a.indicatorCodes, a.oitItemCodes, a.honestTraits, a.owner,
                a.participantsCount, a.startsOn, a.endsOn, a.budget, a.status, a.notes, a.evidenceLinks, a.completedOn);
    }
}
