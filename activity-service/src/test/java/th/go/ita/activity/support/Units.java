package th.go.ita.activity.support;

import th.go.ita.activity.unit.UnitRef;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Builds a small office tree for a test through scoring's real topic: a unique root, an area office
 * under it and two schools under the area, so tests never share units.
 */
public record Units(String root, String area, String school1, String school2, String otherArea) {

    public static Units fresh() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Units units = new Units("R-" + suffix, "A-" + suffix, "A-" + suffix + "-S1", "A-" + suffix + "-S2",
                "B-" + suffix);
        String rootPath = "/" + units.root + "/";
        KafkaEvents.unit(units.root, null, "ส่วนกลาง (ทดสอบ)", 10);
        KafkaEvents.unit(units.area, rootPath, "เขตทดสอบ", 67);
        KafkaEvents.unit(units.school1, rootPath + units.area + "/", "โรงเรียน 1 (ทดสอบ)", 20);
        KafkaEvents.unit(units.school2, rootPath + units.area + "/", "โรงเรียน 2 (ทดสอบ)", 25);
        KafkaEvents.unit(units.otherArea, rootPath, "เขตอื่น (ทดสอบ)", 40);
        await().atMost(Duration.ofSeconds(30)).until(() -> exists(units.otherArea) && exists(units.school2));
        return units;
    }

    public static boolean exists(String code) {
        return Tx.call(() -> UnitRef.findById(code) != null);
    }
}
