package th.go.ita.activity.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import th.go.ita.activity.config.ActivityConfig;
import th.go.ita.activity.meeting.ActionItem;
import th.go.ita.activity.meeting.Meeting;
import th.go.ita.activity.mentoring.MentorAssignment;
import th.go.ita.activity.mentoring.MentoringLog;
import th.go.ita.activity.plan.Activity;
import th.go.ita.activity.plan.ActivityStatus;
import th.go.ita.activity.plan.Kpi;
import th.go.ita.activity.plan.KpiActual;
import th.go.ita.activity.plan.Plan;
import th.go.ita.activity.plan.PlanService;
import th.go.ita.activity.template.TemplateCatalog;
import th.go.ita.activity.unit.UnitRef;
import th.go.ita.platform.reports.Csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Loads activity-service's part of the demo: the seed office KALASIN2's FY2566 plan built from the
 * seed's METTA template, its KPIs with actuals, Wednesday board meetings and a mentoring team.
 * Idempotent: nothing is added when the FY2566 plan exists.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    public static final String OFFICE = "KALASIN2";
    public static final int YEAR = 2566;

    @Inject
    ActivityConfig config;

    @Inject
    EntityManager em;

    @Inject
    PlanService plans;

    @Inject
    TemplateCatalog templates;

    @Inject
    ObjectMapper mapper;

    void onStart(@Observes StartupEvent event) {
        if (config.demoData().enabled()) {
            int added = load();
            LOG.infof("Demo data: %d records added", added);
        }
    }

    /** @return how many records were added (0 when the demo is already there) */
    @Transactional
    public int load() {
        int added = loadUnits();
        if (Plan.of(OFFICE, YEAR).isPresent()) {
            return added;
        }
        UnitRef office = UnitRef.findById(OFFICE);
        Plan plan = plans.fromTemplate(office, YEAR, templates.require("METTA-SEED"));
        plan.title = "แผนขับเคลื่อน ITA Online ด้วย METTA Model ปีงบประมาณ 2566";
        added++;
        added += activities(plan);
        added += actuals(plan);
        added += meetings(plan);
        added += mentoring();
        return added;
    }

    /**
     * The office tree normally arrives from scoring's ita.units topic; the demo's part is written
     * here too (never over what the topic brought), so the demo office works from the first start.
     */
    private int loadUnits() {
        int added = 0;
        for (List<String> row : Csv.resourceRows("demo/units.csv")) {
            added += em.createNativeQuery("""
                            INSERT INTO unit_ref (code, parent_code, path, type, name_th, name_en, staff_count, demo)
                            VALUES (:code, CAST(:parent AS VARCHAR), :path, :type, :nameTh, :nameEn, :staff, :demo)
                            ON CONFLICT (code) DO NOTHING
                            """)
                    .setParameter("code", row.get(0))
                    .setParameter("parent", row.get(1).isEmpty() ? null : row.get(1))
                    .setParameter("path", row.get(2))
                    .setParameter("type", row.get(3))
                    .setParameter("nameTh", row.get(4))
                    .setParameter("nameEn", row.get(5))
                    .setParameter("staff", Integer.parseInt(row.get(6)))
                    .setParameter("demo", row.get(4).contains("(ข้อมูลสาธิต)"))
                    .executeUpdate();
        }
        return added;
    }

    /** What the seed reports the office did in FY2566 (Oct 2022 – Sep 2023): all of it done. */
    private int activities(Plan plan) {
        Map<String, List<String>> details = new HashMap<>();
        Csv.resourceRows("demo/activities.csv").forEach(row -> details.put(row.get(0), row));
        List<Activity> activities = Activity.ofPlan(plan.id);
        for (Activity activity : activities) {
            List<String> d = details.get(activity.templateCode);
            if (d == null) {
                throw new IllegalStateException("demo/activities.csv has no row for " + activity.templateCode);
            }
            activity.owner = d.get(1);
            activity.startsOn = LocalDate.parse(d.get(2));
            activity.endsOn = LocalDate.parse(d.get(3));
            activity.completedOn = activity.endsOn;
            activity.participantsCount = 67;
            activity.status = ActivityStatus.DONE;
        }
        return activities.size();
    }

    /** A row's indicator code is the KPI's; an empty one stands for the KPI linked to no indicator. */
    private int actuals(Plan plan) {
        List<List<String>> rows = Csv.resourceRows("demo/kpi-actuals.csv");
        int added = 0;
        for (Kpi kpi : Kpi.ofPlan(plan.id)) {
            for (List<String> row : rows) {
                if (row.get(0).equals(Objects.toString(kpi.indicatorCode, ""))) {
                    KpiActual.record(kpi, LocalDate.parse(row.get(1)), new BigDecimal(row.get(2)), row.get(3));
                    added++;
                }
            }
        }
        return added;
    }

    /** A board meeting as demo/meetings.json writes it: agenda items name activities by template code. */
    record DemoMeeting(LocalDate heldOn, String title, int attendeesCount, List<DemoAgendaItem> agenda,
                       List<String> decisions, List<DemoAction> actions) {
    }

    record DemoAgendaItem(String title, List<String> indicatorCodes, List<String> activities) {
    }

    record DemoAction(String description, String owner, LocalDate dueOn, LocalDate doneOn) {
    }

    /** The board (executives, group directors, supervisors) meets every Wednesday. */
    private int meetings(Plan plan) {
        Map<String, UUID> activityIds = new HashMap<>();
        Activity.ofPlan(plan.id).forEach(a -> activityIds.put(a.templateCode, a.id));
        int added = 0;
        for (DemoMeeting m : demoList("demo/meetings.json", DemoMeeting.class)) {
            List<Meeting.AgendaItem> agenda = m.agenda().stream().map(a -> new Meeting.AgendaItem(a.title(),
                    a.indicatorCodes(), a.activities().stream().map(activityIds::get).toList())).toList();
            Meeting meeting = Meeting.record(OFFICE, m.heldOn(), m.title(), m.attendeesCount(), agenda, m.decisions());
            m.actions().forEach(a -> ActionItem.add(meeting, a.description(), a.owner(), a.dueOn(), a.doneOn()));
            added += 1 + m.actions().size();
        }
        return added;
    }

    /** A mentor as demo/mentoring.json writes it, with its sessions. */
    record DemoMentor(String mentorName, MentorAssignment.Kind mentorKind, String indicatorCode, LocalDate startedOn,
                      String notes, List<DemoSession> logs) {
    }

    record DemoSession(LocalDate heldOn, MentoringLog.Kind kind, String summary, String followUp,
                       LocalDate followUpDue, LocalDate followUpDoneOn) {
    }

    private int mentoring() {
        int added = 0;
        for (DemoMentor m : demoList("demo/mentoring.json", DemoMentor.class)) {
            MentorAssignment mentor = MentorAssignment.assign(OFFICE, m.mentorName(), m.mentorKind(),
                    m.indicatorCode(), m.startedOn(), m.notes());
            for (DemoSession s : m.logs()) {
                MentoringLog log = MentoringLog.add(mentor, s.heldOn(), s.kind(), s.summary(), s.followUp(),
                        s.followUpDue());
                log.followUpDoneOn = s.followUpDoneOn();
            }
            added += 1 + m.logs().size();
        }
        return added;
    }

    private <T> List<T> demoList(String resource, Class<T> type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return mapper.readValue(in, mapper.getTypeFactory().constructCollectionType(List.class, type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
