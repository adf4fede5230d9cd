package th.go.ita.survey.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;
import java.util.TreeSet;

/**
 * The caller as the token describes them: roles, and the unit code that scopes what they may see
 * (their own unit, or for an area-admin the root of their subtree).
 */
@RequestScoped
public class CurrentUser {

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

    /** Null when the token carries no unit: such a user is scoped to nothing. */
    public String unitCode() {
        Object claim = token.getClaim(UNIT_CODE_CLAIM);
        return claim == null ? null : claim.toString().replace("\"", "");
    }
}
