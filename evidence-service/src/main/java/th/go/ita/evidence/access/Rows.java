package th.go.ita.evidence.access;

import jakarta.persistence.Tuple;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Reading columns of native-query tuples whatever Java type the driver chose for them. */
public final class Rows {

    private Rows() {
    }

    public static String str(Tuple t, String column) {
        Object value = t.get(column);
        return value == null ? null : value.toString();
    }

    public static Instant instant(Tuple t, String column) {
        Object value = t.get(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        throw new IllegalArgumentException("not a time: " + value.getClass());
    }

    public static int integer(Tuple t, String column) {
        Object value = t.get(column);
        return value == null ? 0 : ((Number) value).intValue();
    }

    public static long number(Tuple t, String column) {
        Object value = t.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static boolean bool(Tuple t, String column) {
        Object value = t.get(column);
        return value != null && (Boolean) value;
    }

    public static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
