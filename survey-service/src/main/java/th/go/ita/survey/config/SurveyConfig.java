package th.go.ita.survey.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of survey-service, under {@code ita.*}. */
@ConfigMapping(prefix = "ita")
public interface SurveyConfig {

    /** The demo value of {@link Secrets#hashKey()}: fine on a laptop, never in a real deployment. */
    String DEMO_HASH_KEY = "DEMO-ONLY-survey-hash-key-change-me";

    DemoData demoData();

    Secrets secrets();

    Codes codes();

    Intake intake();

    /** Where respondents open the web app, for the links printed on code slips and posters. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    interface DemoData {
        /** Load the demo office tree and results at start-up (the local stack turns this on). */
        @WithDefault("false")
        boolean enabled();
    }

    interface Secrets {
        /**
         * Server secret of the keyed hashes (HMAC-SHA256) of access codes, submission ids, link and
         * browser tokens. Without it, a stored hash cannot be tested against guessed codes. The
         * default is a DEMO value: set ITA_SECRETS_HASH_KEY in any real deployment.
         */
        @WithDefault(DEMO_HASH_KEY)
        String hashKey();
    }

    interface Codes {
        /** Most codes one request may generate. */
        @WithDefault("2000")
        int maxPerBatch();
    }

    interface Intake {
        /** Submissions one address may send per minute (held in memory only). */
        @WithDefault("60")
        int submissionsPerMinute();

        /** Rejected access codes one address may try per hour before it must wait. */
        @WithDefault("30")
        int codeFailuresPerHour();
    }
}
