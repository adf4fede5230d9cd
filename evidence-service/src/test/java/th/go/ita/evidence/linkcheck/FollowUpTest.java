package th.go.ita.evidence.linkcheck;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import th.go.ita.evidence.support.EditorActions;
import th.go.ita.evidence.support.OitFixture;
import th.go.ita.evidence.support.ScoringEvents;
import th.go.ita.evidence.support.TestDb;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class FollowUpTest {

    @Inject
    TestDb db;

    @Inject
    EditorActions editor;

    @Inject
    LinkChecker checker;

    @Test
    @TestSecurity(user = "editor.evu1", roles = "evidence-editor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVU1"))
    void brokenLinksAreFlaggedToTheUnitAfterACheck() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", x -> {
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        server.createContext("/gone", x -> {
            x.sendResponseHeaders(404, -1);
            x.close();
        });
        server.createContext("/moved", x -> {
            x.getResponseHeaders().add("Location", "/ok");
            x.sendResponseHeaders(301, -1);
            x.close();
        });
        server.createContext("/slow", x -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String round = OitFixture.newRound(db);
            editor.addLink(round, "O1", base + "/ok");
            editor.addLink(round, "O2", base + "/gone");
            editor.addLink(round, "O3", base + "/moved");
            editor.addLink(round, "O4", base + "/slow");
            checker.checkAll();
            given().get("/units/EVU1/rounds/" + round + "/follow-up/broken-links").then().statusCode(200)
                    .body("itemCode", contains("O2", "O4"))
                    .body("statusCode", contains(404, null))
                    .body("error", contains("HTTP 404", "timeout"));
        } finally {
            server.stop(0);
        }
    }

    // A link is typed by office staff: it must not turn the service into a way of probing its own
    // network. The tests' server on 127.0.0.1 is allowed (ita.evidence.link-check.allowed-test-addresses);
    // any other address that is not public is refused unfetched, also when a public hop redirects to it.
    @Test
    @TestSecurity(user = "editor.evu1", roles = "evidence-editor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVU1"))
    void linksToThePrivateNetworkAreRefusedUnfetchedAndShownAsBroken() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/to-loopback", x -> {
            x.getResponseHeaders().add("Location", "http://127.0.0.2:" + server.getAddress().getPort() + "/");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        server.createContext("/loop", x -> {
            x.getResponseHeaders().add("Location", "/loop");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        server.start();
        try {
            String round = OitFixture.newRound(db);
            editor.addLink(round, "O1", "http://169.254.169.254/latest/meta-data/");
            editor.addLink(round, "O2", "http://[::1]/");
            editor.addLink(round, "O3", base + "/to-loopback");
            editor.addLink(round, "O4", base + "/loop");
            checker.checkAll();
            given().get("/units/EVU1/rounds/" + round + "/follow-up/broken-links").then().statusCode(200)
                    .body("itemCode", contains("O1", "O2", "O3", "O4"))
                    .body("error", contains("refused: 169.254.169.254 is a link-local address (not fetched)",
                            "refused: ::1 is a loopback address (not fetched)",
                            "refused: 127.0.0.2 is a loopback address (not fetched)",
                            "too many redirects (more than 5)"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    @TestSecurity(user = "area.eva", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVA"))
    void anAreaSeesWhoIsBehindAndWhatIsOverdue() {
        String round = "R-" + java.util.UUID.randomUUID();
        var payload = ScoringEvents.roundPayload(round, 2566, OitFixture.FRAMEWORK, OitFixture.AREA, "OPEN",
                Instant.now().plus(Duration.ofDays(30)));
        OitFixture.ensureBase(db);
        payload.put("oitDeadline", Instant.now().minus(Duration.ofDays(1)).toString());
        ScoringEvents.round(payload);
        db.awaitRow("SELECT id FROM assessment_round WHERE id = ?1", round);
        // Handed in before the deadline passed: written directly, as the API refuses late submissions.
        db.execute("INSERT INTO item_status (round_id, unit_code, item_code, status, updated_by, updated_at) "
                + "VALUES (?1, 'EVU1', 'O1', 'SUBMITTED', 'editor.evu1', now())", round);

        given().get("/units/EVA/rounds/" + round + "/follow-up/deadlines").then().statusCode(200)
                .body("unitCode", containsInAnyOrder("EVA", "EVU1", "EVU2"))
                .body("find { it.unitCode == 'EVU1' }.notSubmitted", equalTo(3))
                .body("find { it.unitCode == 'EVU1' }.overdue", equalTo(3))
                .body("find { it.unitCode == 'EVU1' }.notSubmittedItems", contains("O2", "O3", "O4"))
                .body("find { it.unitCode == 'EVU2' }.overdue", equalTo(4));
    }

    // Unit codes may hold '_', which LIKE reads as "any character": unescaped, area EV_Z's subtree
    // pattern would take in area EVAZ and its offices too.
    @Test
    @TestSecurity(user = "area.ev_z", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EV_Z"))
    void anAreaWhoseCodeHoldsAnUnderscoreSeesOnlyItsOwnOffices() {
        OitFixture.ensureBase(db);
        String area = ScoringEvents.unit("EV_Z", "/OBEC/", "เขตขีดล่าง");
        String lookalike = ScoringEvents.unit("EVAZ", "/OBEC/", "เขตชื่อคล้าย");
        ScoringEvents.unit("EV_Z-S1", area, "โรงเรียนในเขตขีดล่าง");
        ScoringEvents.unit("EVAZ-S1", lookalike, "โรงเรียนในเขตชื่อคล้าย");
        db.awaitRow("SELECT code FROM unit WHERE code = ?1", "EV_Z-S1");
        db.awaitRow("SELECT code FROM unit WHERE code = ?1", "EVAZ-S1");
        // Over both areas, in a year of its own so no other test's round is nearer.
        String round = "R-" + java.util.UUID.randomUUID();
        ScoringEvents.round(ScoringEvents.roundPayload(round, 2598, OitFixture.FRAMEWORK, "OBEC", "OPEN",
                Instant.now().plus(Duration.ofDays(30))));
        db.awaitRow("SELECT id FROM assessment_round WHERE id = ?1", round);

        given().get("/units/EV_Z/rounds/" + round + "/follow-up/deadlines").then().statusCode(200)
                .body("unitCode", containsInAnyOrder("EV_Z", "EV_Z-S1"));
    }

    @Test
    @TestSecurity(user = "editor.evu2", roles = "evidence-editor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVU2"))
    void anotherOfficeSeesNeitherList() {
        String round = OitFixture.newRound(db);
        given().get("/units/EVU1/rounds/" + round + "/follow-up/deadlines").then().statusCode(403);
        given().get("/units/EVU1/rounds/" + round + "/follow-up/broken-links").then().statusCode(403);
    }
}
