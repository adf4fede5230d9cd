package th.go.ita.activity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of activity-service, under {@code ita.*}. */
@ConfigMapping(prefix = "ita")
public interface ActivityConfig {

    DemoData demoData();

    interface DemoData {
        /** Load the demo office tree and results at start-up (the local stack turns this on). */
        @WithDefault("false")
        boolean enabled();
    }
}
