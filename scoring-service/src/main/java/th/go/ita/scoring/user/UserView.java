package th.go.ita.scoring.user;

import org.keycloak.representations.idm.UserRepresentation;
import th.go.ita.platform.access.Caller;

import java.time.Instant;
import java.util.List;

/**
 * A user account as the admin screens show it. {@code pendingActions} lists what the user must
 * still do at login (UPDATE_PASSWORD until a temporary password has been changed).
 */
public record UserView(String id, String username, String email, String firstName, String lastName,
                       String unitCode, List<String> roles, boolean enabled, List<String> pendingActions,
                       Instant createdAt) {

    static UserView of(UserRepresentation user, List<String> roles) {
        return new UserView(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(),
                user.getLastName(), unitCodeOf(user), roles, Boolean.TRUE.equals(user.isEnabled()),
                user.getRequiredActions() == null ? List.of() : List.copyOf(user.getRequiredActions()),
                user.getCreatedTimestamp() == null ? null : Instant.ofEpochMilli(user.getCreatedTimestamp()));
    }

    static String unitCodeOf(UserRepresentation user) {
        if (user.getAttributes() == null) {
            return null;
        }
        List<String> values = user.getAttributes().get(Caller.UNIT_CODE_CLAIM);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
