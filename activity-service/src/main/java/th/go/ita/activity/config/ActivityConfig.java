package th.go.ita.activity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of activity-service, under {@code ita.*}. */
@ConfigMapping(prefix = "ita")
public interface ActivityConfig {

    DemoData demoData();

    Outbox outbox();

    interface Outbox {
        /** How often the relay sends unpublished outbox events to Kafka (read by its schedule). */
        @WithDefault("1s")
        String interval();
    }

    interface DemoData {
        /** Load the demo office's FY2566 plan, meetings and mentoring at start-up (the local stack turns this on). */
        @WithDefault("false")
        boolean enabled();
    }
}
