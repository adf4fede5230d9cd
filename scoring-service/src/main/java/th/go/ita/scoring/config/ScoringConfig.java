package th.go.ita.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of scoring-service, under {@code ita.*}. */
@ConfigMapping(prefix = "ita")
public interface ScoringConfig {

    DemoData demoData();

    Pdf pdf();

    interface Pdf {
        /** A Thai TrueType font to embed in PDF reports (Debian package fonts-tlwg-laksaman-ttf). */
        @WithDefault("classpath:fonts/Laksaman.ttf")
        String font();
    }

    interface DemoData {
        /** Load the demo office tree and results at start-up (the local stack turns this on). */
        @WithDefault("false")
        boolean enabled();
    }
}
