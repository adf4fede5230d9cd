package th.go.ita.survey.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    /**
     * {@code demo/own-survey.json}: the survey as the seed office wrote it (two questions on each of
     * the four work areas, then a suggestion) and made-up suggestions; most respondents leave that
     * question empty, as real ones do.
     */
    record Demo(OwnSurveyRequest survey, List<String> suggestions) {
    }

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    @Inject
    SurveyConfig config;

    @Inject
    OwnSurveyService surveys;

    @Inject
    ObjectMapper json;

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
        Demo demo = demo();
        int added = surveys.importOnce(SURVEY_ID, office, demo.survey(), OwnSurveyState.OPEN, true,
                today.minusDays(14), ACTOR, responses(demo, today));
        done = true;
        return added;
    }

    private Demo demo() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("demo/own-survey.json")) {
            return json.readValue(in, Demo.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Made-up answers, the same on every machine (fixed seed), mostly satisfied as the seed office's
     * EIT scores suggest (about 92), each respondent a little kinder or stricter overall. Dates only,
     * spread over the two weeks the survey has been open, like real responses.
     */
    static List<OwnSurveyService.DatedAnswers> responses(Demo demo, LocalDate today) {
        Random random = new Random(2566);
        List<OwnSurveyRequest.QuestionInput> questions = demo.survey().questions();
        List<OwnSurveyService.DatedAnswers> responses = new ArrayList<>();
        for (int r = 0; r < RESPONSES; r++) {
            int leaning = List.of(-1, 0, 0, 1, 1).get(random.nextInt(5));
            Map<String, JsonNode> answers = new LinkedHashMap<>();
            for (int q = 0; q < questions.size(); q++) {
                if (questions.get(q).type() == OwnQuestionType.LIKERT_5) {
                    int level = Math.max(1, Math.min(5, 4 + leaning + (random.nextInt(4) == 0 ? -1 : 0)
                            + (random.nextInt(3) == 0 ? 1 : 0)));
                    answers.put("q" + (q + 1), JsonNodeFactory.instance.textNode(String.valueOf(level)));
                } else if (random.nextInt(4) == 0) {
                    String suggestion = demo.suggestions().get(random.nextInt(demo.suggestions().size()));
                    answers.put("q" + (q + 1), JsonNodeFactory.instance.textNode(suggestion));
                }
            }
            responses.add(new OwnSurveyService.DatedAnswers(today.minusDays(random.nextInt(14)), answers));
        }
        return responses;
    }
}
