package th.go.ita.survey.own;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import th.go.ita.survey.support.Db;
import th.go.ita.survey.support.ScoringEvents;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static th.go.ita.survey.own.OwnSurveyTest.answer;
import static th.go.ita.survey.own.OwnSurveyTest.response;
import static th.go.ita.survey.own.OwnSurveyTest.tokenOf;

/** The public results page an office prints or links as OIT evidence: plain HTML, Thai first. */
@QuarkusTest
class OwnResultsPageTest {

    @jakarta.inject.Inject
    th.go.ita.survey.response.ResponseRelease release;

    static final String UNIT = "PAGE-AREA";

    /** Staff texts that would run as script, or break the markup, if the page did not escape them. */
    static Map<String, Object> surveyWithHostileTexts() {
        return Map.of(
                "titleTh", "ความพึงพอใจ <b>ด้านวิชาการ</b> & งบประมาณ",
                "titleEn", "Satisfaction \"academic\"",
                "questions", List.of(
                        Map.of("type", "LIKERT_5", "textTh", "การให้บริการ <script>alert('x')</script>",
                                "textEn", "Service", "required", true),
                        Map.of("type", "SINGLE_CHOICE", "textTh", "ท่านคือ", "required", true,
                                "options", List.of(Map.of("labelTh", "ครู", "labelEn", "Teacher"),
                                        Map.of("labelTh", "ผู้ปกครอง <img src=x onerror=alert(1)>"))),
                        Map.of("type", "SHORT_TEXT", "textTh", "ข้อเสนอแนะ", "required", false)));
    }

    @Test
    @TestSecurity(user = "unit.page", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = UNIT))
    void publicPageShowsCountsAndMeansEscapedWithoutTextsAndOnlyOnceMadePublic() {
        ScoringEvents.unit(UNIT, "OBEC", "/OBEC/" + UNIT + "/", 20, 500);
        String id = given().contentType("application/json").body(surveyWithHostileTexts())
                .when().post("/units/{u}/own-surveys", UNIT).then().statusCode(201).extract().path("id");
        String token = tokenOf(given().contentType("application/json").body(Map.of("state", "OPEN"))
                .when().post("/units/{u}/own-surveys/{id}/state", UNIT, id).then().statusCode(200)
                .extract().path("publicUrl"));
        for (String[] a : new String[][]{{"5", "1"}, {"4", "1"}, {"4", "2"}, {"5", "1"}, {"3", "2"}}) {
            answer(token, response("q1", a[0], "q2", a[1], "q3", "ชื่อผู้ตอบ นายสมชาย")).statusCode(201);
        }
        release.releaseDue(LocalDate.now(ZoneId.of("Asia/Bangkok")));

        // Not public yet: a page a person can read says so, in Thai and English, with no survey text.
        Response hidden = given().auth().none().when().get("/own-surveys/{t}/results.html", token);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.contentType()).startsWith("text/html");
        assertThat(hidden.asString()).contains("ไม่พบผลการสำรวจที่เปิดเผย", "No public survey results here")
                .doesNotContain("ความพึงพอใจ");

        String pageUrl = given().contentType("application/json").body(Map.of("resultsPublic", true))
                .when().put("/units/{u}/own-surveys/{id}/results-public", UNIT, id)
                .then().statusCode(200).extract().path("resultsPageUrl");
        assertThat(pageUrl).isEqualTo("http://localhost:8080/api/survey/own-surveys/" + token + "/results.html");

        Response page = given().auth().none().when().get("/own-surveys/{t}/results.html", token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html").containsIgnoringCase("charset=utf-8");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        String html = page.asString();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"th\">")
                .doesNotContain("<script", "<img", "<b>")
                .contains("ความพึงพอใจ &lt;b&gt;ด้านวิชาการ&lt;/b&gt; &amp; งบประมาณ")
                .contains("Satisfaction &quot;academic&quot;")
                .contains("การให้บริการ &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("ผู้ปกครอง &lt;img src=x onerror=alert(1)&gt;")
                .contains("หน่วยทดสอบ " + UNIT)
                .contains("จำนวนผู้ตอบ <strong>5</strong>")
                // Likert 5,4,4,5,3: mean 4.20; "มาก" (4) twice out of 5 answers = 40.00 %.
                .contains("ค่าเฉลี่ย (เต็ม 5) 4.20")
                .containsPattern("มาก <span lang=\"en\" class=\"en\">\\(High\\)</span></td><td class=\"n\">2</td><td class=\"n\">40.00")
                .containsPattern("ครู <span lang=\"en\" class=\"en\">\\(Teacher\\)</span></td><td class=\"n\">3</td><td class=\"n\">60.00")
                .contains("คำตอบที่เป็นข้อความเห็นได้เฉพาะเจ้าหน้าที่")
                .doesNotContain("นายสมชาย")
                .contains(pageUrl);
    }

    @Test
    @TestSecurity(user = "unit.page", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = UNIT))
    void fewResponsesGiveNoFiguresOnThePublicPage() {
        ScoringEvents.unit(UNIT, "OBEC", "/OBEC/" + UNIT + "/", 20, 500);
        String id = given().contentType("application/json").body(surveyWithHostileTexts())
                .when().post("/units/{u}/own-surveys", UNIT).then().statusCode(201).extract().path("id");
        String token = tokenOf(given().contentType("application/json").body(Map.of("state", "OPEN"))
                .when().post("/units/{u}/own-surveys/{id}/state", UNIT, id).then().extract().path("publicUrl"));
        answer(token, response("q1", "1", "q2", "2")).statusCode(201);
        // A day's single leftover, released once the day is over.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Bangkok"));
        Db.update("UPDATE own_survey_response SET submitted_on = ? WHERE survey_id = CAST(? AS uuid)",
                java.sql.Date.valueOf(today.minusDays(1)), id);
        release.releaseDue(today);
        given().contentType("application/json").body(Map.of("resultsPublic", true))
                .when().put("/units/{u}/own-surveys/{id}/results-public", UNIT, id).then().statusCode(200);

        String html = given().auth().none().when().get("/own-surveys/{t}/results.html", token)
                .then().statusCode(200).extract().asString();
        assertThat(html).contains("ผลรายข้อจะแสดงเมื่อมีผู้ตอบอย่างน้อย 5 คน")
                .contains("จำนวนผู้ตอบ <strong>1</strong>")
                .doesNotContain("ค่าเฉลี่ย (เต็ม 5)", "<table");
    }

    @Test
    void anUnknownOrMalformedTokenGetsTheSameReadableNotFoundPage() {
        for (String token : List.of("no-such-token", "%3Cscript%3E", "x".repeat(300))) {
            Response page = given().auth().none().urlEncodingEnabled(false)
                    .when().get("/own-surveys/" + token + "/results.html");
            assertThat(page.statusCode()).as(token).isEqualTo(404);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.asString()).contains("ไม่พบผลการสำรวจที่เปิดเผย").doesNotContain("<script>");
        }
        // The JSON twin keeps answering problem+json for programs.
        given().auth().none().when().get("/own-surveys/{t}/results", "no-such-token").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }
}
