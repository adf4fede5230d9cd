package th.go.ita.platform.access;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one demo switch, {@code ita.demo} ({@code ITA_DEMO}): on for {@code ./ita start} and the tests,
 * off everywhere else. Outside demo mode a service refuses to start while one of its secrets still
 * holds the demo value shipped in the repository (anyone who read the repository could forge or
 * test a hash, or act as the service in Keycloak), or while demo data is asked for: demo data loads
 * only in demo mode.
 */
@ApplicationScoped
public class DemoMode {

    private static final Logger LOG = Logger.getLogger(DemoMode.class);

    /**
     * The secrets a service may hold, with the demo values the repository ships for them; each service
     * reads only its own (a setting it does not have is not set).
     */
    static final Map<String, Pattern> DEMO_SECRETS;

    static {
        Map<String, Pattern> secrets = new LinkedHashMap<>();
        // survey-service: the HMAC key of access codes, submission ids, link and browser tokens.
        secrets.put("ita.secrets.hash-key", Pattern.compile("DEMO-ONLY-survey-hash-key-change-me"));
        // scoring-service: its confidential client for Keycloak's Admin REST API (inviting users).
        secrets.put("ita.keycloak-admin.client-secret", Pattern.compile("demo-secret-.*-change-me"));
        // A Keycloak admin password, where a service is given one.
        secrets.put("ita.keycloak-admin.password", Pattern.compile("admin"));
        // Any service that authenticates to Keycloak as its own client.
        secrets.put("quarkus.oidc.credentials.secret", Pattern.compile("demo-secret-.*-change-me"));
        secrets.put("quarkus.oidc.credentials.client-secret.value", Pattern.compile("demo-secret-.*-change-me"));
        DEMO_SECRETS = Map.copyOf(secrets);
    }

    /** {@code ita.demo}: a second mapping of the {@code ita} prefix beside the service's own. */
    @ConfigMapping(prefix = "ita")
    public interface Switch {
        @WithDefault("false")
        boolean demo();
    }

    @Inject
    Switch demoSwitch;

    @Inject
    Config config;

    void check(@Observes StartupEvent start) {
        List<String> refused = refusals(demoSwitch.demo(), name -> config.getOptionalValue(name, String.class));
        if (!refused.isEmpty()) {
            throw new IllegalStateException(String.join("\n", refused));
        }
        if (demoSwitch.demo()) {
            LOG.warn("ita.demo is on (ITA_DEMO=true): demo secrets are allowed and demo data loads; never in a real deployment");
        }
    }

    public boolean on() {
        return demoSwitch.demo();
    }

    /** What refuses a start: one line per setting that holds a demo secret while demo mode is off. */
    static List<String> refusals(boolean demo, Function<String, Optional<String>> setting) {
        List<String> refused = new ArrayList<>();
        if (demo) {
            return refused;
        }
        if (setting.apply("ita.demo-data.enabled").map(v -> v.strip().equalsIgnoreCase("true")).orElse(false)) {
            refused.add("ita.demo-data.enabled (ITA_DEMO_DATA_ENABLED) is on and ita.demo (ITA_DEMO) is off: demo data "
                    + "loads only in demo mode / ข้อมูลตัวอย่างใช้ได้เฉพาะโหมดสาธิต (ITA_DEMO=true)");
        }
        for (Map.Entry<String, Pattern> secret : DEMO_SECRETS.entrySet()) {
            Optional<String> value = setting.apply(secret.getKey());
            if (value.isPresent() && secret.getValue().matcher(value.get().strip()).matches()) {
                refused.add(secret.getKey() + " (" + environmentName(secret.getKey()) + ") holds the demo value from "
                        + "the repository and ita.demo (ITA_DEMO) is off: set a secret of your own, or ITA_DEMO=true "
                        + "for a demonstration / ค่าลับ " + secret.getKey() + " ยังเป็นค่าตัวอย่าง: ตั้งค่าใหม่ก่อนใช้งานจริง");
            }
        }
        return refused;
    }

    /** The environment variable a setting is read from (MicroProfile Config's rule). */
    static String environmentName(String setting) {
        return setting.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }
}
