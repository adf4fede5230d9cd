package th.go.ita.evidence.access;

import th.go.ita.platform.access.UnitPaths;

import java.time.Instant;

/** An assessment round of the local read model. */
public record RoundRef(String id, String name, int fiscalYear, String frameworkId, int frameworkVersion,
                       String scopeUnitCode, String state, Instant oitDeadline, Instant reviewOpensAt,
                       Instant reviewClosesAt, Instant correctionClosesAt) {

    public boolean covers(UnitRef unit) {
        return UnitPaths.isWithin(unit.path(), scopeUnitCode);
    }
}
