package th.go.ita.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Settings of scoring-service, under {@code ita.*}. */
@ConfigMapping(prefix = "ita")
public interface ScoringConfig {

    DemoData demoData();

    Pdf pdf();

    KeycloakAdmin keycloakAdmin();

    /** Where the public opens the web app: the score report's QR code points at its result page there. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /**
     * How scoring-service reaches Keycloak's Admin REST API to invite users: a confidential client
     * of the managed realm whose service account holds {@code realm-management} manage-users and
     * view-users. Inviting needs nothing else from Keycloak, so no master-realm admin is used.
     */
    interface KeycloakAdmin {
        /**
         * Keycloak's base address, without {@code /realms/...}. Unset: taken from
         * {@code quarkus.oidc.auth-server-url}, so whoever points token validation at a Keycloak
         * (the launcher, compose) points invitations at the same one.
         */
        Optional<String> serverUrl();

        /** The realm whose users are managed; the client below lives in it too. */
        @WithDefault("ita")
        String realm();

        /** Client id of the service account (client-credentials grant). */
        @WithDefault("ita-scoring-admin")
        String clientId();

        /** Its secret. No default here: application.properties carries the DEMO ONLY one. */
        String clientSecret();

        /**
         * Send Keycloak's "execute actions" e-mail (a link to set a password) instead of handing the
         * inviter a temporary password. Needs SMTP configured on the realm; the local stack has no
         * mail server, so it is off there.
         */
        @WithDefault("false")
        boolean invitationEmail();

        /** How long the link in that e-mail works, in seconds (3 days). */
        @WithDefault("259200")
        int invitationEmailLifespan();

        /** Length of the one-time password handed to the inviter (the user must change it at first login). */
        @WithDefault("16")
        int temporaryPasswordLength();
    }

    interface Pdf {
        /** A Thai TrueType font to embed in PDF reports (Debian package fonts-tlwg-laksaman-ttf). */
        @WithDefault("classpath:fonts/Laksaman.ttf")
        String font();
    }

    interface DemoData {
        /** Load the demo office tree and results at start-up (the local stack turns this on). */
        @WithDefault("false")
        boolean enabled();
    }
}
