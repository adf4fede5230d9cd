package th.go.ita.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import th.go.ita.embedded.EmbeddedKafkaBroker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kafka stopped while IIT answers and an OIT verdict are committed, then started again: every one
 * reaches scoring, once. The services keep taking them while the broker is away (their outboxes hold
 * them) and stay ready; the sheet afterwards equals the hand count and a rebuild from scoring's
 * stored inputs.
 */
final class KafkaOutage {

    private static final String UNIT = StackApi.UNIT;
    private static final int ANSWERS = 10;

    private final StackApi api;
    private final EmbeddedKafkaBroker kafka;
    private final Function<String, String> tokens;
    private int sent;

    KafkaOutage(LauncherConfig config, EmbeddedKafkaBroker kafka, Function<String, String> tokens) {
        this.api = new StackApi(config);
        this.kafka = kafka;
        this.tokens = tokens;
    }

    void run() throws Exception {
        String admin = tokens.apply("admin");
        String area = tokens.apply("area.kalasin2");
        String editor = tokens.apply("evidence.kalasin2");
        String auditor = tokens.apply("auditor");
        String round = api.openRound(admin, "Kafka outage");
        String item = "/api/evidence/units/" + UNIT + "/rounds/" + round + "/items/O1";
        api.awaitEvidenceKnows(round, editor);
        // The area assigns the office's auditor (the demo data does too, but perhaps not yet).
        api.send("PUT", "/api/evidence/units/" + UNIT + "/auditors/auditor", area, null);
        List<String> codes = new ArrayList<>();
        for (JsonNode code : api.call("POST", "/api/survey/rounds/" + round + "/units/" + UNIT + "/access-codes",
                tokens.apply("unit.kalasin2"), Map.of("count", ANSWERS + 4), 201).path("codes")) {
            codes.add(code.asText());
        }
        JsonNode questionnaire = api.call("GET", "/api/survey/rounds/" + round + "/questionnaires/IIT?unit=" + UNIT, null, null, 200);

        long stopped = System.nanoTime();
        kafka.stop();
        try {
            Random random = new Random(15);
            for (String code : codes.subList(0, ANSWERS)) {
                api.answer(round, code, questionnaire, random);
            }
            api.call("POST", item + "/links", editor, Map.of("url", "https://www.kalasin2.go.th/oit/o1", "label", "โครงสร้าง"), 201);
            api.call("POST", item + "/submit", editor, null, 200);
            api.call("POST", item + "/review", auditor, Map.of("verdict", "PASSED"), 200);
            // Longer than a release pass (10 s) and a relay's wait for the broker (10 s): both steps and
            // the verdict now wait in outboxes, and the services still say they are ready.
            Thread.sleep(22_000);
            sent = ANSWERS + api.completeTheStep(round, codes.subList(ANSWERS, codes.size()).iterator(), questionnaire, random);
            for (String service : List.of("survey", "evidence", "scoring")) {
                JsonNode ready = api.call("GET", "/api/" + service + "/q/health/ready", null, null, 200);
                assertEquals("UP", ready.path("status").asText(), service + " stays ready while Kafka is away");
            }
            assertEquals(-1, api.scoredRespondents(round, area), "nothing reached scoring while Kafka was away");
        } finally {
            kafka.restart();
        }
        System.out.printf("[measure] Kafka outage: broker away %.1f s with %d answers and 1 verdict committed%n",
                (System.nanoTime() - stopped) / 1e9, sent);

        long restarted = System.nanoTime();
        long deadline = restarted + Duration.ofSeconds(120).toNanos();
        while (!done(api.sheet(round, area))) {
            assertTrue(System.nanoTime() < deadline, "every answer and the verdict reached scoring within 120 s: "
                    + api.sheet(round, area));
            Thread.sleep(1000);
        }
        System.out.printf("[measure] Kafka outage: all reached scoring %.1f s after the broker was back%n",
                (System.nanoTime() - restarted) / 1e9);
        Thread.sleep(5_000); // a redelivery would land by now
        JsonNode live = api.sheet(round, area);
        assertEquals(sent, StackApi.respondents(live), "each answer counted once: " + live);
        assertEquals(42, live.path("oitItemsPending").asInt(), "the verdict counted once");
        api.assertRebuildEqualsLive(round, admin);
        System.out.printf("[measure] Kafka outage: before %d answers + 1 verdict, after %d counted + %d verdict (0 lost, 0 double)%n",
                sent, StackApi.respondents(live), 43 - live.path("oitItemsPending").asInt());
    }

    private boolean done(JsonNode sheet) {
        return sheet != null && StackApi.respondents(sheet) == sent && sheet.path("oitItemsPending").asInt() == 42;
    }
}
