package th.go.ita.evidence.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import th.go.ita.platform.testing.TestBroker;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Plays scoring-service in tests: publishes its events (docs/events.md) to the real test broker
 * ({@link TestBroker}).
 */
public final class ScoringEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScoringEvents() {
    }

    public static String envelope(UUID id, String type, String unitCode, String roundId, ObjectNode payload) {
        return TestBroker.envelope(id, type, unitCode, roundId, Instant.now(), payload);
    }

    public static ObjectNode unitPayload(String code, String parentPath, String nameTh) {
        ObjectNode p = JSON.createObjectNode();
        p.put("code", code);
        String parentCode = null;
        if (parentPath != null) {
            String[] parts = parentPath.split("/");
            parentCode = parts[parts.length - 1];
        }
        p.put("parentCode", parentCode);
        p.put("path", (parentPath == null ? "/" : parentPath) + code + "/");
        p.put("type", parentPath == null ? "AREA_PRIMARY" : "SCHOOL");
        p.put("nameTh", nameTh);
        p.put("nameEn", code + " office");
        p.put("staffCount", 20);
        p.put("servicePopulation", 300);
        p.put("active", true);
        p.put("demo", false);
        return p;
    }

    /** Publishes a unit; parentPath like "/OBEC/AREA1/" or null for a root. Returns its path. */
    public static String unit(String code, String parentPath, String nameTh) {
        ObjectNode payload = unitPayload(code, parentPath, nameTh);
        send("ita.units", code, envelope(UUID.randomUUID(), "UnitUpserted", code, null, payload));
        return payload.get("path").asText();
    }

    /**
     * A small framework: OIT indicator 9 with sub-indicators 9.1 (O1, O2) and 9.2 (O3), plus
     * indicator 10 with 10.1 (O4).
     */
    public static void framework(String id, int version, int fiscalYear) {
        ObjectNode p = JSON.createObjectNode();
        p.put("id", id);
        p.put("version", version);
        p.put("fiscalYear", fiscalYear);
        p.set("name", name("กรอบ " + id, "Framework " + id));
        p.put("comparabilityGroup", "ITA-" + fiscalYear);
        ArrayNode instruments = p.putArray("instruments");
        ObjectNode iit = instruments.addObject();
        iit.put("code", "IIT");
        iit.put("weight", 30);
        iit.putArray("indicators");
        ObjectNode oit = instruments.addObject();
        oit.put("code", "OIT");
        oit.put("weight", 40);
        ArrayNode indicators = oit.putArray("indicators");
        ObjectNode nine = indicators.addObject();
        nine.put("code", "9");
        nine.set("name", name("การเปิดเผยข้อมูล", "Disclosure"));
        ArrayNode nineSubs = nine.putArray("subIndicators");
        subIndicator(nineSubs, "9.1", "ข้อมูลพื้นฐาน", "Basic information", "O1", "O2");
        subIndicator(nineSubs, "9.2", "การบริหารงาน", "Administration", "O3");
        ObjectNode ten = indicators.addObject();
        ten.put("code", "10");
        ten.set("name", name("การป้องกันการทุจริต", "Prevention"));
        subIndicator(ten.putArray("subIndicators"), "10.1", "การดำเนินการเพื่อป้องกันการทุจริต", "Actions", "O4");
        p.put("somethingNew", "consumers ignore fields they do not know");
        send("ita.frameworks", id + "@" + version, envelope(UUID.randomUUID(), "FrameworkPublished", null, null, p));
    }

    /** A framework shaped like OBEC FY2566's OIT: 43 items O1–O43 in sub-indicators 9.1–10.2. */
    public static void framework43(String id, int fiscalYear) {
        ObjectNode p = JSON.createObjectNode();
        p.put("id", id);
        p.put("version", 1);
        p.put("fiscalYear", fiscalYear);
        p.set("name", name("กรอบ " + id, "Framework " + id));
        ArrayNode instruments = p.putArray("instruments");
        ObjectNode oit = instruments.addObject();
        oit.put("code", "OIT");
        ArrayNode indicators = oit.putArray("indicators");
        String[][] subs = {{"9", "9.1", "10"}, {"9", "9.2", "8"}, {"9", "9.3", "4"}, {"9", "9.4", "4"},
                {"9", "9.5", "4"}, {"10", "10.1", "8"}, {"10", "10.2", "5"}};
        ObjectNode nine = indicators.addObject();
        nine.put("code", "9");
        nine.set("name", name("การเปิดเผยข้อมูล", "Disclosure"));
        ArrayNode nineSubs = nine.putArray("subIndicators");
        ObjectNode ten = indicators.addObject();
        ten.put("code", "10");
        ten.set("name", name("การป้องกันการทุจริต", "Prevention"));
        ArrayNode tenSubs = ten.putArray("subIndicators");
        int n = 0;
        for (String[] sub : subs) {
            String[] items = new String[Integer.parseInt(sub[2])];
            for (int i = 0; i < items.length; i++) {
                items[i] = "O" + (++n);
            }
            subIndicator(sub[0].equals("9") ? nineSubs : tenSubs, sub[1], "ตัวชี้วัดย่อย " + sub[1], "Sub-indicator " + sub[1], items);
        }
        send("ita.frameworks", id + "@1", envelope(UUID.randomUUID(), "FrameworkPublished", null, null, p));
    }

    private static void subIndicator(ArrayNode subs, String code, String th, String en, String... items) {
        ObjectNode sub = subs.addObject();
        sub.put("code", code);
        sub.set("name", name(th, en));
        ArrayNode list = sub.putArray("items");
        for (String item : items) {
            ObjectNode i = list.addObject();
            i.put("code", item);
            i.set("title", name("รายการ " + item, "Item " + item));
            i.set("requirement", name("ข้อกำหนดของ " + item, "Requirement of " + item));
        }
    }

    private static ObjectNode name(String th, String en) {
        ObjectNode n = JSON.createObjectNode();
        n.put("th", th);
        n.put("en", en);
        return n;
    }

    public static ObjectNode roundPayload(String id, int fiscalYear, String frameworkId, String scopeUnitCode,
                                          String state, Instant reviewClosesAt) {
        ObjectNode p = JSON.createObjectNode();
        p.put("id", id);
        p.put("name", "รอบ " + fiscalYear);
        p.put("fiscalYear", fiscalYear);
        p.put("frameworkId", frameworkId);
        p.put("frameworkVersion", 1);
        p.put("scopeUnitCode", scopeUnitCode);
        p.put("state", state);
        Instant now = Instant.now();
        p.put("surveyOpensAt", now.minus(Duration.ofDays(10)).toString());
        p.put("surveyClosesAt", now.plus(Duration.ofDays(10)).toString());
        p.put("oitDeadline", now.plus(Duration.ofDays(20)).toString());
        p.put("reviewOpensAt", now.minus(Duration.ofDays(1)).toString());
        p.put("reviewClosesAt", reviewClosesAt.toString());
        p.put("correctionClosesAt", reviewClosesAt.toString());
        return p;
    }

    public static void round(ObjectNode payload) {
        String id = payload.get("id").asText();
        send("ita.rounds", id, envelope(UUID.randomUUID(), "RoundUpserted", null, id, payload));
    }

    /** Sends an event as scoring would: it must match scoring's schema in docs/events, or the test fails. */
    public static void send(String topic, String key, String envelope) {
        TestBroker.sendEvent(topic, key, envelope);
    }

    public static Map<String, Object> parse(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.readValue(json, Map.class);
            return map;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
