package th.go.ita.survey.questionnaire;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.survey.round.Round;
import th.go.ita.survey.unit.Unit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds what a respondent may answer and renders its questionnaire from the framework. */
@ApplicationScoped
public class QuestionnaireService {

    @Inject
    FrameworkCatalog frameworks;

    Clock clock = Clock.systemUTC();

    /**
     * The round and unit, when the round exists, covers the unit and its survey window is open now.
     * Respondents get the same answers whoever they are: no account is involved.
     */
    public SurveyTarget openTarget(String roundId, String unitCode) {
        Round round = roundId == null ? null : Round.findById(roundId);
        if (round == null) {
            throw ProblemException.notFound("round-not-found", String.valueOf(roundId));
        }
        Unit unit = unitCode == null ? null : Unit.findById(unitCode);
        if (unit == null || !round.covers(unit)) {
            throw ProblemException.notFound("unit-not-in-round", String.valueOf(unitCode));
        }
        if (!round.acceptsAnswersAt(Instant.now(clock))) {
            throw ProblemException.conflict("survey-closed");
        }
        return new SurveyTarget(round, unit);
    }

    public Questionnaire render(SurveyTarget target, Instrument instrument) {
        Round round = target.round();
        JsonNode doc = frameworks.document(round.frameworkId, round.frameworkVersion);
        if (doc == null) {
            // The round arrived before its framework: answering must wait until it does.
            throw ProblemException.conflict("framework-not-available", round.frameworkId, round.frameworkVersion);
        }
        Rendered rendered = rendered(round.frameworkId + "@" + round.frameworkVersion + "/" + instrument, doc, instrument);
        Map<String, String> unitName = new LinkedHashMap<>();
        unitName.put("th", target.unit().nameTh);
        if (target.unit().nameEn != null) {
            unitName.put("en", target.unit().nameEn);
        }
        return new Questionnaire(round.id, target.unit().code, unitName, instrument, round.frameworkId,
                round.frameworkVersion, rendered.name(), round.surveyClosesAt, rendered.categories(), rendered.sections());
    }

    /** What a framework document says of one instrument, read once per document (it never changes; a new one is another object). */
    private record Rendered(JsonNode doc, Map<String, String> name, List<Questionnaire.Category> categories,
                            List<Questionnaire.Section> sections) {
    }

    private final Map<String, Rendered> rendered = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every submission is validated against its questionnaire: rebuilding it from JSON each time was intake's cost. */
    private Rendered rendered(String key, JsonNode doc, Instrument instrument) {
        Rendered cached = rendered.get(key);
        if (cached != null && cached.doc() == doc) {
            return cached;
        }
        JsonNode instrumentNode = null;
        for (JsonNode candidate : doc.path("instruments")) {
            if (instrument.name().equals(candidate.path("code").asText())) {
                instrumentNode = candidate;
            }
        }
        if (instrumentNode == null) {
            throw ProblemException.notFound("instrument-not-in-framework", instrument.name());
        }
        JsonNode scales = doc.path("answerScales");
        List<Questionnaire.Section> sections = new ArrayList<>();
        for (JsonNode indicator : instrumentNode.path("indicators")) {
            List<Questionnaire.Question> questions = new ArrayList<>();
            for (JsonNode q : indicator.path("questions")) {
                String scale = q.path("scale").asText();
                List<Questionnaire.Option> options = new ArrayList<>();
                for (JsonNode option : scales.path(scale).path("options")) {
                    options.add(new Questionnaire.Option(option.path("code").asText(), texts(option.path("label"))));
                }
                questions.add(new Questionnaire.Question(q.path("code").asText(), texts(q.path("text")),
                        "YES_NO".equals(scale), q.path("required").asBoolean(true), List.copyOf(options)));
            }
            sections.add(new Questionnaire.Section(indicator.path("code").asText(), texts(indicator.path("name")),
                    List.copyOf(questions)));
        }
        List<Questionnaire.Category> categories = new ArrayList<>();
        for (JsonNode category : instrumentNode.path("respondentCategories")) {
            categories.add(new Questionnaire.Category(category.path("code").asText(), texts(category.path("name"))));
        }
        Rendered made = new Rendered(doc, texts(instrumentNode.path("name")), List.copyOf(categories), List.copyOf(sections));
        rendered.put(key, made);
        return made;
    }

    private static Map<String, String> texts(JsonNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            texts.put(e.getKey(), e.getValue().asText());
        }
        return texts;
    }
}
