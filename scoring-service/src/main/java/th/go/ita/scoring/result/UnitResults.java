package th.go.ita.scoring.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import th.go.ita.scoring.framework.Framework;
import th.go.ita.scoring.framework.FrameworkService;
import th.go.ita.scoring.official.OfficialResultView;
import th.go.ita.scoring.official.OfficialResults;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The score of unit U for fiscal year Y: the one rule every surface (public result and report, history,
 * dashboards and their exports, activity-service's PDCA loop through {@code scores.changed}) follows.
 * <ol>
 *   <li>An official result (entered or imported) wins over anything computed.</li>
 *   <li>Else the computed sheet of a PUBLISHED round, but only a complete one (every sample met, every
 *       OIT item with a final verdict): a published round whose sheet still lacks survey data has no
 *       score, it is never published as one (the demo's FY2566 round has OIT verdicts only: 40.00 F).</li>
 *   <li>Else, for staff screens only, the sheet of a round still running (OPEN or CLOSED, not yet
 *       published), always marked {@link Status#PROVISIONAL}; a public surface never shows it.</li>
 * </ol>
 * The SQL of rules 2 and 3 ({@link #SHEET_CANDIDATE}, {@link #SHEET_ORDER}) is here too; the function
 * {@code ita_refresh_unit_result} of migration V9_5, which keeps the dashboards' {@code unit_result_current},
 * spells out the same two fragments: a change of the rule needs a migration replacing that function too.
 */
@ApplicationScoped
public class UnitResults {

    /** Where a result comes from; {@code PROVISIONAL} is never public. */
    public enum Status {
        OFFICIAL, COMPUTED, PROVISIONAL
    }

    public record Result(String unitCode, int fiscalYear, Status status, String source, UUID roundId,
                         String frameworkId, Integer frameworkVersion, Map<String, BigDecimal> indicators,
                         Map<String, BigDecimal> instruments, BigDecimal total, String rating,
                         Map<String, String> ratingLabel, boolean passed) {
        public boolean official() {
            return status == Status.OFFICIAL;
        }

        public boolean provisional() {
            return status == Status.PROVISIONAL;
        }
    }

    /**
     * The computed sheets (alias {@code x}, joined to their round as {@code r}) that may stand for a unit's
     * year: a published round's complete sheet, or any sheet of a round not yet published.
     */
    public static final String SHEET_CANDIDATE =
            "((r.state = 'PUBLISHED' AND NOT x.provisional) OR r.state IN ('OPEN', 'CLOSED'))";

    /** Best candidate first: published before running, then the latest round and computation. */
    public static final String SHEET_ORDER = "(r.state = 'PUBLISHED') DESC, r.updated_at DESC, x.computed_at DESC";

    /** The label of a result's status, as every PDF and export prints it. */
    public static String thai(Status status) {
        return switch (status) {
            case OFFICIAL -> "ผลอย่างเป็นทางการ";
            case COMPUTED -> "ผลที่ระบบคำนวณจากรอบการประเมินที่ประกาศผลแล้ว";
            case PROVISIONAL -> "ผลเบื้องต้น (รอบการประเมินยังไม่ประกาศผล)";
        };
    }

    @Inject
    EntityManager em;

    @Inject
    OfficialResults official;

    @Inject
    FrameworkService frameworks;

    /** What the public may see: official, else a published round's complete sheet. */
    public Optional<Result> published(String unitCode, int fiscalYear) {
        return of(unitCode, fiscalYear).filter(r -> !r.provisional());
    }

    /** What staff see: as {@link #published}, else the running round's sheet, marked provisional. */
    public Optional<Result> of(String unitCode, int fiscalYear) {
        List<OfficialResultView> results = official.of(unitCode, fiscalYear);
        if (!results.isEmpty()) {
            OfficialResultView r = results.get(0);
            Framework framework = r.frameworkId() == null ? null : frameworks.framework(r.frameworkId(), r.frameworkVersion());
            return Optional.of(new Result(unitCode, fiscalYear, Status.OFFICIAL, r.source(), null, r.frameworkId(),
                    r.frameworkVersion(), r.indicators(), r.instruments(), r.total(), r.rating(),
                    official.label(framework, r.rating()), r.passed()));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT x.round_id, r.state, x.framework_id, x.framework_version,"
                        + " CAST(x.indicators AS text), CAST(x.instruments AS text), x.total, x.rating, x.passed"
                        + " FROM unit_score x JOIN assessment_round r ON r.id = x.round_id"
                        + " WHERE x.unit_code = :unit AND x.fiscal_year = :year AND " + SHEET_CANDIDATE
                        + " ORDER BY " + SHEET_ORDER + " LIMIT 1")
                .setParameter("unit", unitCode).setParameter("year", fiscalYear).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        String fid = (String) r[2];
        int fv = ((Number) r[3]).intValue();
        Status status = "PUBLISHED".equals(r[1]) ? Status.COMPUTED : Status.PROVISIONAL;
        return Optional.of(new Result(unitCode, fiscalYear, status, null, (UUID) r[0], fid, fv,
                official.figures((String) r[4]), official.figures((String) r[5]), (BigDecimal) r[6], (String) r[7],
                official.label(frameworks.framework(fid, fv), (String) r[7]), (Boolean) r[8]));
    }

    /** The fiscal years for which the unit has a result the public may see, oldest first. */
    @SuppressWarnings("unchecked")
    public TreeSet<Integer> publishedYears(String unitCode) {
        List<Number> rows = em.createNativeQuery("""
                SELECT fiscal_year FROM official_result WHERE unit_code = :unit
                UNION
                SELECT x.fiscal_year FROM unit_score x JOIN assessment_round r ON r.id = x.round_id
                WHERE x.unit_code = :unit AND r.state = 'PUBLISHED' AND NOT x.provisional
                """).setParameter("unit", unitCode).getResultList();
        TreeSet<Integer> years = new TreeSet<>();
        rows.forEach(n -> years.add(n.intValue()));
        return years;
    }
}
