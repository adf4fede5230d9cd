package th.go.ita.scoring.user;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.UsersResource;
import th.go.ita.scoring.config.ScoringConfig;
import th.go.ita.platform.problem.ProblemException;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The users of the managed realm, through Keycloak's Admin REST API. The client is built on first
 * use, not at start-up: scoring works without Keycloak's admin API, and Keycloak may start after
 * this service.
 */
@ApplicationScoped
public class KeycloakUsers {

    private static final Logger LOG = Logger.getLogger(KeycloakUsers.class);

    @Inject
    ScoringConfig config;

    // Read only to find Keycloak when ita.keycloak-admin.server-url is not set.
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> oidcServer;

    private Keycloak keycloak;

    public UsersResource users() {
        return client().realm(config.keycloakAdmin().realm()).users();
    }

    /**
     * Runs one call to Keycloak; when Keycloak cannot be reached or answers with an error nobody
     * expected, the caller gets a 503 problem instead of an internal error (nothing was changed
     * by this service, and trying again later may work).
     */
    public <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (ProblemException e) {
            throw e;
        } catch (ProcessingException | WebApplicationException e) {
            LOG.warnf(e, "Keycloak admin call failed: %s", what);
            throw new ProblemException(503, "user-directory-unavailable");
        }
    }

    /** {@link #call} for an action that answers nothing. */
    public void run(String what, Runnable action) {
        call(what, () -> {
            action.run();
            return null;
        });
    }

    String serverUrl() {
        return config.keycloakAdmin().serverUrl()
                .or(() -> oidcServer.map(url -> url.contains("/realms/") ? url.substring(0, url.indexOf("/realms/")) : url))
                .orElse("http://localhost:8180");
    }

    private synchronized Keycloak client() {
        if (keycloak == null) {
            ScoringConfig.KeycloakAdmin admin = config.keycloakAdmin();
            keycloak = KeycloakBuilder.builder()
                    .serverUrl(serverUrl())
                    .realm(admin.realm())
                    .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                    .clientId(admin.clientId())
                    .clientSecret(admin.clientSecret())
                    .build();
        }
        return keycloak;
    }

    @PreDestroy
    synchronized void close() {
        if (keycloak != null) {
            keycloak.close();
            keycloak = null;
        }
    }
}
