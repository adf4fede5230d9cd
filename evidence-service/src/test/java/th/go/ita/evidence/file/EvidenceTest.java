package th.go.ita.evidence.file;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import th.go.ita.evidence.support.OitFixture;
import th.go.ita.evidence.support.TestDb;
import th.go.ita.platform.testing.EventContract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static th.go.ita.evidence.support.OitFixture.PDF;

@QuarkusTest
@TestSecurity(user = "editor.evu1", roles = "evidence-editor")
@OidcSecurity(claims = @Claim(key = "unit_code", value = "EVU1"))
class EvidenceTest {

    @Inject
    TestDb db;

    static String item(String round, String item) {
        return "/units/EVU1/rounds/" + round + "/items/" + item;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static long storedFiles() throws IOException {
        Path dir = Path.of("target/evidence-files-test");
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private long evidenceRows(String round) {
        return db.count("SELECT count(*) FROM evidence WHERE round_id = ?1", round);
    }

    static Response upload(String round, String item, String name, byte[] bytes, String declaredType) {
        return given().multiPart("file", name, bytes, declaredType).post(item(round, item) + "/files");
    }

    @Test
    void aLinkMakesTheItemADraftTouchedByTheEditor() {
        String round = OitFixture.newRound(db);
        given().contentType("application/json")
                .body(Map.of("url", "https://www.kalasin2.go.th/oit/o1", "label", "โครงสร้างหน่วยงาน"))
                .post(item(round, "O1") + "/links")
                .then().statusCode(201)
                .body("version", equalTo(1))
                .body("kind", equalTo("LINK"))
                .body("createdBy", equalTo("editor.evu1"));
        given().get("/units/EVU1/rounds/" + round + "/checklist").then().statusCode(200)
                .body("subIndicators[0].items[0].status", equalTo("DRAFT"))
                .body("subIndicators[0].items[0].updatedBy", equalTo("editor.evu1"))
                .body("subIndicators[0].items[0].evidenceCount", equalTo(1))
                .body("subIndicators[0].progress.draft", equalTo(1));
    }

    @Test
    void aLinkThatIsNotAWebAddressIsRefusedAndNothingIsStored() {
        String round = OitFixture.newRound(db);
        given().contentType("application/json").body(Map.of("url", "javascript:alert(1)"))
                .post(item(round, "O1") + "/links")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:link-invalid"));
        assertThat(evidenceRows(round)).isZero();
    }

    @Test
    void aPdfUploadIsANewVersionWithDetectedTypeSizeHashAndSafeName() throws Exception {
        String round = OitFixture.newRound(db);
        upload(round, "O2", "x.pdf", PDF, "application/pdf").then().statusCode(201).body("version", equalTo(1));
        Response second = upload(round, "O2", "..\\..\\etc/report<script>.pdf", PDF, "application/octet-stream");
        second.then().statusCode(201)
                .body("version", equalTo(2))
                .body("kind", equalTo("FILE"))
                .body("contentType", equalTo("application/pdf"))
                .body("sizeBytes", equalTo(PDF.length))
                .body("sha256", equalTo(sha256(PDF)))
                .body("originalName", equalTo("report_script_.pdf"))
                .body("createdBy", equalTo("editor.evu1"))
                .body("createdAt", notNullValue());
        String id = second.path("id");
        byte[] downloaded = given().get(item(round, "O2") + "/evidence/" + id + "/file")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(downloaded).isEqualTo(PDF);
        given().get(item(round, "O2")).then().statusCode(200)
                .body("versions.version", contains(2, 1))
                .body("requirementTh", equalTo("ข้อกำหนดของ O2"));
    }

    @Test
    void aProgramRenamedToPdfIsRefusedAndLeavesNoFile() throws Exception {
        String round = OitFixture.newRound(db);
        byte[] exe = new byte[4096];
        byte[] header = Files.readAllBytes(Path.of("src/test/resources/files/tiny.exe"));
        System.arraycopy(header, 0, exe, 0, Math.min(header.length, exe.length));
        long before = storedFiles();
        upload(round, "O1", "report.pdf", exe, "application/pdf")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:file-executable"));
        assertThat(evidenceRows(round)).isZero();
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void plainTextNamedPdfIsNotAnAllowedType() {
        String round = OitFixture.newRound(db);
        upload(round, "O1", "notes.pdf", "just some words".getBytes(StandardCharsets.UTF_8), "application/pdf")
                .then().statusCode(415).body("type", equalTo("urn:ita:problem:file-type-not-allowed"));
        assertThat(evidenceRows(round)).isZero();
    }

    @Test
    void aFileOverTheCapIsRefusedWithTheLimitInTheMessage() throws Exception {
        String round = OitFixture.newRound(db);
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        long before = storedFiles();
        upload(round, "O1", "big.pdf", big, "application/pdf")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:file-too-large"))
                .body("detail_en", equalTo("The file is 20,971,521 bytes; at most 20,971,520 bytes are allowed."));
        assertThat(evidenceRows(round)).isZero();
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void malformedMultipartAndAMissingFileAreProblems() {
        String round = OitFixture.newRound(db);
        given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                        .encoderConfig().encodeContentTypeAs("multipart/form-data", io.restassured.http.ContentType.TEXT)))
                .contentType("multipart/form-data; boundary=XYZ")
                .body("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF trunc")
                .post(item(round, "O1") + "/files")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:multipart-malformed"));
        given().multiPart("other", "value").post(item(round, "O1") + "/files")
                .then().statusCode(400).body("type", equalTo("urn:ita:problem:file-missing"));
        assertThat(evidenceRows(round)).isZero();
    }

    @Test
    void anUnknownItemCodeIsNotFound() {
        String round = OitFixture.newRound(db);
        upload(round, "O99", "x.pdf", PDF, "application/pdf").then().statusCode(404)
                .body("type", equalTo("urn:ita:problem:item-not-found"));
    }

    @Test
    void submittingLocksTheItemAndWithdrawingBeforeKeepsHistory() {
        String round = OitFixture.newRound(db);
        given().post(item(round, "O3") + "/submit").then().statusCode(409)
                .body("type", equalTo("urn:ita:problem:item-nothing-to-submit"));
        String first = given().contentType("application/json").body(Map.of("url", "https://example.go.th/a"))
                .post(item(round, "O3") + "/links").then().statusCode(201).extract().path("id");
        given().post(item(round, "O3") + "/evidence/" + first + "/withdraw").then().statusCode(200)
                .body("withdrawnBy", equalTo("editor.evu1"));
        given().post(item(round, "O3") + "/submit").then().statusCode(409);
        upload(round, "O3", "o3.pdf", PDF, "application/pdf").then().statusCode(201).body("version", equalTo(2));
        given().post(item(round, "O3") + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));

        given().contentType("application/json").body(Map.of("url", "https://example.go.th/b"))
                .post(item(round, "O3") + "/links").then().statusCode(409)
                .body("type", equalTo("urn:ita:problem:item-locked"));
        String second = given().get(item(round, "O3")).then().extract().path("versions[0].id");
        given().post(item(round, "O3") + "/evidence/" + second + "/withdraw").then().statusCode(409);
        given().get(item(round, "O3")).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("versions.version", contains(2, 1))
                .body("versions[1].withdrawnAt", notNullValue())
                .body("versions[0].submittedAt", notNullValue());
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE type = 'OitItemSubmitted' "
                + "AND payload->>'roundId' = ?1", round)).isEqualTo(1);
        EventContract.assertMatches("OitItemSubmitted", (String) db.scalar("SELECT CAST(payload AS text) FROM outbox_event "
                + "WHERE type = 'OitItemSubmitted' AND payload->>'roundId' = ?1", round));
    }

    @Test
    @TestSecurity(user = "editor.evu2", roles = "evidence-editor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVU2"))
    void anotherOfficesEditorCannotUploadOrSubmit() {
        String round = OitFixture.newRound(db);
        upload(round, "O1", "x.pdf", PDF, "application/pdf").then().statusCode(403);
        given().post(item(round, "O1") + "/submit").then().statusCode(403);
        assertThat(evidenceRows(round)).isZero();
    }

    @Test
    @TestSecurity(user = "area.eva", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "EVA"))
    void anAreaAdminReadsButCannotAddEvidence() {
        String round = OitFixture.newRound(db);
        given().contentType("application/json").body(Map.of("url", "https://example.go.th/a"))
                .post(item(round, "O1") + "/links").then().statusCode(403);
        given().get(item(round, "O1")).then().statusCode(200).body("status", equalTo("EMPTY"));
    }

    /** A file near the size limit arrives whole (its speed is measured by deploy/bench, upload). */
    @Test
    void aTwentyMegabyteFileIsStoredWhole() throws Exception {
        String round = OitFixture.newRound(db);
        byte[] file = new byte[20 * 1024 * 1024];
        new java.util.Random(7).nextBytes(file);
        System.arraycopy(PDF, 0, file, 0, PDF.length);
        upload(round, "O4", "large.pdf", file, "application/pdf").then().statusCode(201);
        assertThat(db.count("SELECT count(*) FROM evidence WHERE round_id = ?1 AND item_code = 'O4'", round)).isEqualTo(1);
    }
}
