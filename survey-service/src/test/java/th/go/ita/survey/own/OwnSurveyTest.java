package th.go.ita.survey.own;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import th.go.ita.survey.response.ResponseRelease;
import th.go.ita.survey.support.Db;
import th.go.ita.survey.support.ScoringEvents;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** An office's own survey, from the unit-admin's draft to the public's answers and the results. */
@QuarkusTest
class OwnSurveyTest {

    static final String AREA = "OWN-AREA";
    static final String SCHOOL = "OWN-AREA-S1";
    static final String OTHER = "OWN-OTHER";

    static void units() {
        ScoringEvents.unit(AREA, "OBEC", "/OBEC/" + AREA + "/", 40, 1000);
        ScoringEvents.unit(SCHOOL, AREA, "/OBEC/" + AREA + "/" + SCHOOL + "/", 7, 300);
        ScoringEvents.unit(OTHER, "OBEC", "/OBEC/" + OTHER + "/", 9, 300);
    }

    /** The seed office's kind of survey: satisfaction with its work areas. */
    static Map<String, Object> satisfactionSurvey() {
        return Map.of(
                "titleTh", "ความพึงพอใจต่อการให้บริการ 4 กลุ่มงาน",
                "titleEn", "Satisfaction with our four work areas",
                "introTh", "ใช้เวลาประมาณ 2 นาที",
                "questions", List.of(
                        Map.of("type", "LIKERT_5", "textTh", "ความพึงพอใจต่อการให้บริการโดยรวม",
                                "textEn", "Overall satisfaction", "required", true),
                        Map.of("type", "SINGLE_CHOICE", "textTh", "ท่านติดต่อกลุ่มงานใดบ่อยที่สุด", "required", true,
                                "options", List.of(Map.of("labelTh", "กลุ่มบริหารงานบุคคล", "labelEn", "Personnel"),
                                        Map.of("labelTh", "กลุ่มนโยบายและแผน"), Map.of("labelTh", "กลุ่มส่งเสริมการศึกษา"),
                                        Map.of("labelTh", "กลุ่มอำนวยการ"))),
                        Map.of("type", "MULTIPLE_CHOICE", "textTh", "ช่องทางที่ท่านใช้", "required", false,
                                "options", List.of(Map.of("labelTh", "มาด้วยตนเอง"), Map.of("labelTh", "โทรศัพท์"),
                                        Map.of("labelTh", "LINE"))),
                        Map.of("type", "SHORT_TEXT", "textTh", "ข้อเสนอแนะ", "textEn", "Suggestions", "required", false)));
    }

    static String create(String unit) {
        return given().contentType("application/json").body(satisfactionSurvey())
                .when().post("/units/{u}/own-surveys", unit)
                .then().statusCode(201).extract().path("id");
    }

    @Inject
    ResponseRelease release;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Bangkok"));
    }

    /** The answers waiting now were given on a day that has ended: the release lets them go. */
    void dayIsOver(String surveyId) {
        Db.update("UPDATE own_survey_response SET submitted_on = ? WHERE survey_id = CAST(? AS uuid) AND NOT released",
                java.sql.Date.valueOf(today().minusDays(1)), surveyId);
        release.releaseDue(today());
    }

    static ValidatableResponse answer(String token, Object body) {
        return given().header("X-Forwarded-For", newAddress()).contentType("application/json").body(body)
                .when().post("/own-surveys/{t}/responses", token).then();
    }

    static Map<String, Object> response(Object... pairs) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            answers.put((String) pairs[i], pairs[i + 1]);
        }
        return new LinkedHashMap<>(Map.of("submissionId", UUID.randomUUID().toString(), "answers", answers));
    }

    static String newAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    static String tokenOf(String publicUrl) {
        return publicUrl.substring(publicUrl.lastIndexOf('/') + 1);
    }

    @Test
    @TestSecurity(user = "unit.school", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = SCHOOL))
    void unitAdminPublishesASurveyAnyoneAnswersAnonymouslyAndStaffSeeAggregatesAndExports() throws Exception {
        units();
        String id = create(SCHOOL);
        String publicUrl = given().when().get("/units/{u}/own-surveys/{id}", SCHOOL, id)
                .then().statusCode(200)
                .body("state", equalTo("DRAFT"))
                .body("questions.code", equalTo(List.of("q1", "q2", "q3", "q4")))
                .body("questions[0].options.label.th", equalTo(List.of("น้อยที่สุด", "น้อย", "ปานกลาง", "มาก", "มากที่สุด")))
                .body("questions[1].options.code", equalTo(List.of("1", "2", "3", "4")))
                .body("publicUrl", startsWith("http://localhost:8080/o/"))
                .extract().path("publicUrl");
        String token = tokenOf(publicUrl);
        given().when().get("/own-surveys/{t}", token).then().statusCode(404);

        given().contentType("application/json").body(Map.of("state", "OPEN"))
                .when().post("/units/{u}/own-surveys/{id}/state", SCHOOL, id)
                .then().statusCode(200).body("state", equalTo("OPEN"));
        given().auth().none().when().get("/own-surveys/{t}", token).then().statusCode(200)
                .body("title.th", equalTo("ความพึงพอใจต่อการให้บริการ 4 กลุ่มงาน"))
                .body("unitName.th", equalTo("หน่วยทดสอบ " + SCHOOL))
                .body("questions", hasSize(4));
        assertThat(given().auth().none().when().get("/own-surveys/{t}/qr.svg", token).then().statusCode(200)
                .contentType("image/svg+xml").extract().asString()).contains("<svg").contains("<path d=\"M");

        List<Map<String, Object>> responses = List.of(
                response("q1", "5", "q2", "1", "q3", List.of("1", "3"), "q4", "บริการรวดเร็ว"),
                response("q1", "4", "q2", "1", "q3", List.of("3")),
                response("q1", 4, "q2", "2", "q4", "  อยากให้มีป้ายบอกทาง "),
                response("q1", "3", "q2", "4", "q3", List.of()),
                response("q1", "5", "q2", "1", "q4", "เจ้าหน้าที่สุภาพ"),
                response("q1", "4", "q2", "3"));
        for (Map<String, Object> r : responses) {
            answer(token, r).statusCode(201).body("status", equalTo("received"));
        }
        answer(token, responses.get(0)).statusCode(200).body("status", equalTo("already-received"));
        release.releaseDue(today());

        List<Map<String, Object>> stored = Db.rows("SELECT row_to_json(r)::text AS json FROM own_survey_response r "
                + "WHERE survey_id = CAST(? AS uuid)", id);
        assertThat(stored).hasSize(6);
        assertThat(Db.rows("SELECT column_name FROM information_schema.columns WHERE table_name = 'own_survey_response'"))
                .extracting(r -> r.get("column_name"))
                .containsExactlyInAnyOrder("id", "survey_id", "answers", "submitted_on", "released");
        for (Map<String, Object> r : stored) {
            assertThat((String) r.get("json")).doesNotContain("10.").doesNotContain("unit.school");
        }

        given().when().get("/units/{u}/own-surveys/{id}/results", SCHOOL, id)
                .then().statusCode(200)
                .body("responses", equalTo(6))
                .body("breakdownHidden", equalTo(false))
                // (5+4+4+3+5+4)/6 = 4.1666… → 4.17
                .body("questions[0].mean", equalTo(4.17f))
                .body("questions[0].options.count", equalTo(List.of(0, 0, 1, 3, 2)))
                .body("questions[1].options.count", equalTo(List.of(3, 1, 1, 1)))
                .body("questions[2].answered", equalTo(2))
                .body("questions[2].options.count", equalTo(List.of(1, 0, 2)))
                .body("questions[3].texts", equalTo(List.of("เจ้าหน้าที่สุภาพ", "บริการรวดเร็ว", "อยากให้มีป้ายบอกทาง")));

        String csv = new String(given().when().get("/units/{u}/own-surveys/{id}/results.csv", SCHOOL, id)
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFข้อ (question),คำถาม (text),ตัวเลือก (option)")
                .contains("จำนวนผู้ตอบ (responses),,,6,,")
                .contains("q1,ความพึงพอใจต่อการให้บริการโดยรวม,,6,,4.17")
                .contains("q2,ท่านติดต่อกลุ่มงานใดบ่อยที่สุด,กลุ่มบริหารงานบุคคล,3,50.00,")
                .contains("q4,ข้อเสนอแนะ,บริการรวดเร็ว,,,");

        byte[] xlsx = given().when().get("/units/{u}/own-surveys/{id}/results.xlsx", SCHOOL, id)
                .then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("ข้อ (question)");
            List<String> meanRows = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getCell(5) != null && row.getCell(5).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    meanRows.add(row.getCell(0).getStringCellValue() + "=" + row.getCell(5).getNumericCellValue());
                }
            }
            assertThat(meanRows).containsExactly("q1=4.17");
        }

        given().contentType("application/json").body(Map.of("state", "CLOSED"))
                .when().post("/units/{u}/own-surveys/{id}/state", SCHOOL, id)
                .then().statusCode(200).body("state", equalTo("CLOSED"));
        answer(token, response("q1", "5", "q2", "1")).statusCode(410)
                .body("type", equalTo("urn:ita:problem:own-survey-closed"));
        assertThat(Db.count("SELECT count(*) FROM own_survey_response WHERE survey_id = CAST(? AS uuid)", id)).isEqualTo(6);
    }

    @Test
    @TestSecurity(user = "unit.school", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = SCHOOL))
    void fewResponsesShowNoBreakdownAndResultsArePublicOnlyOnceMarkedSoAndNeverWithTexts() {
        units();
        String id = create(SCHOOL);
        String token = tokenOf(given().contentType("application/json").body(Map.of("state", "OPEN"))
                .when().post("/units/{u}/own-surveys/{id}/state", SCHOOL, id).then().extract().path("publicUrl"));
        for (int i = 0; i < 3; i++) {
            answer(token, response("q1", "5", "q2", "1", "q4", "ข้อความที่ระบุตัวได้")).statusCode(201);
            release.releaseDue(today());
            // The diff attack: no single answer moves the results.
            given().when().get("/units/{u}/own-surveys/{id}/results", SCHOOL, id).then().statusCode(200)
                    .body("responses", equalTo(0));
        }
        dayIsOver(id);
        given().when().get("/units/{u}/own-surveys/{id}/results", SCHOOL, id)
                .then().statusCode(200)
                .body("responses", equalTo(3))
                .body("breakdownHidden", equalTo(true))
                .body("questions[0].mean", nullValue())
                .body("questions[3].texts", nullValue());

        given().auth().none().when().get("/own-surveys/{t}/results", token).then().statusCode(404)
                .body("type", equalTo("urn:ita:problem:own-survey-results-not-public"));
        String resultsUrl = given().contentType("application/json").body(Map.of("resultsPublic", true))
                .when().put("/units/{u}/own-surveys/{id}/results-public", SCHOOL, id)
                .then().statusCode(200).body("resultsPublic", equalTo(true)).extract().path("resultsUrl");
        assertThat(resultsUrl).isEqualTo("http://localhost:8080/api/survey/own-surveys/" + token + "/results");

        for (int i = 0; i < 2; i++) {
            answer(token, response("q1", "4", "q2", "2", "q4", "อีกข้อความ")).statusCode(201);
        }
        dayIsOver(id);
        given().auth().none().when().get("/own-surveys/{t}/results", token).then().statusCode(200)
                .body("responses", equalTo(5))
                .body("breakdownHidden", equalTo(false))
                .body("questions[0].mean", equalTo(4.6f))
                .body("questions[3].answered", equalTo(5))
                .body("questions[3]", not(org.hamcrest.Matchers.hasKey("texts")));
    }

    @Test
    @TestSecurity(user = "unit.school", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = SCHOOL))
    void anotherOfficesSurveysAreOutOfReach() {
        units();
        given().contentType("application/json").body(satisfactionSurvey())
                .when().post("/units/{u}/own-surveys", OTHER)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:unit-out-of-scope"))
                .body("detail_th", notNullValue()).body("detail_en", notNullValue());
        given().when().get("/units/{u}/own-surveys", OTHER).then().statusCode(403);
        given().when().get("/units/{u}/own-surveys", AREA).then().statusCode(403);
        assertThat(Db.count("SELECT count(*) FROM own_survey WHERE unit_code = ?", OTHER)).isZero();
    }

    @Test
    @TestSecurity(user = "area", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = AREA))
    void areaAdminManagesSurveysOfSchoolsBelowButASurveyIdUnderAnotherUnitIsNotFound() {
        units();
        String id = create(SCHOOL);
        given().when().get("/units/{u}/own-surveys", SCHOOL).then().statusCode(200).body("id", hasItem(id));
        given().when().get("/units/{u}/own-surveys/{id}", AREA, id).then().statusCode(404)
                .body("type", equalTo("urn:ita:problem:own-survey-not-found"));
        given().contentType("application/json").body(satisfactionSurvey())
                .when().post("/units/{u}/own-surveys", OTHER).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "evidence", roles = "evidence-editor")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = SCHOOL))
    void otherRolesCannotBuildSurveys() {
        units();
        given().contentType("application/json").body(satisfactionSurvey())
                .when().post("/units/{u}/own-surveys", SCHOOL).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "unit.school", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = SCHOOL))
    void badInputIsRefusedInThaiAndEnglishAndChangesNothing() {
        units();
        long surveysBefore = Db.count("SELECT count(*) FROM own_survey");
        given().contentType("application/json").header("Accept-Language", "en")
                .body(Map.of("titleTh", " ", "questions", List.of()))
                .when().post("/units/{u}/own-surveys", SCHOOL)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:invalid-input"))
                .body("detail_th", equalTo("ข้อมูลบางช่องไม่ถูกต้อง กรุณาแก้ไขตามรายการข้อผิดพลาด"))
                .body("detail", equalTo("Some fields are not valid. Please correct the listed errors."))
                .body("errors.field", hasItem("titleTh"))
                .body("errors.field", hasItem("questions"));
        given().contentType("application/json")
                .body(Map.of("titleTh", "แบบสำรวจ", "questions", List.of(Map.of("type", "SINGLE_CHOICE", "textTh", "เลือก",
                        "options", List.of(Map.of("labelTh", "ตัวเดียว"))))))
                .when().post("/units/{u}/own-surveys", SCHOOL)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("questions[0].options"))
                .body("errors[0].message_th", equalTo("คำถามแบบเลือกตอบต้องมีตัวเลือกอย่างน้อย 2 ตัวเลือก"))
                .body("errors[0].message_en", equalTo("A choice question needs at least 2 options"));
        given().contentType("application/json")
                .body(Map.of("titleTh", "แบบสำรวจ", "questions", List.of(Map.of("type", "ESSAY", "textTh", "เขียน"))))
                .when().post("/units/{u}/own-surveys", SCHOOL)
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"titleTh\": ")
                .when().post("/units/{u}/own-surveys", SCHOOL)
                .then().statusCode(400).body("type", equalTo("urn:ita:problem:malformed-json"));
        given().when().get("/units/{u}/own-surveys/{id}", SCHOOL, "not-a-survey-id")
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(Db.count("SELECT count(*) FROM own_survey")).isEqualTo(surveysBefore);

        String id = create(SCHOOL);
        given().contentType("application/json").body(Map.of("state", "CLOSED"))
                .when().post("/units/{u}/own-surveys/{id}/state", SCHOOL, id)
                .then().statusCode(409).body("type", equalTo("urn:ita:problem:own-survey-state"));
        String token = tokenOf(given().contentType("application/json").body(Map.of("state", "OPEN"))
                .when().post("/units/{u}/own-surveys/{id}/state", SCHOOL, id).then().statusCode(200)
                .extract().path("publicUrl"));
        given().contentType("application/json")
                .body(Map.of("titleTh", "เปลี่ยนคำถามหลังเปิด", "questions", List.of(Map.of("type", "SHORT_TEXT", "textTh", "อื่น ๆ"))))
                .when().put("/units/{u}/own-surveys/{id}", SCHOOL, id)
                .then().statusCode(409).body("type", equalTo("urn:ita:problem:own-survey-not-draft"));
        given().when().get("/units/{u}/own-surveys/{id}", SCHOOL, id).then()
                .body("title.th", equalTo("ความพึงพอใจต่อการให้บริการ 4 กลุ่มงาน")).body("questions", hasSize(4));

        long seenBefore = Db.count("SELECT count(*) FROM own_submission_seen");
        answer(token, response("q1", "7", "q2", "9", "q3", List.of("1", "8"), "q4", "x".repeat(1001), "q99", "1"))
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:invalid-answers"))
                .body("errors.field", equalTo(List.of("answers.q99", "answers.q1", "answers.q2", "answers.q3", "answers.q4")));
        answer(token, response("q3", List.of("1"))).statusCode(422)
                .body("errors.field", equalTo(List.of("answers.q1", "answers.q2")))
                .body("errors[0].message_th", equalTo("ข้อนี้ต้องตอบ"));
        answer(token, Map.of("answers", Map.of("q1", "5"))).statusCode(400);
        Map<String, Object> nullAnswers = new LinkedHashMap<>();
        nullAnswers.put("submissionId", UUID.randomUUID().toString());
        nullAnswers.put("answers", null);
        answer(token, nullAnswers).statusCode(400).contentType("application/problem+json");
        assertThat(Db.count("SELECT count(*) FROM own_survey_response WHERE survey_id = CAST(? AS uuid)", id)).isZero();
        assertThat(Db.count("SELECT count(*) FROM own_submission_seen")).isEqualTo(seenBefore);
    }

    @Test
    void oneAddressIsLimitedLikeIitAndEitSubmissions() {
        String address = newAddress();
        int refused = 0;
        for (int i = 0; i < 61; i++) {
            int status = given().header("X-Forwarded-For", address).contentType("application/json")
                    .body(response("q1", "5")).when().post("/own-surveys/{t}/responses", "no-such-survey")
                    .then().extract().statusCode();
            assertThat(status).isIn(404, 429);
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).isEqualTo(1);
    }
}
