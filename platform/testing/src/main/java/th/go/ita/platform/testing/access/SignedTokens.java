package th.go.ita.platform.testing.access;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import org.eclipse.microprofile.config.ConfigProvider;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real bearer tokens in module tests, shaped as the ITA realm's (roles in {@code realm_access},
 * {@code unit_code}, the service's client in {@code aud}) and signed with a key made for this test
 * JVM, which the service is told to trust ({@code quarkus.oidc.public-key}). Unlike Quarkus' test
 * security, which hands the service an identity, these go through the service's own token checks, so
 * an expired token and a token for another audience can be tried too.
 *
 * <p>Declare it once in a service's tests ({@code @QuarkusTestResource(SignedTokens.class)}); it is
 * global, so the module still boots once. Identities set with {@code @TestSecurity} are unaffected.
 */
public class SignedTokens implements QuarkusTestResourceLifecycleManager {

    // The key lives in system properties, not a static field: the test resource and the test run
    // in different class loaders.
    private static final String PRIVATE_KEY = "test-tokens.private-key";
    private static final String PUBLIC_KEY = "test-tokens.public-key";
    public static final String ISSUER = "https://test-tokens.ita.invalid/realms/ita";

    @Override
    public synchronized Map<String, String> start() {
        if (System.getProperty(PUBLIC_KEY) == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                System.setProperty(PRIVATE_KEY, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                System.setProperty(PUBLIC_KEY, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        // A public key takes the place of the realm's discovery document: the service verifies the
        // signature, expiry and audience itself and asks no server.
        // (An empty server address is no address: with one, Quarkus would still ask it.)
        return Map.of("quarkus.oidc.public-key", System.getProperty(PUBLIC_KEY), "quarkus.oidc.auth-server-url", "");
    }

    @Override
    public void stop() {
    }

    /** A token of {@code username} with these realm roles and unit, for this service, valid 10 minutes. */
    public static String token(String username, List<String> roles, String unitCode) {
        return token(username, roles, unitCode, audience(), Instant.now().plusSeconds(600));
    }

    /** The same token, expired a quarter of an hour ago. */
    public static String expired(String username, List<String> roles, String unitCode) {
        return token(username, roles, unitCode, audience(), Instant.now().minusSeconds(900));
    }

    /** A valid token the realm issued for another client. */
    public static String forAnotherAudience(String username, List<String> roles, String unitCode) {
        return token(username, roles, unitCode, "ita-some-other-client", Instant.now().plusSeconds(600));
    }

    private static String token(String username, List<String> roles, String unitCode, String audience,
                                Instant expires) {
        var claims = Jwt.issuer(ISSUER)
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .claim("preferred_username", username)
                .claim("typ", "Bearer")
                .claim("realm_access", Map.of("roles", roles))
                .audience(audience)
                .issuedAt(expires.minusSeconds(1200))
                .expiresAt(expires);
        if (unitCode != null) {
            claims.claim("unit_code", unitCode);
        }
        return claims.jws().keyId("ita-test").sign(privateKey());
    }

    /** The client the service requires in {@code aud}. */
    private static String audience() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.token.audience", String.class)
                .orElseGet(() -> ConfigProvider.getConfig().getValue("quarkus.oidc.client-id", String.class));
    }

    private static PrivateKey privateKey() {
        String encoded = System.getProperty(PRIVATE_KEY);
        if (encoded == null) {
            throw new IllegalStateException("SignedTokens is not a test resource of this module: declare "
                    + "@QuarkusTestResource(SignedTokens.class) on a test class");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }
}
