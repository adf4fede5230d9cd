package th.go.ita.activity.unit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import th.go.ita.platform.access.Caller;
import th.go.ita.platform.access.Roles;
import th.go.ita.platform.access.UnitPaths;
import th.go.ita.platform.problem.ProblemException;

import java.util.List;

/**
 * Decides what the caller may read and change. A system-admin: everything. Anyone else reads
 * their own unit, an area-admin also everything below it. Only an activity-editor or unit-admin
 * of the unit itself (or a system-admin) changes a unit's plan, mentoring and meetings: an
 * area-admin watches its schools' programmes but does not run them.
 */
@RequestScoped
public class UnitScope {

    @Inject
    Caller caller;

    public boolean canRead(UnitRef unit) {
        return caller.covers(unit);
    }

    public boolean canWrite(String unitCode) {
        return caller.isSystemAdmin()
                || caller.isOwnUnit(unitCode) && caller.hasAnyRole(Roles.ACTIVITY_EDITOR, Roles.UNIT_ADMIN);
    }

    /** The unit, if the caller may read it: 404 when unknown, 403 when outside their scope. */
    public UnitRef requireRead(String code) {
        return caller.requireCovered(code, UnitRef.findById(code));
    }

    public UnitRef requireWrite(String code) {
        UnitRef unit = requireRead(code);
        if (!canWrite(code)) {
            throw ProblemException.forbidden("unit-read-only", code);
        }
        return unit;
    }

    /**
     * For things reached by their id (an activity, a meeting): one the caller may not read answers
     * 404 as if it did not exist, so ids of other offices' records reveal nothing.
     */
    public void requireReadOfRecord(String unitCode, String notFoundCode, Object id) {
        UnitRef unit = UnitRef.findById(unitCode);
        if (unit == null || !canRead(unit)) {
            throw ProblemException.notFound(notFoundCode, id);
        }
    }

    public void requireWriteOfRecord(String unitCode, String notFoundCode, Object id) {
        requireReadOfRecord(unitCode, notFoundCode, id);
        if (!canWrite(unitCode)) {
            throw ProblemException.forbidden("unit-read-only", unitCode);
        }
    }

    /** The unit and every unit below it. */
    public static List<UnitRef> subtree(UnitRef root) {
        return UnitRef.list("path like ?1 escape '!' order by path", UnitPaths.subtreePattern(root.path));
    }
}
