package th.go.ita.survey.response;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.survey.code.AccessCodeService;
import th.go.ita.survey.eit.BrowserTokens;
import th.go.ita.survey.questionnaire.Instrument;
import th.go.ita.survey.questionnaire.Questionnaire;
import th.go.ita.survey.questionnaire.QuestionnaireService;
import th.go.ita.survey.questionnaire.SurveyTarget;
import th.go.ita.survey.secret.KeyedHash;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Accepts one anonymous response: validated, stored unreleased and (IIT) its code spent, all in one
 * transaction, so either all of it happens or none. {@link ResponseRelease} publishes it later,
 * in a step of several.
 */
@ApplicationScoped
public class ResponseIntakeService {

    static final String SUBMISSION_PURPOSE = "submission-id";
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    @Inject
    EntityManager em;

    @Inject
    QuestionnaireService questionnaires;

    @Inject
    AccessCodeService codes;

    @Inject
    KeyedHash keyedHash;

    @Inject
    BrowserTokens browserTokens;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Inject
    ResponseRelease release;

    @Transactional
    public Result submit(Submission submission) {
        LocalDate today = LocalDate.now(BANGKOK);
        // First, so that a retry of an accepted submission is answered "received" even though its
        // code is spent by now. Only a keyed hash is kept, in a table that knows no response.
        int firstTime = em.createNativeQuery("""
                INSERT INTO submission_seen (submission_hash, seen_on) VALUES (:hash, :today)
                ON CONFLICT (submission_hash) DO NOTHING
                """)
                .setParameter("hash", keyedHash.hash(SUBMISSION_PURPOSE, submission.submissionId().toString()))
                .setParameter("today", today)
                .executeUpdate();
        if (firstTime == 0) {
            return new Result(false, new Receipt("already-received", today));
        }
        SurveyTarget target = questionnaires.openTarget(submission.roundId(), submission.unitCode());
        Questionnaire questionnaire = questionnaires.render(target, submission.instrument());
        String category = submission.instrument() == Instrument.EIT && submission.respondentCategory() != null
                && !submission.respondentCategory().isBlank() ? submission.respondentCategory() : null;
        if (submission.instrument() == Instrument.IIT && submission.respondentCategory() != null
                && !submission.respondentCategory().isBlank()) {
            throw ProblemException.badRequest("category-not-for-iit");
        }
        AnswerValidator.check(questionnaire, submission.answers(), category);
        if (submission.instrument() == Instrument.IIT) {
            codes.spend(target.round().id, target.unit().code, submission.code());
        } else {
            String nonce = browserTokens.verify(submission.browserToken(), target.round().id, target.unit().code);
            int fresh = em.createNativeQuery("""
                    INSERT INTO browser_token_spent (token_hash, spent_on) VALUES (:hash, :today)
                    ON CONFLICT (token_hash) DO NOTHING
                    """)
                    .setParameter("hash", keyedHash.hash("browser-token-nonce", nonce))
                    .setParameter("today", today)
                    .executeUpdate();
            if (fresh == 0) {
                throw ProblemException.conflict("browser-already-answered");
            }
        }

        UUID responseId = UUID.randomUUID();
        Map<String, String> answers = new TreeMap<>(submission.answers());
        em.createNativeQuery("""
                INSERT INTO survey_response (id, round_id, unit_code, instrument, framework_id, framework_version,
                                             respondent_category, answers, submitted_on)
                VALUES (:id, :round, :unit, :instrument, :fwId, :fwVersion, CAST(:category AS VARCHAR),
                        CAST(:answers AS jsonb), :today)
                """)
                .setParameter("id", responseId)
                .setParameter("round", target.round().id)
                .setParameter("unit", target.unit().code)
                .setParameter("instrument", submission.instrument().name())
                .setParameter("fwId", target.round().frameworkId)
                .setParameter("fwVersion", target.round().frameworkVersion)
                .setParameter("category", category)
                .setParameter("answers", toJson(answers))
                .setParameter("today", today)
                .executeUpdate();
        release.storedInThisTransaction(target.round().id, target.unit().code, submission.instrument().name());

        // Nothing leaves yet: ResponseRelease lets it go with at least a step of others.
        return new Result(true, new Receipt("received", today));
    }

    private String toJson(Map<String, String> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public record Result(boolean created, Receipt receipt) {
    }
}
