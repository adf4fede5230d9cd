package th.go.ita.evidence.demo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import th.go.ita.evidence.support.ScoringEvents;
import th.go.ita.evidence.support.TestDb;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

@QuarkusTest
class DemoDataLoaderTest {

    @Inject
    TestDb db;

    @Inject
    DemoDataLoader loader;

    @Test
    void theDemoOfficePassesEveryItemOfFy2566AndLoadingTwiceAddsNothing() {
        // What scoring publishes on a fresh demo stack (with a 4-item framework instead of 43 items).
        ScoringEvents.unit("OBEC", null, "สพฐ.");
        ScoringEvents.unit("KALASIN2", "/OBEC/", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาฬสินธุ์ เขต 2");
        String framework = "DEMO-" + UUID.randomUUID().toString().substring(0, 8);
        ScoringEvents.framework(framework, 1, 2566);
        String round = "R-DEMO-" + UUID.randomUUID();
        ScoringEvents.round(ScoringEvents.roundPayload(round, 2566, framework, "KALASIN2", "PUBLISHED",
                Instant.now().plus(Duration.ofDays(30))));
        db.awaitRow("SELECT id FROM assessment_round WHERE id = ?1", round);
        db.awaitRow("SELECT code FROM oit_item WHERE framework_id = ?1 AND code = 'O4'", framework);
        db.awaitRow("SELECT code FROM unit WHERE code = 'KALASIN2'");

        assertThat(loader.load()).isEqualTo(4);
        assertThat(loader.load()).isZero();
        assertThat(db.count("SELECT count(*) FROM evidence WHERE round_id = ?1", round)).isEqualTo(4);
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE type = 'OitItemReviewed' "
                + "AND payload->>'roundId' = ?1 AND payload->'payload'->>'final' = 'true'", round)).isEqualTo(4);

        given().get("/public/units/KALASIN2/years/2566").then().statusCode(200)
                .body("passed", equalTo(4))
                .body("total", equalTo(4))
                .body("subIndicators.passed", org.hamcrest.Matchers.contains(2, 1, 1))
                .body("subIndicators.items.flatten().evidence.flatten().demo", everyItem(equalTo(true)));
        given().get("/oit/KALASIN2/2566").then().statusCode(200)
                .body(containsString("4 / 4"), containsString("ข้อมูลสาธิต"));
        assertThat(db.scalar("SELECT auditor FROM auditor_assignment WHERE unit_code = 'KALASIN2'"))
                .isEqualTo("auditor");
    }
}
