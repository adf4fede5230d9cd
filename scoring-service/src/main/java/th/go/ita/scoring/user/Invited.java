package th.go.ita.scoring.user;

/**
 * The answer to an invitation. The temporary password is shown this once and stored nowhere by
 * this service; Keycloak makes the user replace it at first login.
 */
public record Invited(UserView user, String temporaryPassword) {
}
