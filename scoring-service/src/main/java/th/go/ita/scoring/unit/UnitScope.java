package th.go.ita.scoring.unit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import th.go.ita.platform.access.Caller;
import th.go.ita.platform.problem.ProblemException;

/**
 * Decides whether the caller may see a unit: a system-admin sees all; anyone else sees their own
 * unit and, for an area-admin, everything below it (the platform's rule, {@link Caller#covers}).
 */
@RequestScoped
public class UnitScope {

    @Inject
    Caller user;

    public boolean covers(Unit unit) {
        return user.covers(unit.code, unit.path);
    }

    /** Whether the caller may see the units below this one (which they may see themselves). */
    public boolean coversBelow(Unit unit) {
        return user.isSystemAdmin() || user.isAreaAdminOver(unit.path);
    }

    /** The caller's own unit, or null when the token names none that exists. */
    public Unit own() {
        String own = user.unitCode();
        return own == null ? null : Unit.findById(own);
    }

    public Unit require(String code) {
        Unit unit = Unit.findById(code);
        if (unit == null) {
            throw ProblemException.notFound("unit-not-found", code);
        }
        if (!covers(unit)) {
            throw ProblemException.forbidden("unit-out-of-scope", code);
        }
        return unit;
    }
}
