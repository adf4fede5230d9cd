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
            if (!payload.has("responses")) {
                applyResponse(round, unitCode, payload.path("instrument").asText(), payload);
            } else if (!responses.isArray() || responses.isEmpty()) {
                throw new UnreadableEventException("responses missing");
            } else {
                for (JsonNode response : responses) {
                    applyResponse(round, unitCode, payload.path("instrument").asText(), response);
                }
            }
        } else {
            applyReview(round, unitCode, payload);
        }
    }

    private void applyResponse(AssessmentRound round, String unitCode, String instrumentCode, JsonNode payload) {
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
            em.createNativeQuery("""
                    INSERT INTO answer_tally (round_id, unit_code, question_code, option_code, answers, points_sum)
                    VALUES (:round, :unit, :question, :option, 1, :points)
                    ON CONFLICT (round_id, unit_code, question_code, option_code)
                    DO UPDATE SET answers = answer_tally.answers + 1, points_sum = answer_tally.points_sum + :points
                    """)
                    .setParameter("round", round.id).setParameter("unit", unitCode)
                    .setParameter("question", question.code()).setParameter("option", option)
                    .setParameter("points", points).executeUpdate();
        }
        String category = payload.path("respondentCategory").isTextual() ? payload.path("respondentCategory").asText() : "";
        em.createNativeQuery("""
                INSERT INTO respondent_tally (round_id, unit_code, instrument, respondent_category, respondents)
                VALUES (:round, :unit, :instrument, :category, 1)
                ON CONFLICT (round_id, unit_code, instrument, respondent_category)
                DO UPDATE SET respondents = respondent_tally.respondents + 1
                """)
                .setParameter("round", round.id).setParameter("unit", unitCode)
                .setParameter("instrument", instrument.code()).setParameter("category", category).executeUpdate();
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
