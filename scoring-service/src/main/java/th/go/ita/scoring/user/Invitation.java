package th.go.ita.scoring.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Whom to invite. All four personal fields are required because the realm's user profile requires
 * them: without one, the new user would meet an "update your profile" page at first login.
 */
public record Invitation(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{2,59}") String username,
        @NotBlank @Email @Size(max = 255) String email,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Pattern(regexp = "system-admin|area-admin|unit-admin|evidence-editor|activity-editor|auditor") String role) {
}
