package th.go.ita.scoring.user;

/**
 * The answer to an invitation. Either the temporary password, shown this once and stored nowhere
 * by this service (Keycloak makes the user replace it at first login), or, when invitations go by
 * e-mail, none: {@code emailSent} says the user got a link to set their own.
 */
public record Invited(UserView user, String temporaryPassword, boolean emailSent) {
}
