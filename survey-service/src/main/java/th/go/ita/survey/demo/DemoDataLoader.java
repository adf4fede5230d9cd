package th.go.ita.survey.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import th.go.ita.survey.config.SurveyConfig;
import th.go.ita.survey.own.OwnSurveyRequest;
import th.go.ita.survey.own.OwnSurveyService;
import th.go.ita.survey.own.OwnSurveyState;
import th.go.ita.survey.own.OwnQuestionType;
import th.go.ita.survey.unit.Unit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * survey-service's part of the demo data: the seed office's satisfaction survey of its four work
 * areas (the seed's "Check" step: แบบสอบถามความพึงพอใจในการดำเนินงานทั้ง ๔ ด้าน), OPEN, results
 * public, with made-up responses. The office arrives from scoring's ita.units topic at some point
 * after start, so the loader looks every few seconds until the unit is in the read model, then
 * loads once. The survey has a fixed id, which is what makes a second start (or a second
 * instance) add nothing; its title says ข้อมูลสาธิต because the responses are invented.
 */
@ApplicationScoped
public class DemoDataLoader {

    public static final String OFFICE = "KALASIN2";
    public static final UUID SURVEY_ID = UUID.fromString("6ce8abb4-0884-4a34-9000-000000000001");
    public static final int RESPONSES = 30;
    static final String ACTOR = "demo-data";

    /** The four work areas the seed's survey asked about, Thai and English. */
    static final List<String[]> AREAS = List.of(
            new String[]{"งานด้านวิชาการ", "Academic affairs"},
            new String[]{"งานด้านแผนและงบประมาณ", "Planning and budget"},
            new String[]{"งานด้านบริหารงานบุคคล", "Personnel administration"},
            new String[]{"งานด้านบริหารงานทั่วไป", "General administration"});

    /** Made-up suggestions; most respondents leave the question empty, as real ones do. */
    private static final List<String> SUGGESTIONS = List.of(
            "อยากให้แจ้งความคืบหน้าของเรื่องที่ยื่นไว้ผ่านกลุ่มไลน์",
            "เจ้าหน้าที่ให้บริการด้วยความเต็มใจ ยิ้มแย้มแจ่มใส",
            "ควรมีคู่มือขั้นตอนการยื่นเรื่องบนเว็บไซต์ของสำนักงาน",
            "อยากให้แจ้งกำหนดการเบิกจ่ายงบประมาณล่วงหน้า",
            "ขอบคุณที่ตอบคำถามเรื่องการย้ายและการเลื่อนวิทยฐานะอย่างชัดเจน",
            "ที่จอดรถสำหรับผู้มาติดต่อมีไม่พอในช่วงเช้า");

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    @Inject
    SurveyConfig config;

    @Inject
    OwnSurveyService surveys;

    private volatile boolean done;

    @Scheduled(every = "10s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void whenTheOfficeIsHere() {
        if (!config.demoData().enabled() || done) {
            return;
        }
        try {
            int added = load();
            if (added > 0) {
                LOG.infof("Demo data: the own satisfaction survey of %s with %d responses added", OFFICE, added - 1);
            }
        } catch (RuntimeException e) {
            // A start must not fail over demo data; the next run tries again.
            LOG.warnf("Demo data not loaded yet: %s", e.getMessage());
        }
    }

    /** @return rows added: the survey and its responses; 0 when it exists or the office is not here yet */
    @Transactional
    public int load() {
        Unit office = Unit.findById(OFFICE);
        if (office == null) {
            return 0;
        }
        LocalDate today = LocalDate.now(BANGKOK);
        int added = surveys.importOnce(SURVEY_ID, office, survey(), OwnSurveyState.OPEN, true,
                today.minusDays(14), ACTOR, responses(today));
        done = true;
        return added;
    }

    static OwnSurveyRequest survey() {
        List<OwnSurveyRequest.QuestionInput> questions = new ArrayList<>();
        for (String[] area : AREAS) {
            questions.add(likert(area[0] + ": การให้บริการรวดเร็ว ถูกต้อง ตามขั้นตอนที่กำหนด",
                    area[1] + ": service is quick, correct and follows the stated steps"));
            questions.add(likert(area[0] + ": ได้รับข้อมูลที่ชัดเจน โปร่งใส และเป็นธรรมต่อทุกคน",
                    area[1] + ": information is clear, open and fair to everyone"));
        }
        questions.add(new OwnSurveyRequest.QuestionInput(OwnQuestionType.SHORT_TEXT,
                "ข้อเสนอแนะเพื่อการปรับปรุงการดำเนินงาน", "Suggestions for improving our work", false, null));
        return new OwnSurveyRequest(
                "แบบสอบถามความพึงพอใจในการดำเนินงาน 4 ด้าน ของ สพป.กาฬสินธุ์ เขต 2 (ข้อมูลสาธิต)",
                "Satisfaction with the office's work in four areas (demo data)",
                "ขอความร่วมมือผู้รับบริการตอบแบบสอบถาม ใช้เวลาประมาณ 3 นาที ไม่ต้องระบุชื่อ",
                "About 3 minutes; your name is not asked.",
                questions);
    }

    private static OwnSurveyRequest.QuestionInput likert(String th, String en) {
        return new OwnSurveyRequest.QuestionInput(OwnQuestionType.LIKERT_5, th, en, true, null);
    }

    /**
     * Made-up answers, the same on every machine (fixed seed), mostly satisfied as the seed office's
     * EIT scores suggest (about 92), each respondent a little kinder or stricter overall. Dates only,
     * spread over the two weeks the survey has been open, like real responses.
     */
    static List<OwnSurveyService.DatedAnswers> responses(LocalDate today) {
        Random random = new Random(2566);
        List<OwnSurveyService.DatedAnswers> responses = new ArrayList<>();
        for (int r = 0; r < RESPONSES; r++) {
            int leaning = List.of(-1, 0, 0, 1, 1).get(random.nextInt(5));
            Map<String, JsonNode> answers = new LinkedHashMap<>();
            int q = 1;
            for (int area = 0; area < AREAS.size(); area++) {
                for (int item = 0; item < 2; item++) {
                    int level = Math.max(1, Math.min(5, 4 + leaning + (random.nextInt(4) == 0 ? -1 : 0)
                            + (random.nextInt(3) == 0 ? 1 : 0)));
                    answers.put("q" + q++, JsonNodeFactory.instance.textNode(String.valueOf(level)));
                }
            }
            if (random.nextInt(4) == 0) {
                answers.put("q" + q, JsonNodeFactory.instance.textNode(SUGGESTIONS.get(random.nextInt(SUGGESTIONS.size()))));
            }
            responses.add(new OwnSurveyService.DatedAnswers(today.minusDays(random.nextInt(14)), answers));
        }
        return responses;
    }
}
