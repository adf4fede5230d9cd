package th.go.ita.evidence.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import th.go.ita.evidence.problem.ProblemException;

/**
 * Who may do what to a unit's OIT evidence. Staff act on their own unit only; an area-admin reads
 * their whole subtree; an auditor reads and reviews the units assigned to them; a system-admin
 * reads everything. Unknown units are 404, units out of scope 403.
 */
@RequestScoped
public class UnitAccess {

    @Inject
    CurrentUser user;

    @Inject
    Directory directory;

    @Inject
    EntityManager em;

    private boolean ownUnit(UnitRef unit) {
        return unit.code().equals(user.unitCode());
    }

    private boolean inAreaSubtree(UnitRef unit) {
        return user.hasRole(Roles.AREA_ADMIN) && user.unitCode() != null && unit.isWithin(user.unitCode());
    }

    public boolean isAssignedAuditor(String unitCode) {
        if (!user.hasRole(Roles.AUDITOR)) {
            return false;
        }
        return !em.createNativeQuery("SELECT 1 FROM auditor_assignment WHERE auditor = :a AND unit_code = :u")
                .setParameter("a", user.username()).setParameter("u", unitCode).getResultList().isEmpty();
    }

    private boolean isStaff(UnitRef unit) {
        return ownUnit(unit) && (user.hasRole(Roles.EVIDENCE_EDITOR) || user.hasRole(Roles.UNIT_ADMIN));
    }

    /** Reading the checklist and evidence. */
    public UnitRef read(String unitCode) {
        UnitRef unit = directory.unit(unitCode);
        if (user.hasRole(Roles.SYSTEM_ADMIN) || isStaff(unit) || inAreaSubtree(unit) || isAssignedAuditor(unitCode)) {
            return unit;
        }
        throw ProblemException.forbidden("unit-out-of-scope", unitCode);
    }

    /** Adding, withdrawing and submitting evidence: the unit's own editors. */
    public UnitRef edit(String unitCode) {
        UnitRef unit = directory.unit(unitCode);
        if (isStaff(unit)) {
            return unit;
        }
        throw ProblemException.forbidden("unit-out-of-scope", unitCode);
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
        UnitRef unit = directory.unit(unitCode);
        if (user.hasRole(Roles.SYSTEM_ADMIN) || (ownUnit(unit) && user.hasRole(Roles.UNIT_ADMIN))
                || inAreaSubtree(unit) || isAssignedAuditor(unitCode)) {
            return unit;
        }
        throw ProblemException.forbidden("unit-out-of-scope", unitCode);
    }

    /** Assigning auditors: area-admin within their subtree, or system-admin. */
    public UnitRef manageAuditors(String unitCode) {
        UnitRef unit = directory.unit(unitCode);
        if (user.hasRole(Roles.SYSTEM_ADMIN) || inAreaSubtree(unit)) {
            return unit;
        }
        throw ProblemException.forbidden("unit-out-of-scope", unitCode);
    }

    /** The ZIP export: the unit's own staff, or a system-admin. */
    public UnitRef export(String unitCode) {
        UnitRef unit = directory.unit(unitCode);
        if (user.hasRole(Roles.SYSTEM_ADMIN) || isStaff(unit)) {
            return unit;
        }
        throw ProblemException.forbidden("unit-out-of-scope", unitCode);
    }

    public String username() {
        return user.username();
    }
}
