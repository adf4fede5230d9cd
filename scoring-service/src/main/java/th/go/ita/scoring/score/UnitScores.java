package th.go.ita.scoring.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import th.go.ita.scoring.engine.ScoreSheet;
import th.go.ita.scoring.engine.ScoringEngine;
import th.go.ita.scoring.engine.UnitInputs;
import th.go.ita.scoring.framework.FrameworkService;
import th.go.ita.platform.outbox.Outbox;
import th.go.ita.scoring.round.AssessmentRound;
import th.go.ita.scoring.unit.Unit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Computes a unit's score for a round from its aggregates, stores it and announces changes on {@code scores.changed}. */
@ApplicationScoped
public class UnitScores {

    public static final String TOPIC = "scores.changed";

    public record UnitScoreChanged(UUID roundId, String unitCode, int fiscalYear, String frameworkId,
                                   int frameworkVersion, java.math.BigDecimal total, String rating, boolean passed,
                                   boolean provisional, Map<String, java.math.BigDecimal> instruments,
                                   Map<String, java.math.BigDecimal> indicators) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    FrameworkService frameworks;

    @Inject
    Outbox outbox;

    @Inject
    ScoreInputs inputs;

    /** The first key of the per-unit lock ({@link #lock}); the second is the round and unit's hash. */
    static final int UNIT_SCORE_LOCK = 1_946_006;

    /**
     * Serializes whatever changes one unit's score in a round until the caller's transaction ends.
     * Responses and reviews are consumed on separate threads (and a rebuild runs on a request
     * thread): two of them computing side by side would each read the inputs without the other's
     * uncommitted change, and the later commit would store a sheet that misses one. Under the lock,
     * READ COMMITTED lets each statement see what the one before it committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID roundId, String unitCode) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:ns, hashtext(:key))) AS locked")
                .setParameter("ns", UNIT_SCORE_LOCK).setParameter("key", roundId + "/" + unitCode)
                .getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ScoreSheet recompute(AssessmentRound round, String unitCode) {
        Unit unit = Unit.findById(unitCode);
        ScoreSheet sheet = ScoringEngine.compute(frameworks.framework(round.frameworkId, round.frameworkVersion),
                inputsOf(round.id, unit));
        String json = write(sheet);
        @SuppressWarnings("unchecked")
        List<String> stored = em.createNativeQuery(
                        "SELECT CAST(sheet AS text) FROM unit_score WHERE round_id = :round AND unit_code = :unit")
                .setParameter("round", round.id).setParameter("unit", unitCode).getResultList();
        if (!stored.isEmpty() && read(stored.get(0)).equals(read(json))) {
            return sheet;
        }
        em.createNativeQuery("""
                INSERT INTO unit_score (round_id, unit_code, fiscal_year, framework_id, framework_version, indicators,
                                        instruments, sheet, total, rating, passed, provisional, computed_at)
                VALUES (:round, :unit, :year, :fid, :fv, CAST(:indicators AS jsonb), CAST(:instruments AS jsonb),
                        CAST(:sheet AS jsonb), :total, :rating, :passed, :provisional, now())
                ON CONFLICT (round_id, unit_code) DO UPDATE SET indicators = EXCLUDED.indicators,
                    instruments = EXCLUDED.instruments, sheet = EXCLUDED.sheet, total = EXCLUDED.total,
                    rating = EXCLUDED.rating, passed = EXCLUDED.passed, provisional = EXCLUDED.provisional,
                    framework_id = EXCLUDED.framework_id, framework_version = EXCLUDED.framework_version,
                    computed_at = now()
                """)
                .setParameter("round", round.id).setParameter("unit", unitCode).setParameter("year", round.fiscalYear)
                .setParameter("fid", round.frameworkId).setParameter("fv", round.frameworkVersion)
                .setParameter("indicators", write(sheet.indicators())).setParameter("instruments", write(sheet.instruments()))
                .setParameter("sheet", json).setParameter("total", sheet.total()).setParameter("rating", sheet.rating())
                .setParameter("passed", sheet.passed()).setParameter("provisional", sheet.provisional())
                .executeUpdate();
        outbox.add(TOPIC, unitCode, "UnitScoreChanged", unitCode, round.id.toString(), new UnitScoreChanged(
                round.id, unitCode, round.fiscalYear, round.frameworkId, round.frameworkVersion, sheet.total(),
                sheet.rating(), sheet.passed(), sheet.provisional(), sheet.instruments(), sheet.indicators()));
        return sheet;
    }

    /** Recomputes from the stored input events alone: responses in any order (tallies are sums), reviews in the order given. */
    @Transactional
    public ScoreSheet rebuild(AssessmentRound round, String unitCode) {
        lock(round.id, unitCode);
        inputs.clear(round.id, unitCode);
        @SuppressWarnings("unchecked")
        List<Object[]> events = em.createNativeQuery("""
                SELECT topic, CAST(payload AS text) FROM score_input_event
                WHERE round_id = :round AND unit_code = :unit ORDER BY reviewed_at NULLS FIRST, id
                """).setParameter("round", round.id).setParameter("unit", unitCode).getResultList();
        for (Object[] event : events) {
            inputs.apply((String) event[0], round, unitCode, read((String) event[1]));
        }
        return recompute(round, unitCode);
    }

    /** The stored sheet, or null when nothing was computed yet. */
    public JsonNode stored(UUID roundId, String unitCode) {
        @SuppressWarnings("unchecked")
        List<String> stored = em.createNativeQuery(
                        "SELECT CAST(sheet AS text) FROM unit_score WHERE round_id = :round AND unit_code = :unit")
                .setParameter("round", roundId).setParameter("unit", unitCode).getResultList();
        return stored.isEmpty() ? null : read(stored.get(0));
    }

    @SuppressWarnings("unchecked")
    private UnitInputs inputsOf(UUID round, Unit unit) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                SELECT question_code, option_code, answers FROM answer_tally WHERE round_id = :round AND unit_code = :unit
                """).setParameter("round", round).setParameter("unit", unit.code).getResultList()) {
            counts.computeIfAbsent((String) row[0], k -> new LinkedHashMap<>()).put((String) row[1], ((Number) row[2]).longValue());
        }
        Map<String, Long> respondents = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                SELECT instrument, sum(respondents) FROM respondent_tally WHERE round_id = :round AND unit_code = :unit
                GROUP BY instrument
                """).setParameter("round", round).setParameter("unit", unit.code).getResultList()) {
            respondents.put((String) row[0], ((Number) row[1]).longValue());
        }
        Map<String, Boolean> verdicts = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                SELECT item_code, passed FROM oit_verdict WHERE round_id = :round AND unit_code = :unit
                """).setParameter("round", round).setParameter("unit", unit.code).getResultList()) {
            verdicts.put((String) row[0], (Boolean) row[1]);
        }
        return new UnitInputs(counts, respondents, verdicts, unit.staffCount, unit.servicePopulation);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
