package th.go.ita.scoring.score;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import th.go.ita.platform.outbox.UnreadableEventException;
import th.go.ita.scoring.framework.Framework;
import th.go.ita.scoring.framework.FrameworkService;
import th.go.ita.scoring.round.AssessmentRound;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Folds one input event into the per-unit aggregates scoring computes from. */
@ApplicationScoped
public class ScoreInputs {

    public static final String RESPONSES = "survey.responses";
    public static final String REVIEWS = "oit.reviews";
    /** A step of responses survey-service released together: what it sends. */
    public static final String RELEASED = "ResponsesReleased";
    /** One response, as survey-service sent them before responses were released in steps. */
    public static final String ONE_RESPONSE = "ResponseSubmitted";

    @Inject
    EntityManager em;

    @Inject
    FrameworkService frameworks;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String topic, AssessmentRound round, String unitCode, JsonNode payload) {
        if (RESPONSES.equals(topic)) {
            // A step is applied as a whole, in the one transaction of its event, so every figure
            // computed from it moves by the whole step at once.
            JsonNode responses = payload.path("responses");
            Tallies tallies = new Tallies();
            if (!payload.has("responses")) {
                count(tallies, round, payload.path("instrument").asText(), payload);
            } else if (!responses.isArray() || responses.isEmpty()) {
                throw new UnreadableEventException("responses missing");
            } else {
                for (JsonNode response : responses) {
                    count(tallies, round, payload.path("instrument").asText(), response);
                }
            }
            write(tallies, round, unitCode);
        } else {
            applyReview(round, unitCode, payload);
        }
    }

    /**
     * A step's answers summed in memory first, then written with one statement per table: a step
     * of 100 responses of 30 answers was 3,100 statements, and scoring fell behind intake.
     */
    private static final class Tallies {
        final Map<List<String>, long[]> answerCounts = new java.util.LinkedHashMap<>();
        final Map<List<String>, BigDecimal> answerPoints = new java.util.HashMap<>();
        final Map<List<String>, long[]> respondents = new java.util.LinkedHashMap<>();
    }

    private void count(Tallies tallies, AssessmentRound round, String instrumentCode, JsonNode payload) {
        Framework framework = frameworks.framework(round.frameworkId, round.frameworkVersion);
        Framework.Instrument instrument = framework.instrument(instrumentCode)
                .filter(i -> !i.isOit())
                .orElseThrow(() -> new UnreadableEventException("unknown instrument " + instrumentCode));
        JsonNode answers = payload.path("answers");
        if (!answers.isObject()) {
            throw new UnreadableEventException("answers missing");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> answer = it.next();
            Framework.Question question = instrument.indicators().stream()
                    .flatMap(i -> i.questions().stream())
                    .filter(q -> q.code().equals(answer.getKey()))
                    .findFirst().orElse(null);
            if (question == null) {
                continue; // a question of another edition cannot count in this round's framework
            }
            String option = answer.getValue().asText();
            BigDecimal points = framework.answerScales().get(question.scale()).points(option, question.reverse());
            if (points == null) {
                continue;
            }
            List<String> key = List.of(question.code(), option);
            tallies.answerCounts.computeIfAbsent(key, k -> new long[1])[0]++;
            tallies.answerPoints.merge(key, points, BigDecimal::add);
        }
        String category = payload.path("respondentCategory").isTextual() ? payload.path("respondentCategory").asText() : "";
        tallies.respondents.computeIfAbsent(List.of(instrument.code(), category), k -> new long[1])[0]++;
    }

    private void write(Tallies tallies, AssessmentRound round, String unitCode) {
        if (!tallies.answerCounts.isEmpty()) {
            List<Map<String, Object>> rows = new java.util.ArrayList<>();
            tallies.answerCounts.forEach((key, n) -> rows.add(Map.of("q", key.get(0), "o", key.get(1), "n", n[0],
                    "p", tallies.answerPoints.get(key))));
            em.createNativeQuery("""
                    INSERT INTO answer_tally (round_id, unit_code, question_code, option_code, answers, points_sum)
                    SELECT :round, :unit, t.q, t.o, t.n, t.p
                    FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS t(q text, o text, n bigint, p numeric)
                    ON CONFLICT (round_id, unit_code, question_code, option_code)
                    DO UPDATE SET answers = answer_tally.answers + EXCLUDED.answers,
                                  points_sum = answer_tally.points_sum + EXCLUDED.points_sum
                    """)
                    .setParameter("round", round.id).setParameter("unit", unitCode)
                    .setParameter("rows", json(rows)).executeUpdate();
        }
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        tallies.respondents.forEach((key, n) -> rows.add(Map.of("i", key.get(0), "c", key.get(1), "n", n[0])));
        em.createNativeQuery("""
                INSERT INTO respondent_tally (round_id, unit_code, instrument, respondent_category, respondents)
                SELECT :round, :unit, t.i, t.c, t.n
                FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS t(i text, c text, n bigint)
                ON CONFLICT (round_id, unit_code, instrument, respondent_category)
                DO UPDATE SET respondents = respondent_tally.respondents + EXCLUDED.respondents
                """)
                .setParameter("round", round.id).setParameter("unit", unitCode)
                .setParameter("rows", json(rows)).executeUpdate();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private static String json(Object rows) {
        try {
            return JSON.writeValueAsString(rows);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void applyReview(AssessmentRound round, String unitCode, JsonNode payload) {
        String verdict = payload.path("verdict").asText();
        if (!"PASSED".equals(verdict) && !"FAILED".equals(verdict)) {
            throw new UnreadableEventException("unknown verdict " + verdict);
        }
        String item = payload.path("itemCode").asText();
        if (item.isEmpty()) {
            throw new UnreadableEventException("itemCode missing");
        }
        if (!payload.path("final").asBoolean(false)) {
            return; // only final verdicts count
        }
        LocalDate reviewedOn = payload.path("reviewedOn").isTextual() ? LocalDate.parse(payload.path("reviewedOn").asText()) : null;
        JsonNode sequence = payload.path("sequence");
        if (!sequence.isMissingNode() && !sequence.isNull() && (!sequence.canConvertToInt() || sequence.asInt() < 1)) {
            throw new UnreadableEventException("sequence is not a positive number");
        }
        // The item's newest verdict wins, whatever order the events came in (two relays, a replay).
        // Only verdicts from before evidence numbered them (no sequence) fall back to the last arrival.
        em.createNativeQuery("""
                INSERT INTO oit_verdict (round_id, unit_code, item_code, passed, reviewed_on, sequence)
                VALUES (:round, :unit, :item, :passed, :on, CAST(:sequence AS INTEGER))
                ON CONFLICT (round_id, unit_code, item_code) DO UPDATE
                    SET passed = EXCLUDED.passed, reviewed_on = EXCLUDED.reviewed_on, sequence = EXCLUDED.sequence
                    WHERE oit_verdict.sequence IS NULL OR EXCLUDED.sequence IS NULL OR EXCLUDED.sequence > oit_verdict.sequence
                """)
                .setParameter("round", round.id).setParameter("unit", unitCode).setParameter("item", item)
                .setParameter("passed", "PASSED".equals(verdict)).setParameter("on", reviewedOn)
                .setParameter("sequence", sequence.canConvertToInt() ? String.valueOf(sequence.asInt()) : null)
                .executeUpdate();
    }

    /** Forgets a unit's aggregates for a round, before a rebuild replays its events. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clear(java.util.UUID roundId, String unitCode) {
        for (String table : new String[]{"answer_tally", "respondent_tally", "oit_verdict"}) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE round_id = :round AND unit_code = :unit")
                    .setParameter("round", roundId).setParameter("unit", unitCode).executeUpdate();
        }
    }
}
