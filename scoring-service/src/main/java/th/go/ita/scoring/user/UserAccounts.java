package th.go.ita.scoring.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import th.go.ita.platform.access.Caller;
import th.go.ita.scoring.access.RoleGrants;
import th.go.ita.scoring.config.ScoringConfig;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.scoring.unit.Unit;
import th.go.ita.scoring.unit.UnitScope;

import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * User accounts of a unit, kept in Keycloak: invite, list, disable, enable again. Every check (unit exists, is in
 * the caller's scope, role may be given) happens before Keycloak is asked to change anything, so a
 * refused request leaves no trace there.
 */
@ApplicationScoped
public class UserAccounts {

    private static final Logger LOG = Logger.getLogger(UserAccounts.class);
    /** No 0/O, 1/l/I: the password is read off a screen and typed on a phone. */
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    UnitScope scope;

    @Inject
    RoleGrants grants;

    @Inject
    Caller caller;

    @Inject
    KeycloakUsers keycloak;

    @Inject
    ScoringConfig config;

    public Invited invite(String unitCode, Invitation invitation) {
        Unit unit = scope.require(unitCode);
        if (!unit.active) {
            throw ProblemException.conflict("unit-inactive", unit.code);
        }
        grants.requireGrantable(invitation.role());

        String username = invitation.username().toLowerCase(Locale.ROOT);
        boolean byEmail = config.keycloakAdmin().invitationEmail();
        String password = byEmail ? null : temporaryPassword();
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(invitation.email().strip());
        user.setFirstName(invitation.firstName().strip());
        user.setLastName(invitation.lastName().strip());
        user.setEnabled(true);
        user.setAttributes(Map.of(Caller.UNIT_CODE_CLAIM, List.of(unit.code)));
        user.setRequiredActions(List.of(UPDATE_PASSWORD));
        if (!byEmail) {
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(true);
            user.setCredentials(List.of(credential));
        }

        // Asked first because Keycloak's 409 does not reliably say which of the two is taken.
        if (!keycloak.call("find " + username, () -> keycloak.users().searchByUsername(username, true)).isEmpty()) {
            throw ProblemException.conflict("user-exists", username);
        }
        if (!keycloak.call("find " + user.getEmail(), () -> keycloak.users().searchByEmail(user.getEmail(), true)).isEmpty()) {
            throw ProblemException.conflict("user-email-exists", user.getEmail());
        }
        String id = keycloak.call("create user " + username, () -> {
            try (Response created = keycloak.users().create(user)) {
                if (created.getStatus() == 409) {
                    // Someone took the name or address in the moment since the checks above.
                    throw ProblemException.conflict("user-exists", username);
                }
                if (created.getStatus() == 400) {
                    LOG.infof("Keycloak refused user %s: %s", username, created.hasEntity() ? created.readEntity(String.class) : "");
                    throw ProblemException.badRequest("user-invalid");
                }
                return CreatedResponseUtil.getCreatedId(created);
            }
        });
        try {
            UserResource created = keycloak.users().get(id);
            RoleRepresentation role = keycloak.call("roles of " + username, () -> created.roles().realmLevel().listAvailable())
                    .stream().filter(r -> r.getName().equals(invitation.role())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Realm role " + invitation.role() + " does not exist"));
            keycloak.run("grant " + role.getName() + " to " + username,
                    () -> created.roles().realmLevel().add(List.of(role)));
            if (byEmail) {
                sendInvitationEmail(created, username);
            }
            LOG.infof("%s invited %s to %s as %s", caller.username(), username, unit.code, role.getName());
            UserRepresentation stored = keycloak.call("read " + username, created::toRepresentation);
            return new Invited(view(id, stored), password, byEmail);
        } catch (RuntimeException e) {
            // A user without their role would be a half invitation: take the user away again.
            keycloak.run("remove half-invited " + username, () -> keycloak.users().get(id).remove());
            throw e;
        }
    }

    private void sendInvitationEmail(UserResource user, String username) {
        keycloak.run("e-mail " + username, () -> {
            try {
                user.executeActionsEmail(null, null, config.keycloakAdmin().invitationEmailLifespan(),
                        List.of(UPDATE_PASSWORD));
            } catch (WebApplicationException e) {
                // Keycloak answers 500 when the realm has no working SMTP: a user nobody can reach is no invitation.
                LOG.warnf("Keycloak could not send the invitation e-mail to %s: HTTP %d", username, e.getResponse().getStatus());
                throw new ProblemException(502, "invitation-email-failed", username);
            }
        });
    }

    /** The roles the caller may give to users of this unit. */
    public Set<String> grantable(String unitCode) {
        scope.require(unitCode);
        return grants.grantable();
    }

    public List<UserView> list(String unitCode) {
        Unit unit = scope.require(unitCode);
        List<UserRepresentation> found = keycloak.call("users of " + unit.code, () -> keycloak.users()
                .searchByAttributes(0, 1000, null, true, false, Caller.UNIT_CODE_CLAIM + ":" + unit.code));
        return found.stream()
                // Exact again here: what "exact" means for attribute queries has changed between Keycloak versions.
                .filter(u -> unit.code.equals(UserView.unitCodeOf(u)))
                .map(u -> view(u.getId(), u))
                .sorted(Comparator.comparing(UserView::username))
                .toList();
    }

    public UserView disable(String unitCode, String userId) {
        return setEnabled(unitCode, userId, false);
    }

    /** Lets a disabled user log in again, with the roles and unit they had; nothing else about them changes. */
    public UserView enable(String unitCode, String userId) {
        return setEnabled(unitCode, userId, true);
    }

    private UserView setEnabled(String unitCode, String userId, boolean enabled) {
        Managed managed = manageable(unitCode, userId);
        String action = enabled ? "enable" : "disable";
        keycloak.run(action + " " + managed.user.getUsername(), () -> {
            managed.user.setEnabled(enabled);
            managed.resource.update(managed.user);
            if (!enabled) {
                // Disabling stops new logins; ending the sessions stops token refreshes too.
                managed.resource.logout();
            }
        });
        LOG.infof("%s %sd %s of %s", caller.username(), action, managed.user.getUsername(), managed.unit.code);
        return UserView.of(managed.user, managed.roles);
    }

    private record Managed(Unit unit, UserResource resource, UserRepresentation user, List<String> roles) {
    }

    /** A user of this unit, in the caller's scope, not the caller, and holding only roles the caller may grant. */
    private Managed manageable(String unitCode, String userId) {
        Unit unit = scope.require(unitCode);
        UserResource resource = keycloak.users().get(userId);
        UserRepresentation user = keycloak.call("read user " + userId, () -> {
            try {
                return resource.toRepresentation();
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 404) {
                    throw ProblemException.notFound("user-not-found", userId, unit.code);
                }
                throw e;
            }
        });
        if (!unit.code.equals(UserView.unitCodeOf(user))) {
            // Said the same way as a missing user: an id from elsewhere tells the caller nothing.
            throw ProblemException.notFound("user-not-found", userId, unit.code);
        }
        if (user.getUsername().equals(caller.username())) {
            throw ProblemException.conflict("user-self");
        }
        List<String> roles = itaRoles(resource);
        Set<String> grantable = grants.grantable();
        for (String role : roles) {
            if (!grantable.contains(role)) {
                throw ProblemException.forbidden("user-not-manageable", user.getUsername(), role);
            }
        }
        return new Managed(unit, resource, user, roles);
    }

    private UserView view(String id, UserRepresentation user) {
        return UserView.of(user, itaRoles(keycloak.users().get(id)));
    }

    private List<String> itaRoles(UserResource user) {
        return keycloak.call("roles of " + user, () -> user.roles().realmLevel().listAll()).stream()
                .map(RoleRepresentation::getName)
                .filter(RoleGrants.INVITABLE::contains)
                .sorted()
                .toList();
    }

    private String temporaryPassword() {
        int length = Math.max(12, config.keycloakAdmin().temporaryPasswordLength());
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
