package th.go.ita.platform.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import th.go.ita.platform.problem.ProblemException;

import java.util.Set;
import java.util.TreeSet;

/**
 * The caller as the token describes them: roles, and the unit code that scopes what they may see
 * (their own unit, or for an area-admin the root of their subtree), with the one scope rule every
 * service applies to a unit's path.
 */
@RequestScoped
public class Caller {

    public static final String UNIT_CODE_CLAIM = "unit_code";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public String username() {
        String preferred = token.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean isSystemAdmin() {
        return hasRole(Roles.SYSTEM_ADMIN);
    }

    /** Null when the token carries no unit: such a user is scoped to nothing. */
    public String unitCode() {
        return unitCodeOf(token.getClaim(UNIT_CODE_CLAIM));
    }

    /** The caller's own unit is this one. */
    public boolean isOwnUnit(String unitCode) {
        String own = unitCode();
        return own != null && own.equals(unitCode);
    }

    /** An area-admin whose subtree holds the unit at {@code unitPath} (their own unit included). */
    public boolean isAreaAdminOver(String unitPath) {
        String own = unitCode();
        return own != null && hasRole(Roles.AREA_ADMIN) && UnitPaths.isWithin(unitPath, own);
    }

    /**
     * The rule for reading a unit's data: a system-admin everywhere, anyone in their own unit, an
     * area-admin in their whole subtree.
     */
    public boolean covers(String unitCode, String unitPath) {
        return isSystemAdmin() || isOwnUnit(unitCode) || isAreaAdminOver(unitPath);
    }

    public boolean covers(ScopedUnit unit) {
        return covers(unit.code(), unit.path());
    }

    /**
     * The unit looked up by {@code code}, if the caller may read it: {@code unit-not-found} (404)
     * when there is none, {@code unit-out-of-scope} (403) when it lies outside the caller's scope.
     */
    public <U extends ScopedUnit> U requireCovered(String code, U unit) {
        if (unit == null) {
            throw ProblemException.notFound("unit-not-found", code);
        }
        if (!covers(unit)) {
            throw ProblemException.forbidden("unit-out-of-scope", code);
        }
        return unit;
    }

    /**
     * A claim arrives as a JSON string from a real token and as a plain string from test identities;
     * its text is the code either way (no quotes, no surrounding blanks).
     */
    static String unitCodeOf(Object claim) {
        String text;
        if (claim == null) {
            return null;
        } else if (claim instanceof JsonString json) {
            text = json.getString();
        } else if (claim instanceof String s) {
            text = s;
        } else {
            return null;
        }
        text = text.strip();
        return text.isEmpty() ? null : text;
    }
}
