package th.go.ita.survey.eit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.survey.secret.KeyedHash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * One-per-browser tokens for EIT: {@code nonce.round.unit.expiry} signed with HMAC. The browser
 * keeps its token; the service remembers only a keyed hash of the nonce of a token that answered,
 * in a table that knows no response. Clearing the browser gets a new token: this is an abuse
 * limit, not an identity.
 */
@ApplicationScoped
public class BrowserTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    KeyedHash keyedHash;

    Clock clock = Clock.systemUTC();

    public String issue(String roundId, String unitCode) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String body = B64.encodeToString(nonce) + "." + B64.encodeToString(roundId.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(unitCode.getBytes(StandardCharsets.UTF_8)) + "."
                + Instant.now(clock).plus(60, ChronoUnit.DAYS).getEpochSecond();
        return body + "." + B64.encodeToString(keyedHash.hash("browser-token", body));
    }

    /** @return the token's nonce when it is genuine, unexpired and made for this round and unit */
    public String verify(String token, String roundId, String unitCode) {
        if (token == null || token.isBlank()) {
            throw ProblemException.badRequest("browser-token-required");
        }
        int lastDot = token.lastIndexOf('.');
        String[] parts = token.split("\\.");
        if (lastDot < 0 || parts.length != 5) {
            throw ProblemException.badRequest("browser-token-invalid");
        }
        String body = token.substring(0, lastDot);
        byte[] expected = keyedHash.hash("browser-token", body);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(parts[4]);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("browser-token-invalid");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw ProblemException.badRequest("browser-token-invalid");
        }
        String round = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String unit = new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8);
        if (!round.equals(roundId) || !unit.equals(unitCode)
                || Long.parseLong(parts[3]) < Instant.now(clock).getEpochSecond()) {
            throw ProblemException.badRequest("browser-token-invalid");
        }
        return parts[0];
    }
}
