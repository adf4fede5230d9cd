package th.go.ita.scoring.unit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import th.go.ita.platform.access.Caller;

/**
 * Which of scoring's units the caller may see, by the platform's one rule ({@link Caller#covers}):
 * a system-admin all, anyone else their own unit, an area-admin also everything below it.
 */
@RequestScoped
public class UnitScope {

    @Inject
    Caller user;

    public boolean covers(Unit unit) {
        return user.covers(unit);
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

    /** The unit, if the caller may see it: 404 when unknown, 403 outside their scope. */
    public Unit require(String code) {
        return user.requireCovered(code, Unit.findById(code));
    }
}
