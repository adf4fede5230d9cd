package th.go.ita.survey.code;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.survey.config.SurveyConfig;
import th.go.ita.survey.questionnaire.SurveyTarget;
import th.go.ita.survey.secret.KeyedHash;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Generates, counts, voids and spends IIT access codes. */
@ApplicationScoped
public class AccessCodeService {

    static final String PURPOSE = "access-code";
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    @Inject
    EntityManager em;

    @Inject
    KeyedHash keyedHash;

    @Inject
    SurveyConfig config;

    @Inject
    UsedMarkBlender blender;

    @Transactional
    public CodeBatch generate(SurveyTarget target, Integer requested, String createdBy) {
        if (!"DRAFT".equals(target.round().state) && !"OPEN".equals(target.round().state)) {
            throw ProblemException.conflict("round-not-collecting");
        }
        int count = requested != null ? requested : target.unit().staffCount;
        if (count < 1) {
            throw ProblemException.badRequest("code-count-needed", target.unit().code);
        }
        if (count > config.codes().maxPerBatch()) {
            throw ProblemException.badRequest("code-count-too-large", config.codes().maxPerBatch());
        }
        UUID batchId = UUID.randomUUID();
        LocalDate today = LocalDate.now(BANGKOK);
        em.createNativeQuery("""
                INSERT INTO access_code_batch (id, round_id, unit_code, size, created_on, created_by)
                VALUES (:id, :round, :unit, :size, :today, :by)
                """)
                .setParameter("id", batchId)
                .setParameter("round", target.round().id)
                .setParameter("unit", target.unit().code)
                .setParameter("size", count)
                .setParameter("today", today)
                .setParameter("by", createdBy)
                .executeUpdate();
        List<String> codes = new ArrayList<>(count);
        Set<String> seen = new HashSet<>();
        while (codes.size() < count) {
            String code = CodeAlphabet.newCode();
            if (seen.add(code)) {
                codes.add(code);
            }
        }
        em.unwrap(Session.class).doWork(connection -> {
            // A clash with an older code (odds about 2^-50 each) would fail the whole batch, which the
            // caller simply retries; the clear code is never logged either way.
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO access_code (code_hash, batch_id, round_id, unit_code) VALUES (?, ?, ?, ?)")) {
                for (String code : codes) {
                    insert.setBytes(1, hashOf(CodeAlphabet.normalise(code)));
                    insert.setObject(2, batchId);
                    insert.setString(3, target.round().id);
                    insert.setString(4, target.unit().code);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        return new CodeBatch(batchId, target.round().id, target.unit().code, today, codes,
                surveyUrl(target.round().id, target.unit().code));
    }

    public String surveyUrl(String roundId, String unitCode) {
        return config.publicBaseUrl() + "/s/" + roundId + "/" + unitCode + "/iit";
    }

    @Transactional
    public CodeSummary summary(SurveyTarget target) {
        Object[] totals = (Object[]) em.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE used), count(*) FILTER (WHERE void),
                       count(*) FILTER (WHERE NOT used AND NOT void)
                FROM access_code WHERE round_id = :round AND unit_code = :unit
                """)
                .setParameter("round", target.round().id)
                .setParameter("unit", target.unit().code)
                .getSingleResult();
        List<?> rows = em.createNativeQuery("""
                SELECT b.id, b.created_on, b.created_by, b.size,
                       (SELECT count(*) FROM access_code c WHERE c.batch_id = b.id AND c.void)
                FROM access_code_batch b WHERE b.round_id = :round AND b.unit_code = :unit
                ORDER BY b.created_on, b.created_by, b.id
                """)
                .setParameter("round", target.round().id)
                .setParameter("unit", target.unit().code)
                .getResultList();
        List<CodeSummary.Batch> batches = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            batches.add(new CodeSummary.Batch((UUID) r[0], toDate(r[1]), (String) r[2], ((Number) r[3]).intValue(),
                    ((Number) r[4]).longValue()));
        }
        return new CodeSummary(target.round().id, target.unit().code, target.unit().staffCount,
                n(totals[0]), n(totals[1]), n(totals[2]), n(totals[3]), batches);
    }

    /** @return how many codes were voided now (used or already void ones are left as they are) */
    @Transactional
    public int voidCodes(SurveyTarget target, VoidCodesRequest request) {
        boolean hasCodes = request.codes() != null && !request.codes().isEmpty();
        if (hasCodes == (request.batchId() != null)) {
            throw ProblemException.badRequest("void-what");
        }
        if (!hasCodes) {
            return em.createNativeQuery("""
                    UPDATE access_code SET void = TRUE
                    WHERE batch_id = :batch AND round_id = :round AND unit_code = :unit AND NOT used AND NOT void
                    """)
                    .setParameter("batch", request.batchId())
                    .setParameter("round", target.round().id)
                    .setParameter("unit", target.unit().code)
                    .executeUpdate();
        }
        int voided = 0;
        for (String typed : request.codes()) {
            String code = CodeAlphabet.normalise(typed);
            if (code == null) {
                throw ProblemException.badRequest("code-malformed");
            }
            voided += em.createNativeQuery("""
                    UPDATE access_code SET void = TRUE
                    WHERE code_hash = :hash AND round_id = :round AND unit_code = :unit AND NOT used AND NOT void
                    """)
                    .setParameter("hash", hashOf(code))
                    .setParameter("round", target.round().id)
                    .setParameter("unit", target.unit().code)
                    .executeUpdate();
        }
        return voided;
    }

    /**
     * Spends a code for one response, in the caller's transaction (the response's). Only the bare
     * "used" flag changes: no time, no reference to the response.
     */
    public void spend(String roundId, String unitCode, String typed) {
        if (typed == null || typed.isBlank()) {
            throw ProblemException.badRequest("code-required");
        }
        String code = CodeAlphabet.normalise(typed);
        if (code == null) {
            throw ProblemException.notFound("code-unknown");
        }
        byte[] hash = hashOf(code);
        int spent = em.createNativeQuery("""
                UPDATE access_code SET used = TRUE
                WHERE code_hash = :hash AND round_id = :round AND unit_code = :unit AND NOT used AND NOT void
                """)
                .setParameter("hash", hash)
                .setParameter("round", roundId)
                .setParameter("unit", unitCode)
                .executeUpdate();
        if (spent == 1) {
            blender.spentIn(roundId, unitCode);
            return;
        }
        List<?> found = em.createNativeQuery("SELECT round_id, unit_code, used, void FROM access_code WHERE code_hash = :hash")
                .setParameter("hash", hash)
                .getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("code-unknown");
        }
        Object[] row = (Object[]) found.get(0);
        if (!roundId.equals(row[0]) || !unitCode.equals(row[1])) {
            throw ProblemException.conflict("code-other-survey");
        }
        if (Boolean.TRUE.equals(row[3])) {
            throw new ProblemException(410, "code-void");
        }
        throw ProblemException.conflict("code-used");
    }

    /**
     * Whether {@code typed} would be accepted by {@link #spend} now, without spending it or writing
     * anything. Unknown, used, void, another survey's and mistyped codes are all just "not usable",
     * so the check tells no one whether a code exists but was used.
     */
    @Transactional
    public boolean usable(String roundId, String unitCode, String typed) {
        String code = CodeAlphabet.normalise(typed);
        if (code == null) {
            return false;
        }
        Number found = (Number) em.createNativeQuery("""
                SELECT count(*) FROM access_code
                WHERE code_hash = :hash AND round_id = :round AND unit_code = :unit AND NOT used AND NOT void
                """)
                .setParameter("hash", hashOf(code))
                .setParameter("round", roundId)
                .setParameter("unit", unitCode)
                .getSingleResult();
        return found.longValue() == 1;
    }

    byte[] hashOf(String normalisedCode) {
        return keyedHash.hash(PURPOSE, normalisedCode);
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
