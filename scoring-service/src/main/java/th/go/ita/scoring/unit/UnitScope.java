package th.go.ita.scoring.unit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import th.go.ita.scoring.access.CurrentUser;
import th.go.ita.scoring.access.Roles;
import th.go.ita.scoring.problem.ProblemException;

/**
 * Decides whether the caller may see a unit: a system-admin sees all; anyone else sees their own
 * unit and, for an area-admin, everything below it.
 */
@RequestScoped
public class UnitScope {

    @Inject
    CurrentUser user;

    public boolean covers(Unit unit) {
        if (user.hasRole(Roles.SYSTEM_ADMIN)) {
            return true;
        }
        String own = user.unitCode();
        if (own == null) {
            return false;
        }
        if (own.equals(unit.code)) {
            return true;
        }
        if (!user.hasRole(Roles.AREA_ADMIN)) {
            return false;
        }
        return unit.path.contains("/" + own + "/");
    }

    /** Whether the caller may see the units below this one (which they may see themselves). */
    public boolean coversBelow(Unit unit) {
        if (user.hasRole(Roles.SYSTEM_ADMIN)) {
            return true;
        }
        String own = user.unitCode();
        return own != null && user.hasRole(Roles.AREA_ADMIN)
                && (own.equals(unit.code) || unit.path.contains("/" + own + "/"));
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
