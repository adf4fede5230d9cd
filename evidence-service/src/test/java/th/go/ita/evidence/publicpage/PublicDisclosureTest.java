package th.go.ita.evidence.publicpage;

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

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class PublicDisclosureTest {

    /** Each test its own fiscal year, so "the round of a year" is unambiguous. */
    private static final AtomicInteger YEARS = new AtomicInteger(2700 + (int) (System.nanoTime() % 200));

    @Inject
    TestDb db;

    @Inject
    EditorActions editor;

    @Inject
    DisclosureService disclosures;

    @Test
    void submittedEvidenceIsPublicWithoutLoginDraftsAreNot() {
        int year = YEARS.incrementAndGet();
        String round = OitFixture.newRound(db, year, Instant.now().plus(Duration.ofDays(30)));
        editor.addLinkAndSubmit(round, "O1");
        String fileId = editor.upload(round, "O2", true);
        String draftId = editor.upload(round, "O3", false);

        given().get("/public/units/EVU1/years/" + year).then().statusCode(200)
                .body("unitNameTh", equalTo("โรงเรียนทดสอบหนึ่ง"))
                .body("frozen", equalTo(false))
                .body("subIndicators[0].items[0].status", equalTo("SUBMITTED"))
                .body("subIndicators[0].items[0].evidence[0].url", equalTo("https://example.go.th/O1"))
                .body("subIndicators[0].items[1].evidence[0].sha256", equalTo(sha(OitFixture.PDF)))
                .body("subIndicators[1].items[0].status", equalTo("EMPTY"))
                .body("subIndicators[1].items[0].evidence", empty());

        String page = given().get("/oit/EVU1/" + year).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertThat(page).contains("<html lang=\"th\">", "โรงเรียนทดสอบหนึ่ง", "ปีงบประมาณ พ.ศ. " + year,
                "https://example.go.th/O1", "/oit/EVU1/" + year + "/O2").doesNotContain("<script");
        assertThat(page.indexOf("ข้อมูลพื้นฐาน")).isLessThan(page.indexOf("Basic information"));

        given().get("/oit/EVU1/" + year + "/O2").then().statusCode(200)
                .body(containsString("คำสั่งแต่งตั้ง.pdf"), containsString("/oit/files/" + fileId));
        byte[] downloaded = given().get("/oit/files/" + fileId).then().statusCode(200).extract().asByteArray();
        assertThat(downloaded).isEqualTo(OitFixture.PDF);
        given().get("/oit/files/" + draftId).then().statusCode(404);
    }

    @Test
    void theSnapshotFrozenWhenReviewClosesNeverChanges() {
        int year = YEARS.incrementAndGet();
        String round = OitFixture.newRound(db, year, Instant.now().plus(Duration.ofDays(30)));
        editor.addLinkAndSubmit(round, "O1");

        var closed = ScoringEvents.roundPayload(round, year, OitFixture.FRAMEWORK, OitFixture.AREA, "CLOSED",
                Instant.now().minus(Duration.ofMinutes(1)));
        ScoringEvents.round(closed);
        db.awaitRow("SELECT id FROM assessment_round WHERE id = ?1 AND review_closes_at <= now()", round);
        disclosures.freezeDue();

        // After the freeze the office submits another item: the live data changes, the snapshot must not.
        editor.addLinkAndSubmit(round, "O2");
        given().get("/public/units/EVU1/years/" + year).then().statusCode(200)
                .body("frozen", equalTo(true))
                .body("subIndicators[0].items.status", contains("SUBMITTED", "EMPTY"))
                .body("subIndicators[0].items[1].evidence", empty());
        given().get("/oit/EVU1/" + year).then().statusCode(200)
                .body(containsString("ฉบับบันทึกเมื่อปิดการตรวจประเมิน"), not(containsString("https://example.go.th/O2")));
        assertThat(db.count("SELECT count(*) FROM public_snapshot WHERE round_id = ?1", round)).isEqualTo(1);
    }

    @Test
    void unknownUnitsYearsAndItemsAreNotFound() {
        int year = YEARS.incrementAndGet();
        OitFixture.newRound(db, year, Instant.now().plus(Duration.ofDays(30)));
        given().get("/public/units/EVU1/years/1999").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:ita:problem:year-not-found"));
        given().get("/oit/NOPE/" + year).then().statusCode(404);
        given().get("/oit/EVU1/" + year + "/O99").then().statusCode(404);
        given().get("/oit/files/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "editor.evu1", roles = "evidence-editor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVU1"))
    void unitStaffExportTheYearAsZipWithAManifest() throws Exception {
        int year = YEARS.incrementAndGet();
        String round = OitFixture.newRound(db, year, Instant.now().plus(Duration.ofDays(30)));
        editor.upload(round, "O2", true);
        editor.addLink(round, "O4", "https://example.go.th/o4");

        byte[] zip = given().get("/units/EVU1/years/" + year + "/export.zip").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).containsKeys("manifest.csv", "O2/v1-คำสั่งแต่งตั้ง.pdf");
        assertThat(entries.get("O2/v1-คำสั่งแต่งตั้ง.pdf")).isEqualTo(OitFixture.PDF);
        String manifest = new String(entries.get("manifest.csv"), StandardCharsets.UTF_8);
        assertThat(manifest).contains("O2,FILE,O2/v1-คำสั่งแต่งตั้ง.pdf," + sha(OitFixture.PDF) + ",1,")
                .contains("O4,LINK,https://example.go.th/o4,,1,");
    }

    @Test
    @TestSecurity(user = "editor.evu2", roles = "evidence-editor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVU2"))
    void anotherOfficeCannotExport() {
        int year = YEARS.incrementAndGet();
        OitFixture.newRound(db, year, Instant.now().plus(Duration.ofDays(30)));
        given().get("/units/EVU1/years/" + year + "/export.zip").then().statusCode(403);
    }

    /** A page the size of FY2566's (43 items, each with a link handed in) lists every item, as HTML and as JSON. */
    @Test
    void aPageTheSizeOfARealYearListsEveryItem() {
        String framework = "FW43-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        ScoringEvents.framework43(framework, 2566);
        db.awaitRow("SELECT code FROM oit_item WHERE framework_id = ?1 AND code = 'O43'", framework);
        int year = YEARS.incrementAndGet();
        OitFixture.ensureBase(db);
        String round = "R-" + java.util.UUID.randomUUID();
        ScoringEvents.round(ScoringEvents.roundPayload(round, year, framework, OitFixture.AREA, "OPEN",
                Instant.now().plus(Duration.ofDays(30))));
        db.awaitRow("SELECT id FROM assessment_round WHERE id = ?1", round);
        for (int i = 1; i <= 43; i++) {
            editor.addLinkAndSubmit(round, "O" + i);
        }
        // How fast it is served is measured by deploy/bench (public pages), not here.
        given().get("/oit/EVU1/" + year).then().statusCode(200).body(containsString("O1")).body(containsString("O43"));
        given().get("/public/units/EVU1/years/" + year).then().statusCode(200);
    }

    static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
