package th.go.ita.survey.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Settings of survey-service, under {@code ita.*}. */
@ConfigMapping(prefix = "ita")
public interface SurveyConfig {

    /** The demo value of {@link Secrets#hashKey()}: fine on a laptop, never in a real deployment. */
    String DEMO_HASH_KEY = "DEMO-ONLY-survey-hash-key-change-me";

    DemoData demoData();

    Secrets secrets();

    Codes codes();

    Intake intake();

    Release release();

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

    /**
     * How answers leave the service (threat model, "Released in steps"): no figure computed from
     * responses may move by a single answer, or a colleague could read it off a before/after diff.
     */
    interface Release {
        /**
         * Responses of one unit and instrument that must wait together before any is released; a
         * day's leftovers go at 00:00 Asia/Bangkok. Five at the least: below that, a step is as good
         * as one person's answers.
         */
        @WithDefault("5")
        @Min(5)
        int step();

        /** How often the release looks for groups that are due (a scheduler duration). */
        @WithDefault("10s")
        String interval();

        /**
         * Whether a group's step completed by committed answers triggers a release pass at once
         * (at most one pass per {@code wakeSpacing}) instead of waiting for the scheduled one, so
         * scores follow answers within a second; the scheduled pass stays the safety net.
         */
        @WithDefault("true")
        boolean wakeOnStep();

        /** The least time between two passes started by {@link #wakeOnStep()}: bounds their cost under load. */
        @WithDefault("200ms")
        java.time.Duration wakeSpacing();

        /** Most responses in one event, so a busy unit's batch stays far below Kafka's record limit. */
        @WithDefault("100")
        @Min(5)
        @Max(1000)
        int maxPerEvent();
    }
}
