package th.go.ita.scoring.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import th.go.ita.platform.access.Caller;
import th.go.ita.platform.access.Roles;
import th.go.ita.platform.problem.ProblemException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which realm roles the caller may give to someone else. The unit is checked separately
 * ({@code UnitScope}): this only answers "may this caller hand out this role at all". Keycloak's
 * manage-users permission can grant any role, including system-admin, so this is the only guard.
 */
@RequestScoped
public class RoleGrants {

    /** The roles an invitation may carry, in the order screens offer them. */
    public static final List<String> INVITABLE = List.of(Roles.AREA_ADMIN, Roles.UNIT_ADMIN,
            Roles.EVIDENCE_EDITOR, Roles.ACTIVITY_EDITOR, Roles.AUDITOR, Roles.SYSTEM_ADMIN);

    private static final List<String> UNIT_ADMIN_MAY_GRANT = List.of(Roles.UNIT_ADMIN,
            Roles.EVIDENCE_EDITOR, Roles.ACTIVITY_EDITOR);

    @Inject
    Caller user;

    public Set<String> grantable() {
        Set<String> roles = new LinkedHashSet<>();
        for (String role : INVITABLE) {
            boolean may = user.isSystemAdmin()
                    || (user.hasRole(Roles.AREA_ADMIN) && !Roles.SYSTEM_ADMIN.equals(role))
                    || (user.hasRole(Roles.UNIT_ADMIN) && UNIT_ADMIN_MAY_GRANT.contains(role));
            if (may) {
                roles.add(role);
            }
        }
        return roles;
    }

    public void requireGrantable(String role) {
        Set<String> grantable = grantable();
        if (!grantable.contains(role)) {
            throw ProblemException.forbidden("role-not-grantable", role, String.join(", ", grantable));
        }
    }
}
