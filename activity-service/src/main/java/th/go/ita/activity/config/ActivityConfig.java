package th.go.ita.activity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of activity-service, under {@code ita.*} (the outbox's are the platform's, {@code ita.outbox.*}). */
@ConfigMapping(prefix = "ita")
public interface ActivityConfig {

    DemoData demoData();

    interface DemoData {
        /** Load the demo office's FY2566 plan, meetings and mentoring at start-up (the local stack turns this on). */
        @WithDefault("false")
        boolean enabled();
    }
}
