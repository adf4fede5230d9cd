package th.go.ita.activity.demo;

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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
        Map<String, Object[]> details = Map.of(
                "RISK-ANALYSIS", new Object[]{"คณะกรรมการวิเคราะห์ความเสี่ยง", "2022-11-02", "2023-01-31"},
                "FLAG-CEREMONY", new Object[]{"กลุ่มอำนวยการ", "2022-10-03", "2023-09-25"},
                "NO-GIFT", new Object[]{"ผู้รับผิดชอบโครงการสำนักงานเขตพื้นที่การศึกษาสุจริต", "2022-12-01", "2023-01-15"},
                "SAVE-WATER-POWER", new Object[]{"คณะกรรมการรักษ์น้ำ รักษ์ไฟ", "2022-10-05", "2023-09-29"},
                "SMILING-SERVICE", new Object[]{"ทุกกลุ่มงาน", "2022-10-03", "2023-09-29"},
                "VOLUNTEER-CSR", new Object[]{"คณะกรรมการจิตอาสา", "2023-03-01", "2023-03-31"},
                "SATISFACTION-SURVEY", new Object[]{"กลุ่มนโยบายและแผน", "2023-07-01", "2023-08-31"},
                "LESSONS-LEARNED", new Object[]{"บอร์ดบริหาร สพป.กาฬสินธุ์ เขต 2", "2023-09-06", "2023-09-27"});
        int changed = 0;
        for (Activity activity : Activity.ofPlan(plan.id)) {
            Object[] d = details.get(activity.templateCode);
            activity.participantsCount = 67;
            activity.status = ActivityStatus.DONE;
            if (d != null) {
                activity.owner = (String) d[0];
                activity.startsOn = LocalDate.parse((String) d[1]);
                activity.endsOn = LocalDate.parse((String) d[2]);
            } else {
                activity.owner = "ทุกกลุ่มงาน";
                activity.startsOn = LocalDate.of(2022, 10, 1);
                activity.endsOn = LocalDate.of(2023, 9, 30);
            }
            activity.completedOn = activity.endsOn;
            changed++;
        }
        return changed;
    }

    private int actuals(Plan plan) {
        int added = 0;
        for (Kpi kpi : Kpi.ofPlan(plan.id)) {
            if ("TOTAL".equals(kpi.indicatorCode)) {
                added += actual(kpi, "2023-09-30", "96.37", "ผลการประเมิน ITA ปีงบประมาณ 2566 ระดับ AA");
            } else if (kpi.indicatorCode == null) {
                added += actual(kpi, "2023-03-31", "52", "ข้อมูลสาธิต");
                added += actual(kpi, "2023-09-30", "67", "บุคลากรทั้ง 67 คนเข้าร่วม");
            } else if ("1".equals(kpi.indicatorCode)) {
                added += actual(kpi, "2023-09-30", "92", "ข้อมูลสาธิต");
            } else if ("4".equals(kpi.indicatorCode)) {
                added += actual(kpi, "2023-03-31", "3.5", "ข้อมูลสาธิต");
                added += actual(kpi, "2023-09-30", "5.2", "ข้อมูลสาธิต");
            }
        }
        return added;
    }

    private static int actual(Kpi kpi, String on, String value, String note) {
        KpiActual actual = new KpiActual();
        actual.id = UUID.randomUUID();
        actual.kpiId = kpi.id;
        actual.recordedOn = LocalDate.parse(on);
        actual.value = new BigDecimal(value).setScale(2);
        actual.note = note;
        actual.persist();
        return 1;
    }

    /** The board (executives, group directors, supervisors) meets every Wednesday. */
    private int meetings(Plan plan) {
        List<Activity> activities = Activity.ofPlan(plan.id);
        UUID risk = idOf(activities, "RISK-ANALYSIS");
        UUID noGift = idOf(activities, "NO-GIFT");
        UUID survey = idOf(activities, "SATISFACTION-SURVEY");
        UUID lessons = idOf(activities, "LESSONS-LEARNED");
        int added = 0;
        added += meeting("2022-10-05", "ประชุมบอร์ดบริหาร: วางแผนขับเคลื่อน ITA Online ปีงบประมาณ 2566", 18,
                List.of(new Meeting.AgendaItem("ทบทวนผล ITA ปี 2565 และกำหนดเป้าหมายไม่ต่ำกว่า 95 คะแนน", List.of("TOTAL"), List.of()),
                        new Meeting.AgendaItem("แต่งตั้งคณะกรรมการวิเคราะห์ความเสี่ยง", List.of("5", "10"), List.of(risk))),
                List.of("ใช้ METTA Model ด้วยวงจร PDCA ต่อเนื่องจากปี 2565", "ทุกกลุ่มงานส่งผู้แทนเข้าร่วมคณะทำงาน ITA"),
                List.<Object[]>of(new Object[]{"ออกคำสั่งแต่งตั้งคณะกรรมการวิเคราะห์ความเสี่ยง", "กลุ่มอำนวยการ", "2022-10-12", "2022-10-11"}));
        added += meeting("2022-11-30", "ประชุมบอร์ดบริหาร: นโยบายไม่รับของขวัญ", 16,
                List.of(new Meeting.AgendaItem("ประกาศเจตนารมณ์ No Gift Policy (แบบรายงาน O33)", List.of("3", "10"), List.of(noGift))),
                List.of("ผู้อำนวยการประกาศเจตนารมณ์ไม่รับของขวัญต่อผู้เกี่ยวข้อง"),
                List.<Object[]>of(new Object[]{"จัดทำโปสเตอร์ infographic No Gift Policy", "กลุ่มส่งเสริมการศึกษาทางไกลฯ", "2022-12-14", "2022-12-09"}));
        added += meeting("2023-07-05", "ประชุมบอร์ดบริหาร: ติดตามผลและสำรวจความพึงพอใจ", 17,
                List.of(new Meeting.AgendaItem("แบบสอบถามความพึงพอใจ 4 ด้าน", List.of("6", "7", "8"), List.of(survey))),
                List.of("เปิดแบบสอบถามออนไลน์ให้ผู้รับบริการตอบถึงสิ้นเดือนสิงหาคม"),
                List.<Object[]>of(new Object[]{"สรุปผลความพึงพอใจรายด้านเสนอบอร์ด", "กลุ่มนโยบายและแผน", "2023-09-06", "2023-09-05"}));
        added += meeting("2023-09-27", "ประชุมบอร์ดบริหาร: ถอดบทเรียนปี 2566", 19,
                List.of(new Meeting.AgendaItem("ถอดบทเรียนและปรับแผนปี 2567", List.of("8"), List.of(lessons))),
                List.of("คงกิจกรรมทุกกิจกรรมในปี 2567 และเพิ่มการติดตามตัวชี้วัดที่ 8"),
                List.<Object[]>of(new Object[]{"ร่างแผนขับเคลื่อน ITA ปีงบประมาณ 2567", "ผู้รับผิดชอบโครงการสำนักงานเขตพื้นที่การศึกษาสุจริต", "2023-10-11", null}));
        return added;
    }

    private static UUID idOf(List<Activity> activities, String templateCode) {
        return activities.stream().filter(a -> templateCode.equals(a.templateCode)).map(a -> a.id).findFirst().orElseThrow();
    }

    private static int meeting(String on, String title, int attendees, List<Meeting.AgendaItem> agenda,
                               List<String> decisions, List<Object[]> actions) {
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        meeting.unitCode = OFFICE;
        meeting.heldOn = LocalDate.parse(on);
        meeting.title = title;
        meeting.attendeesCount = attendees;
        meeting.agenda = agenda;
        meeting.decisions = decisions;
        meeting.persist();
        for (Object[] a : actions) {
            ActionItem item = new ActionItem();
            item.id = UUID.randomUUID();
            item.meetingId = meeting.id;
            item.unitCode = OFFICE;
            item.description = (String) a[0];
            item.owner = (String) a[1];
            item.dueOn = LocalDate.parse((String) a[2]);
            item.doneOn = a[3] == null ? null : LocalDate.parse((String) a[3]);
            item.persist();
        }
        return 1 + actions.size();
    }

    private int mentoring() {
        MentorAssignment team = new MentorAssignment();
        team.id = UUID.randomUUID();
        team.unitCode = OFFICE;
        team.mentorName = "ทีมพี่เลี้ยงการเปิดเผยข้อมูล OIT (ข้อมูลสาธิต)";
        team.mentorKind = MentorAssignment.Kind.TEAM;
        team.indicatorCode = "9";
        team.startedOn = LocalDate.of(2022, 10, 10);
        team.notes = "Coaching and Mentoring: ผู้มีประสบการณ์สอนงานการเผยแพร่ข้อมูลของแต่ละกลุ่มงาน";
        team.persist();
        MentoringLog log = new MentoringLog();
        log.id = UUID.randomUUID();
        log.assignmentId = team.id;
        log.heldOn = LocalDate.of(2023, 1, 18);
        log.kind = MentoringLog.Kind.COACHING;
        log.summary = "สอนงานการจัดทำข้อมูล OIT ของกลุ่มบริหารงานบุคคล";
        log.followUp = "ตรวจความครบถ้วนของข้อมูล O9–O16";
        log.followUpDue = LocalDate.of(2023, 2, 15);
        log.followUpDoneOn = LocalDate.of(2023, 2, 10);
        log.persist();
        return 2;
    }
}
