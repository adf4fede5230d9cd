package th.go.ita.survey.secret;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import th.go.ita.survey.config.SurveyConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * HMAC-SHA256 with the server secret. A purpose prefix keeps the hashes of codes, submission ids
 * and tokens apart, so one can never be replayed as another.
 */
@ApplicationScoped
public class KeyedHash {

    private static final Logger LOG = Logger.getLogger(KeyedHash.class);

    private final SecretKeySpec key;

    @Inject
    public KeyedHash(SurveyConfig config) {
        this.key = new SecretKeySpec(config.secrets().hashKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        if (SurveyConfig.DEMO_HASH_KEY.equals(config.secrets().hashKey()) && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("ita.secrets.hash-key is the DEMO value: set ITA_SECRETS_HASH_KEY before real use");
        }
    }

    void onStart(@Observes StartupEvent event) {
        // Constructed at start so the demo-key warning shows up in the start-up log.
    }

    /** A keyed Mac per thread (a Mac is not thread-safe): intake hashes twice per submission, so no look-up and keying each time. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public byte[] hash(String purpose, String value) {
        Mac mac = macs.get();
        mac.reset();
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }
}
