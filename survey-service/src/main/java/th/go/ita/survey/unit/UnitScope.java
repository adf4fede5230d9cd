package th.go.ita.survey.unit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import th.go.ita.survey.access.CurrentUser;
import th.go.ita.survey.access.Roles;
import th.go.ita.survey.problem.ProblemException;

/**
 * Decides whether the caller may act for a unit: a system-admin for all; anyone else for their own
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
        return user.hasRole(Roles.AREA_ADMIN) && unit.isWithin(own);
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
