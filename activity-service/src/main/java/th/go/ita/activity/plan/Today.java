package th.go.ita.activity.plan;

import java.time.LocalDate;
import java.time.ZoneId;

/** Dates of the offices' working day: Thailand's, whatever the server's zone. */
public final class Today {
    public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    private Today() {
    }

    public static LocalDate date() {
        return LocalDate.now(BANGKOK);
    }
}
