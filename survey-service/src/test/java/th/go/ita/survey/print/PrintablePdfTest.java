package th.go.ita.survey.print;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.lowagie.text.pdf.PdfString;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import th.go.ita.platform.testing.PdfText;
import th.go.ita.survey.support.Db;
import th.go.ita.survey.support.ScoringEvents;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Printable slips and posters are opened and read back, as a PDF viewer (or a printer) would. */
@QuarkusTest
class PrintablePdfTest {

    static final String AREA = "PDF-AREA";
    static final String SCHOOL = "PDF-AREA-S1";
    static final String OTHER = "PDF-OTHER";
    private static final Pattern CODE = Pattern.compile("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}");

    static String openRound() {
        ScoringEvents.unit(AREA, "OBEC", "/OBEC/" + AREA + "/", 40, 1000);
        ScoringEvents.unit(SCHOOL, AREA, "/OBEC/" + AREA + "/" + SCHOOL + "/", 7, 300);
        ScoringEvents.unit(OTHER, "OBEC", "/OBEC/" + OTHER + "/", 9, 300);
        return ScoringEvents.round("OBEC", "OPEN", Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(9, ChronoUnit.DAYS));
    }

    @Test
    @TestSecurity(user = "unit.school", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = SCHOOL))
    void slipsPdfOfANewBatchCarriesEveryCodeWithItsQrLinkUnitRoundAndTheAnonymityNote() throws Exception {
        String round = openRound();
        byte[] pdf = given().contentType("application/json").accept("application/pdf").body("{\"count\":12}")
                .when().post("/rounds/{r}/units/{u}/access-codes", round, SCHOOL)
                .then().statusCode(201)
                .contentType("application/pdf")
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", startsWith("attachment; filename=\"iit-slips-" + SCHOOL))
                .extract().asByteArray();

        java.nio.file.Files.write(java.nio.file.Path.of("target", "iit-slips.pdf"), pdf); // to look at after a run
        PdfReader reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).as("six slips to a page").isEqualTo(2);
        // The codes are set in Courier, the rest in the shaped Thai font, whose words are read from /ActualText.
        StringBuilder text = new StringBuilder();
        StringBuilder glyphs = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(PdfText.of(reader, page)).append('\n');
            glyphs.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        List<String> codes = new ArrayList<>();
        Matcher matcher = CODE.matcher(glyphs);
        while (matcher.find()) {
            codes.add(matcher.group());
        }
        assertThat(codes).hasSize(12).doesNotHaveDuplicates();
        assertThat(text.toString().replaceAll("\\s+", ""))
                .contains("หน่วยทดสอบ" + SCHOOL)
                .contains("ปีงบประมาณ2569")
                .contains("ไม่ระบุตัวตน");
        assertThat(text.toString().replaceAll("\\s+", "").split("แล้วพิมพ์รหัสนี้", -1))
                .as("every slip is printed whole, down to its last line").hasSize(13);

        String surveyUrl = "http://localhost:8080/s/" + round + "/" + SCHOOL + "/iit";
        assertThat(linksOf(reader)).as("each QR leads to the survey with its own code in the fragment")
                .containsExactlyInAnyOrderElementsOf(codes.stream().map(c -> surveyUrl + "#code=" + c).toList());
        assertThat(embeddedFonts(reader)).anyMatch(name -> name.contains("Laksaman"));

        assertThat(Db.count("SELECT count(*) FROM access_code WHERE round_id = ? AND unit_code = ?", round, SCHOOL))
                .isEqualTo(12);
        given().when().get("/rounds/{r}/units/{u}/access-codes", round, SCHOOL)
                .then().body("generated", equalTo(12)).body("unused", equalTo(12));
    }

    @Test
    @TestSecurity(user = "unit.school", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = SCHOOL))
    void slipsForAnotherOfficeAreRefusedAndNoCodeIsMade() {
        String round = openRound();
        given().contentType("application/json").accept("application/pdf").body("{\"count\":3}")
                .when().post("/rounds/{r}/units/{u}/access-codes", round, OTHER)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:unit-out-of-scope"));
        given().contentType("application/json").accept("application/pdf").body("{\"count\":0}")
                .when().post("/rounds/{r}/units/{u}/access-codes", round, SCHOOL)
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(Db.count("SELECT count(*) FROM access_code WHERE round_id = ?", round)).isZero();
    }

    @Test
    @TestSecurity(user = "unit.school", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = SCHOOL))
    void posterOfAPublicLinkHasTheThaiHeadlineWhyItMattersABigQrAndTheLinkInText() throws Exception {
        String round = openRound();
        String url = given().when().get("/rounds/{r}/units/{u}/eit-link", round, SCHOOL)
                .then().statusCode(200).extract().path("url");
        String token = url.substring(url.lastIndexOf('/') + 1);

        // Public, like the QR images: the poster is printed and pinned up, no login involved.
        byte[] pdf = given().auth().none().when().get("/links/{t}/poster.pdf", token)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "eit-poster.pdf"), pdf); // to look at after a run
        PdfReader reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        String text = PdfText.of(reader, 1).replaceAll("\\s+", "");
        assertThat(text)
                .contains("ร่วมประเมินความโปร่งใสของหน่วยทดสอบ" + SCHOOL)
                .contains("ไม่ต้องระบุชื่อ")
                .contains(url)
                .contains("แบบวัดEIT");
        assertThat(linksOf(reader)).containsExactly(url);
        assertThat(embeddedFonts(reader)).anyMatch(name -> name.contains("Laksaman"));

        given().when().get("/links/{t}/poster.pdf", "no-such-link").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:link-not-found"));
    }

    /** URIs of the link annotations on all pages. */
    static List<String> linksOf(PdfReader reader) {
        List<String> uris = new ArrayList<>();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            PdfArray annots = reader.getPageN(page).getAsArray(PdfName.ANNOTS);
            if (annots == null) {
                continue;
            }
            for (int i = 0; i < annots.size(); i++) {
                PdfDictionary annot = annots.getAsDict(i);
                PdfDictionary action = annot == null ? null : annot.getAsDict(PdfName.A);
                PdfString uri = action == null ? null : action.getAsString(PdfName.URI);
                if (uri != null) {
                    uris.add(uri.toUnicodeString());
                }
            }
        }
        return uris;
    }

    /** Names of fonts whose program is inside the file (not merely referenced). */
    static List<String> embeddedFonts(PdfReader reader) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < reader.getXrefSize(); i++) {
            PdfObject object = reader.getPdfObject(i);
            if (object instanceof PdfDictionary dict && PdfName.FONTDESCRIPTOR.equals(dict.getAsName(PdfName.TYPE))
                    && (dict.get(PdfName.FONTFILE2) != null || dict.get(PdfName.FONTFILE3) != null)) {
                names.add(PdfName.decodeName(dict.getAsName(PdfName.FONTNAME).toString()));
            }
        }
        return names;
    }
}
