package th.go.ita.evidence.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import th.go.ita.platform.problem.ProblemException;

import java.util.List;
import java.util.Optional;

import static th.go.ita.evidence.access.Rows.instant;
import static th.go.ita.evidence.access.Rows.integer;
import static th.go.ita.evidence.access.Rows.str;

/** Looks up units and rounds in the read models, answering 404 problems for unknown codes. */
@ApplicationScoped
public class Directory {

    @Inject
    EntityManager em;

    public Optional<UnitRef> findUnit(String code) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(
                        "SELECT code, path, name_th, name_en, demo FROM unit WHERE code = :code", Tuple.class)
                .setParameter("code", code).getResultList();
        return rows.stream().findFirst().map(Directory::unit);
    }

    public UnitRef unit(String code) {
        return findUnit(code).orElseThrow(() -> ProblemException.notFound("unit-not-found", code));
    }

    static UnitRef unit(Tuple t) {
        return new UnitRef(str(t, "code"), str(t, "path"), str(t, "name_th"), str(t, "name_en"), Rows.bool(t, "demo"));
    }

    public RoundRef round(String roundId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("SELECT * FROM assessment_round WHERE id = :id", Tuple.class)
                .setParameter("id", roundId).getResultList();
        return rows.stream().findFirst().map(Directory::round)
                .orElseThrow(() -> ProblemException.notFound("round-not-found", roundId));
    }

    /** The round in which {@code unit} takes part: 404 when the round does not cover it. */
    public RoundRef roundOf(UnitRef unit, String roundId) {
        RoundRef round = round(roundId);
        if (!round.covers(unit)) {
            throw ProblemException.notFound("round-not-for-unit", roundId, unit.code());
        }
        return round;
    }

    // "The round's scope lies on the unit's path" is UnitPaths.isWithin: an exact substring test
    // (strpos), not LIKE, since the code comes from a column here and may hold '_' or '%'.

    /**
     * The round of a fiscal year that covers the unit, if any: the nearest scope wins, and of two
     * rounds with the same scope the one updated last (the first of equals is the one max keeps).
     */
    public Optional<RoundRef> roundForYear(UnitRef unit, int fiscalYear) {
        return roundsCovering(unit).stream().filter(r -> r.fiscalYear() == fiscalYear)
                .max((a, b) -> Integer.compare(depth(unit, a), depth(unit, b)));
    }

    /** The round of a fiscal year that covers the unit: 404 when the unit took no part that year. */
    public RoundRef requireRoundForYear(UnitRef unit, int fiscalYear) {
        return roundForYear(unit, fiscalYear).orElseThrow(
                () -> ProblemException.notFound("year-not-found", unit.code(), String.valueOf(fiscalYear)));
    }

    /** Rounds that cover the unit, newest fiscal year first (drafts are scoring's business). */
    public List<RoundRef> roundsCovering(UnitRef unit) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        SELECT r.* FROM assessment_round r
                        WHERE r.state <> 'DRAFT'
                          AND strpos(:path, '/' || r.scope_unit_code || '/') > 0
                        ORDER BY r.fiscal_year DESC, r.updated_at DESC""", Tuple.class)
                .setParameter("path", unit.path()).getResultList();
        return rows.stream().map(Directory::round).filter(r -> r.covers(unit)).toList();
    }

    private static int depth(UnitRef unit, RoundRef round) {
        return unit.path().indexOf("/" + round.scopeUnitCode() + "/");
    }

    static RoundRef round(Tuple t) {
        return new RoundRef(str(t, "id"), str(t, "name"), integer(t, "fiscal_year"), str(t, "framework_id"),
                integer(t, "framework_version"), str(t, "scope_unit_code"), str(t, "state"),
                instant(t, "oit_deadline"), instant(t, "review_opens_at"), instant(t, "review_closes_at"),
                instant(t, "correction_closes_at"));
    }
}
