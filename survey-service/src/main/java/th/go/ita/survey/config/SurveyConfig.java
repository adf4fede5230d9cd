package th.go.ita.survey.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of survey-service, under {@code ita.*}. */
@ConfigMapping(prefix = "ita")
public interface SurveyConfig {

    DemoData demoData();

    interface DemoData {
        /** Load the demo office tree and results at start-up (the local stack turns this on). */
        @WithDefault("false")
        boolean enabled();
    }
}
