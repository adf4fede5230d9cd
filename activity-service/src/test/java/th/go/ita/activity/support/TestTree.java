package th.go.ita.activity.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * A fixed office tree for tests whose tokens name a unit (token claims are annotations, so the codes
 * must be constants): T-ROOT › T-AREA1 › T-AREA1-S1, T-AREA1-S2; T-ROOT › T-AREA2. Published once
 * per test JVM through scoring's real topic. Tests keep apart by using their own fiscal years.
 */
public final class TestTree {
    public static final String ROOT = "T-ROOT";
    public static final String AREA1 = "T-AREA1";
    public static final String SCHOOL1 = "T-AREA1-S1";
    public static final String SCHOOL2 = "T-AREA1-S2";
    public static final String AREA2 = "T-AREA2";

    private static final AtomicInteger NEXT_YEAR = new AtomicInteger(2580);
    private static boolean published;

    private TestTree() {
    }

    public static synchronized void ensure() {
        if (published) {
            return;
        }
        KafkaEvents.unit(ROOT, null, "สพฐ. (ทดสอบ)", 0);
        KafkaEvents.unit(AREA1, "/T-ROOT/", "เขต 1 (ทดสอบ)", 67);
        KafkaEvents.unit(SCHOOL1, "/T-ROOT/T-AREA1/", "โรงเรียน 1 (ทดสอบ)", 20);
        KafkaEvents.unit(SCHOOL2, "/T-ROOT/T-AREA1/", "โรงเรียน 2 (ทดสอบ)", 25);
        KafkaEvents.unit(AREA2, "/T-ROOT/", "เขต 2 (ทดสอบ)", 40);
        await().atMost(Duration.ofSeconds(30)).until(() -> Units.exists(AREA2) && Units.exists(SCHOOL2));
        published = true;
    }

    /** A fiscal year no other test in this JVM uses, so each test's plans are its own. */
    public static int freshYear() {
        return NEXT_YEAR.getAndIncrement();
    }
}
