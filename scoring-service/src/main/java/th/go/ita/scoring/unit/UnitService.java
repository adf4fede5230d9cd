package th.go.ita.scoring.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import th.go.ita.platform.access.Caller;
import th.go.ita.platform.access.UnitPaths;
import th.go.ita.platform.problem.ProblemException;

import java.util.List;

/**
 * Changes to the office tree. A system-admin may change anything; an area-admin only units below
 * their own (never their own unit's place in the tree, nor anything outside it). Every change is
 * announced on {@code ita.units}.
 */
@ApplicationScoped
public class UnitService {

    @Inject
    UnitScope scope;

    @Inject
    Caller user;

    @Inject
    UnitEvents events;

    @Inject
    EntityManager em;

    @Transactional
    public Unit create(UnitRequest r) {
        if (Unit.findById(r.code()) != null) {
            throw ProblemException.conflict("unit-exists", r.code());
        }
        Unit parent = null;
        if (r.parentCode() == null || r.parentCode().isBlank()) {
            if (!user.isSystemAdmin()) {
                throw ProblemException.forbidden("forbidden");
            }
        } else {
            parent = requireBelowOwn(r.parentCode(), true);
        }
        Unit unit = new Unit();
        unit.code = r.code();
        unit.parentCode = parent == null ? null : parent.code;
        unit.path = Unit.childPath(parent == null ? null : parent.path, r.code());
        fill(unit, r);
        unit.persist();
        events.upserted(unit);
        return unit;
    }

    @Transactional
    public Unit update(String code, UnitRequest r) {
        Unit unit = scope.require(code);
        fill(unit, r);
        events.upserted(unit);
        return unit;
    }

    @Transactional
    public Unit setActive(String code, boolean active) {
        Unit unit = requireBelowOwn(code, false);
        unit.active = active;
        events.upserted(unit);
        return unit;
    }

    /** Moves a unit and its whole subtree under a new parent; every moved unit is announced with its new path. */
    @Transactional
    public Unit move(String code, String newParentCode) {
        Unit unit = requireBelowOwn(code, false);
        Unit parent = requireBelowOwn(newParentCode, true);
        if (parent.isWithin(unit)) {
            throw ProblemException.badRequest("unit-move-cycle", code, newParentCode);
        }
        String oldPath = unit.path;
        String newPath = Unit.childPath(parent.path, unit.code);
        em.flush();
        em.createNativeQuery("""
                UPDATE unit SET path = :newPath || substr(path, length(:oldPath) + 1), updated_at = now()
                WHERE path LIKE :subtree ESCAPE '!'
                """).setParameter("newPath", newPath).setParameter("oldPath", oldPath)
                .setParameter("subtree", UnitPaths.subtreePattern(oldPath)).executeUpdate();
        em.createNativeQuery("UPDATE unit SET parent_code = :parent WHERE code = :code")
                .setParameter("parent", parent.code).setParameter("code", code).executeUpdate();
        em.clear();
        List<Unit> moved = Unit.list("path like ?1 escape '!' order by path", UnitPaths.subtreePattern(newPath));
        moved.forEach(events::upserted);
        return Unit.findById(code);
    }

    /** A unit the caller may change: a system-admin any; an area-admin one strictly below their own (or their own as a parent). */
    Unit requireBelowOwn(String code, boolean ownAllowed) {
        Unit unit = Unit.findById(code);
        if (unit == null) {
            throw ProblemException.notFound("unit-not-found", code);
        }
        if (user.isSystemAdmin()) {
            return unit;
        }
        if (!user.isAreaAdminOver(unit.path) || (!ownAllowed && user.isOwnUnit(unit.code))) {
            throw ProblemException.forbidden("unit-out-of-scope", code);
        }
        return unit;
    }

    private static void fill(Unit unit, UnitRequest r) {
        unit.type = r.type();
        unit.nameTh = r.nameTh().strip();
        unit.nameEn = r.nameEn() == null || r.nameEn().isBlank() ? null : r.nameEn().strip();
        unit.staffCount = r.staffCount();
        unit.servicePopulation = r.servicePopulation();
    }
}
