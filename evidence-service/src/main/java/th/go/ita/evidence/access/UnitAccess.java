package th.go.ita.evidence.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import th.go.ita.platform.access.Caller;
import th.go.ita.platform.access.Roles;
import th.go.ita.platform.problem.ProblemException;

import java.util.function.Predicate;

/**
 * Who may do what to a unit's OIT evidence. Staff act on their own unit only; an area-admin reads
 * their whole subtree; an auditor reads and reviews the units assigned to them; a system-admin
 * reads everything. Unknown units are 404, units out of scope 403. The subtree rule itself is the
 * platform's ({@link Caller}); what is evidence's own is which role may do what.
 */
@RequestScoped
public class UnitAccess {

    @Inject
    Caller user;

    @Inject
    Directory directory;

    @Inject
    EntityManager em;

    public boolean isAssignedAuditor(String unitCode) {
        if (!user.hasRole(Roles.AUDITOR)) {
            return false;
        }
        return !em.createNativeQuery("SELECT 1 FROM auditor_assignment WHERE auditor = :a AND unit_code = :u")
                .setParameter("a", user.username()).setParameter("u", unitCode).getResultList().isEmpty();
    }

    private boolean isStaff(UnitRef unit) {
        return user.isOwnUnit(unit.code()) && user.hasAnyRole(Roles.EVIDENCE_EDITOR, Roles.UNIT_ADMIN);
    }

    /** Reading the checklist and evidence. */
    public UnitRef read(String unitCode) {
        return allow(unitCode, unit -> user.isSystemAdmin() || isStaff(unit) || user.isAreaAdminOver(unit.path())
                || isAssignedAuditor(unitCode));
    }

    /** Adding, withdrawing and submitting evidence: the unit's own editors. */
    public UnitRef edit(String unitCode) {
        return allow(unitCode, this::isStaff);
    }

    /** Passing or failing items: an auditor assigned to the unit. */
    public UnitRef review(String unitCode) {
        UnitRef unit = directory.unit(unitCode);
        if (isAssignedAuditor(unitCode)) {
            return unit;
        }
        throw ProblemException.forbidden("auditor-not-assigned", unitCode);
    }

    /** The audit trail: unit-admin of the unit, area-admin above it, assigned auditor, system-admin. */
    public UnitRef auditTrail(String unitCode) {
        return allow(unitCode, unit -> user.isSystemAdmin()
                || (user.isOwnUnit(unit.code()) && user.hasRole(Roles.UNIT_ADMIN))
                || user.isAreaAdminOver(unit.path()) || isAssignedAuditor(unitCode));
    }

    /** Assigning auditors: area-admin within their subtree, or system-admin. */
    public UnitRef manageAuditors(String unitCode) {
        return allow(unitCode, unit -> user.isSystemAdmin() || user.isAreaAdminOver(unit.path()));
    }

    /** The ZIP export: the unit's own staff, or a system-admin. */
    public UnitRef export(String unitCode) {
        return allow(unitCode, unit -> user.isSystemAdmin() || isStaff(unit));
    }

    /** The unit when {@code rule} lets the caller at it: 404 when unknown, 403 (out of scope) when not. */
    private UnitRef allow(String unitCode, Predicate<UnitRef> rule) {
        UnitRef unit = directory.unit(unitCode);
        if (rule.test(unit)) {
            return unit;
        }
        throw ProblemException.forbidden("unit-out-of-scope", unitCode);
    }

    public String username() {
        return user.username();
    }
}
