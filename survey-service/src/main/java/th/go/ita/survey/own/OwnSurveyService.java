package th.go.ita.survey.own;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import th.go.ita.platform.problem.Problem;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.platform.problem.ProblemMessages;
import th.go.ita.survey.config.SurveyConfig;
import th.go.ita.survey.response.Receipt;
import th.go.ita.survey.secret.KeyedHash;
import th.go.ita.survey.unit.Unit;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** An office's own surveys: building, publishing, anonymous intake and aggregate results. */
@ApplicationScoped
public class OwnSurveyService {

    static final String SUBMISSION_PURPOSE = "own-survey-submission";
    static final int MAX_TEXT_ANSWER = 1000;
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<List<OwnSurvey.Question>> QUESTIONS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, JsonNode>> ANSWERS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    KeyedHash keyedHash;

    @Inject
    SurveyConfig config;

    @Inject
    ObjectMapper json;

    /** One stored survey row. */
    record Row(UUID id, String unitCode, String token, Map<String, String> title, Map<String, String> intro,
               List<OwnSurvey.Question> questions, OwnSurveyState state, boolean resultsPublic, LocalDate createdOn,
               String createdBy) {
    }

    @Transactional
    public OwnSurvey.Staff create(Unit unit, OwnSurveyRequest request, String createdBy) {
        UUID id = UUID.randomUUID();
        insert(id, unit, request, questionsOf(request), OwnSurveyState.DRAFT, false, LocalDate.now(BANGKOK), createdBy);
        return staffView(require(unit, id));
    }

    /** An answer set as the demo data brings it, stored like a real response: answers and the day. */
    public record DatedAnswers(LocalDate on, Map<String, JsonNode> answers) {
    }

    /**
     * Stores a survey under a fixed id, in the given state, with responses that did not come
     * through the public link (the demo data). The fixed id makes it happen once: a second call,
     * even a concurrent one from another instance, finds the id taken and adds nothing. The
     * answers pass the same validation as a respondent's, so the results read like real ones.
     *
     * @return how many rows were added: the survey and its responses, or 0 when the id exists
     */
    @Transactional
    public int importOnce(UUID id, Unit unit, OwnSurveyRequest request, OwnSurveyState state, boolean resultsPublic,
                          LocalDate createdOn, String createdBy, List<DatedAnswers> responses) {
        List<OwnSurvey.Question> questions = questionsOf(request);
        if (insert(id, unit, request, questions, state, resultsPublic, createdOn, createdBy) == 0) {
            return 0;
        }
        for (DatedAnswers response : responses) {
            insertResponse(id, validAnswers(questions, response.answers()), response.on(), true);
        }
        return 1 + responses.size();
    }

    private int insert(UUID id, Unit unit, OwnSurveyRequest request, List<OwnSurvey.Question> questions,
                       OwnSurveyState state, boolean resultsPublic, LocalDate createdOn, String createdBy) {
        byte[] token = new byte[15];
        RANDOM.nextBytes(token);
        return em.createNativeQuery("""
                INSERT INTO own_survey (id, unit_code, public_token, title_th, title_en, intro_th, intro_en, questions,
                                        state, results_public, created_on, created_by)
                VALUES (:id, :unit, :token, :titleTh, :titleEn, :introTh, :introEn, CAST(:questions AS jsonb),
                        :state, :resultsPublic, :createdOn, :by)
                ON CONFLICT (id) DO NOTHING
                """)
                .setParameter("id", id)
                .setParameter("unit", unit.code)
                .setParameter("token", Base64.getUrlEncoder().withoutPadding().encodeToString(token))
                .setParameter("titleTh", request.titleTh().strip())
                .setParameter("titleEn", blankToNull(request.titleEn()))
                .setParameter("introTh", blankToNull(request.introTh()))
                .setParameter("introEn", blankToNull(request.introEn()))
                .setParameter("questions", write(questions))
                .setParameter("state", state.name())
                .setParameter("resultsPublic", resultsPublic)
                .setParameter("createdOn", createdOn)
                .setParameter("by", createdBy)
                .executeUpdate();
    }

    /** @param released true only for invented (demo) answers; a respondent's wait for a step of others */
    private void insertResponse(UUID surveyId, Map<String, Object> answers, LocalDate on, boolean released) {
        em.createNativeQuery("""
                INSERT INTO own_survey_response (id, survey_id, answers, submitted_on, released)
                VALUES (:id, :survey, CAST(:answers AS jsonb), :on, :released)
                """)
                .setParameter("released", released)
                .setParameter("id", UUID.randomUUID())
                .setParameter("survey", surveyId)
                .setParameter("answers", write(answers))
                .setParameter("on", on)
                .executeUpdate();
    }

    @Transactional
    public OwnSurvey.Staff update(Unit unit, UUID id, OwnSurveyRequest request) {
        Row row = require(unit, id);
        if (row.state() != OwnSurveyState.DRAFT) {
            // Answers already given refer to these questions; changing them would falsify results.
            throw ProblemException.conflict("own-survey-not-draft");
        }
        List<OwnSurvey.Question> questions = questionsOf(request);
        em.createNativeQuery("""
                UPDATE own_survey SET title_th = :titleTh, title_en = :titleEn, intro_th = :introTh, intro_en = :introEn,
                                      questions = CAST(:questions AS jsonb)
                WHERE id = :id AND state = 'DRAFT'
                """)
                .setParameter("id", id)
                .setParameter("titleTh", request.titleTh().strip())
                .setParameter("titleEn", blankToNull(request.titleEn()))
                .setParameter("introTh", blankToNull(request.introTh()))
                .setParameter("introEn", blankToNull(request.introEn()))
                .setParameter("questions", write(questions))
                .executeUpdate();
        return staffView(require(unit, id));
    }

    @Transactional
    public List<OwnSurvey.Staff> list(Unit unit) {
        List<OwnSurvey.Staff> surveys = new ArrayList<>();
        for (Object r : em.createNativeQuery(SELECT + " WHERE unit_code = :unit ORDER BY created_on DESC, title_th")
                .setParameter("unit", unit.code).getResultList()) {
            surveys.add(staffView(rowOf((Object[]) r)));
        }
        return surveys;
    }

    @Transactional
    public OwnSurvey.Staff get(Unit unit, UUID id) {
        return staffView(require(unit, id));
    }

    @Transactional
    public OwnSurvey.Staff changeState(Unit unit, UUID id, OwnSurveyState next) {
        Row row = require(unit, id);
        if (!row.state().canBecome(next)) {
            throw ProblemException.conflict("own-survey-state", row.state().name(), next.name());
        }
        em.createNativeQuery("UPDATE own_survey SET state = :next WHERE id = :id AND state = :current")
                .setParameter("next", next.name())
                .setParameter("id", id)
                .setParameter("current", row.state().name())
                .executeUpdate();
        return staffView(require(unit, id));
    }

    @Transactional
    public OwnSurvey.Staff setResultsPublic(Unit unit, UUID id, boolean resultsPublic) {
        require(unit, id);
        em.createNativeQuery("UPDATE own_survey SET results_public = :public WHERE id = :id")
                .setParameter("public", resultsPublic)
                .setParameter("id", id)
                .executeUpdate();
        return staffView(require(unit, id));
    }

    @Transactional
    public OwnSurvey.Results staffResults(Unit unit, UUID id) {
        return results(require(unit, id), true);
    }

    /** Results anyone may read, once the unit-admin made them public: counts and means, never texts. */
    @Transactional
    public OwnSurvey.Results publicResults(String token) {
        Row row = byToken(token);
        if (row == null || row.state() == OwnSurveyState.DRAFT || !row.resultsPublic()) {
            throw ProblemException.notFound("own-survey-results-not-public");
        }
        return results(row, false);
    }

    @Transactional
    public OwnSurvey.Public form(String token) {
        Row row = open(token);
        return new OwnSurvey.Public(row.token(), row.unitCode(), unitName(row.unitCode()), row.state(), row.title(),
                row.intro(), row.questions());
    }

    public record Submitted(boolean created, Receipt receipt) {
    }

    @Transactional
    public Submitted submit(String token, OwnSurveyRequests.Answers answers) {
        Row row = open(token);
        LocalDate today = LocalDate.now(BANGKOK);
        int firstTime = em.createNativeQuery("""
                INSERT INTO own_submission_seen (submission_hash, seen_on) VALUES (:hash, :today)
                ON CONFLICT (submission_hash) DO NOTHING
                """)
                .setParameter("hash", keyedHash.hash(SUBMISSION_PURPOSE, row.id() + "\n" + answers.submissionId()))
                .setParameter("today", today)
                .executeUpdate();
        if (firstTime == 0) {
            return new Submitted(false, new Receipt("already-received", today));
        }
        insertResponse(row.id(), validAnswers(row.questions(), answers.answers()), today, false);
        return new Submitted(true, new Receipt("received", today));
    }

    // ---------------------------------------------------------------------------------------------

    private static final String SELECT = """
            SELECT id, unit_code, public_token, title_th, title_en, intro_th, intro_en, CAST(questions AS text),
                   state, results_public, created_on, created_by
            FROM own_survey""";

    /** The survey, when it belongs to this unit; another unit's survey id is simply not found here. */
    private Row require(Unit unit, UUID id) {
        List<?> rows = em.createNativeQuery(SELECT + " WHERE id = :id AND unit_code = :unit")
                .setParameter("id", id)
                .setParameter("unit", unit.code)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("own-survey-not-found");
        }
        return rowOf((Object[]) rows.get(0));
    }

    /** The survey behind a public link, while it takes answers: a draft is not found, a closed one gone (410). */
    private Row open(String token) {
        Row row = byToken(token);
        if (row == null || row.state() == OwnSurveyState.DRAFT) {
            throw ProblemException.notFound("own-survey-not-found");
        }
        if (row.state() != OwnSurveyState.OPEN) {
            throw new ProblemException(410, "own-survey-closed");
        }
        return row;
    }

    private Row byToken(String token) {
        List<?> rows = em.createNativeQuery(SELECT + " WHERE public_token = :token")
                .setParameter("token", token)
                .getResultList();
        return rows.isEmpty() ? null : rowOf((Object[]) rows.get(0));
    }

    private Row rowOf(Object[] r) {
        try {
            return new Row((UUID) r[0], (String) r[1], (String) r[2], texts((String) r[3], (String) r[4]),
                    texts((String) r[5], (String) r[6]), json.readValue((String) r[7], QUESTIONS),
                    OwnSurveyState.valueOf((String) r[8]), Boolean.TRUE.equals(r[9]),
                    r[10] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[10], (String) r[11]);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable questions of own survey " + r[0], e);
        }
    }

    private OwnSurvey.Staff staffView(Row row) {
        long responses = responsesOf(row.id());
        return new OwnSurvey.Staff(row.id(), row.unitCode(), row.state(), row.title(), row.intro(), row.questions(),
                row.resultsPublic(), row.createdOn(), row.createdBy(), responses,
                config.publicBaseUrl() + "/o/" + row.token(),
                config.publicBaseUrl() + "/api/survey/own-surveys/" + row.token() + "/results",
                config.publicBaseUrl() + "/api/survey/own-surveys/" + row.token() + "/results.html");
    }

    private long responsesOf(UUID id) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM own_survey_response WHERE survey_id = :id AND released")
                .setParameter("id", id).getSingleResult()).longValue();
    }

    private Map<String, String> unitName(String unitCode) {
        Unit unit = Unit.findById(unitCode);
        return unit == null ? Map.of("th", unitCode) : texts(unit.nameTh != null ? unit.nameTh : unitCode, unit.nameEn);
    }

    private OwnSurvey.Results results(Row row, boolean staff) {
        List<Map<String, JsonNode>> answers = new ArrayList<>();
        for (Object a : em.createNativeQuery("SELECT CAST(answers AS text) FROM own_survey_response WHERE survey_id = :id AND released")
                .setParameter("id", row.id()).getResultList()) {
            try {
                answers.add(json.readValue((String) a, ANSWERS));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable answers of own survey " + row.id(), e);
            }
        }
        return OwnResults.of(row.title(), unitName(row.unitCode()), row.state(), row.questions(), answers, staff);
    }

    private List<OwnSurvey.Question> questionsOf(OwnSurveyRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<OwnSurvey.Question> questions = new ArrayList<>();
        for (int i = 0; i < request.questions().size(); i++) {
            OwnSurveyRequest.QuestionInput q = request.questions().get(i);
            List<OwnSurveyRequest.OptionInput> given = q.options() == null ? List.of() : q.options();
            List<OwnSurvey.Option> options = new ArrayList<>();
            if (q.type().hasOwnOptions()) {
                if (given.size() < 2) {
                    errors.add(error("questions[" + i + "].options", "own-survey.options-needed"));
                }
                for (int o = 0; o < given.size(); o++) {
                    options.add(new OwnSurvey.Option(String.valueOf(o + 1),
                            texts(given.get(o).labelTh().strip(), given.get(o).labelEn())));
                }
            } else if (!given.isEmpty()) {
                errors.add(error("questions[" + i + "].options", "own-survey.options-not-allowed"));
            } else if (q.type() == OwnQuestionType.LIKERT_5) {
                for (int level = 1; level <= 5; level++) {
                    options.add(new OwnSurvey.Option(String.valueOf(level),
                            texts(OwnTexts.th("likert." + level), OwnTexts.en("likert." + level))));
                }
            }
            questions.add(new OwnSurvey.Question("q" + (i + 1), q.type(), texts(q.textTh().strip(), q.textEn()),
                    q.required(), options));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-input", errors);
        }
        return questions;
    }

    /** The answers as they will be stored: only known questions, option codes, trimmed texts. */
    private static Map<String, Object> validAnswers(List<OwnSurvey.Question> questions, Map<String, JsonNode> given) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, OwnSurvey.Question> byCode = new LinkedHashMap<>();
        questions.forEach(q -> byCode.put(q.code(), q));
        for (String code : given.keySet()) {
            if (!byCode.containsKey(code)) {
                errors.add(error("answers." + code, "answer.unknown-question"));
            }
        }
        Map<String, Object> clean = new LinkedHashMap<>();
        for (OwnSurvey.Question q : questions) {
            JsonNode value = given.get(q.code());
            Set<String> codes = new LinkedHashSet<>();
            q.options().forEach(o -> codes.add(o.code()));
            String field = "answers." + q.code();
            boolean empty = value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())
                    || (value.isArray() && value.isEmpty());
            if (empty) {
                if (q.required()) {
                    errors.add(error(field, "answer.missing"));
                }
                continue;
            }
            switch (q.type()) {
                case LIKERT_5, SINGLE_CHOICE -> {
                    String chosen = value.isValueNode() ? value.asText() : null;
                    if (chosen == null || !codes.contains(chosen)) {
                        errors.add(error(field, "answer.unknown-option"));
                    } else {
                        clean.put(q.code(), chosen);
                    }
                }
                case MULTIPLE_CHOICE -> {
                    Set<String> chosen = new java.util.TreeSet<>();
                    boolean ok = value.isArray();
                    if (ok) {
                        for (JsonNode each : value) {
                            ok &= each.isValueNode() && codes.contains(each.asText());
                            chosen.add(each.asText());
                        }
                    }
                    if (!ok) {
                        errors.add(error(field, "answer.unknown-option"));
                    } else {
                        clean.put(q.code(), new ArrayList<>(chosen));
                    }
                }
                case SHORT_TEXT -> {
                    if (!value.isTextual()) {
                        errors.add(error(field, "answer.not-text"));
                    } else if (value.asText().strip().length() > MAX_TEXT_ANSWER) {
                        errors.add(error(field, "answer.too-long"));
                    } else {
                        clean.put(q.code(), value.asText().strip());
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "invalid-answers", errors);
        }
        return clean;
    }

    private static Problem.FieldError error(String field, String key) {
        return new Problem.FieldError(field, ProblemMessages.en(key), ProblemMessages.th(key), ProblemMessages.en(key));
    }

    static Map<String, String> texts(String th, String en) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("th", th);
        if (en != null && !en.isBlank()) {
            texts.put("en", en.strip());
        }
        return texts;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
