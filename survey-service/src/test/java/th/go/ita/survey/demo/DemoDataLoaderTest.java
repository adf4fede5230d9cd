package th.go.ita.survey.demo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import th.go.ita.survey.support.Db;
import th.go.ita.survey.support.ScoringEvents;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The seed office's own satisfaction survey in the demo: there once the office has arrived from
 * scoring, answered, with public results, and never twice. (The scheduled job is off in tests,
 * so the test calls what it calls.)
 */
@QuarkusTest
class DemoDataLoaderTest {

    @Inject
    DemoDataLoader loader;

    @Test
    @TestSecurity(user = "unit.kalasin2", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = DemoDataLoader.OFFICE))
    void theOfficesSatisfactionSurveyIsLoadedOnceWithPublicResults() {
        if (Db.count("SELECT count(*) FROM unit WHERE code = ?", DemoDataLoader.OFFICE) == 0) {
            assertThat(loader.load()).as("nothing to attach the survey to before the office is known").isZero();
        }
        ScoringEvents.unit(DemoDataLoader.OFFICE, "OBEC", "/OBEC/KALASIN2/", 67, 2000);

        int first = loader.load();
        int again = loader.load();
        assertThat(first).as("the survey and its responses").isEqualTo(1 + DemoDataLoader.RESPONSES);
        assertThat(again).as("a second start adds nothing").isZero();
        assertThat(Db.count("SELECT count(*) FROM own_survey WHERE unit_code = ?", DemoDataLoader.OFFICE)).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM own_survey_response WHERE survey_id = ?", DemoDataLoader.SURVEY_ID))
                .isEqualTo(DemoDataLoader.RESPONSES);

        // The coordinator finds it on her screen, open, public, clearly marked as made up.
        given().when().get("/units/{u}/own-surveys", DemoDataLoader.OFFICE).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(DemoDataLoader.SURVEY_ID.toString()))
                .body("[0].title.th", endsWith("(ข้อมูลสาธิต)"))
                .body("[0].state", equalTo("OPEN"))
                .body("[0].resultsPublic", equalTo(true))
                .body("[0].responses", equalTo(DemoDataLoader.RESPONSES))
                .body("[0].questions.type", equalTo(List.of("LIKERT_5", "LIKERT_5", "LIKERT_5", "LIKERT_5",
                        "LIKERT_5", "LIKERT_5", "LIKERT_5", "LIKERT_5", "SHORT_TEXT")));
        String url = given().when().get("/units/{u}/own-surveys/{id}", DemoDataLoader.OFFICE, DemoDataLoader.SURVEY_ID)
                .then().statusCode(200).extract().path("publicUrl");
        String token = url.substring(url.lastIndexOf('/') + 1);

        // Anyone sees the aggregates of the four work areas; the made-up suggestions stay with staff.
        given().auth().none().when().get("/own-surveys/{t}/results", token).then().statusCode(200)
                .body("responses", equalTo(DemoDataLoader.RESPONSES))
                .body("questions[0].text.th", equalTo("งานด้านวิชาการ: การให้บริการรวดเร็ว ถูกต้อง ตามขั้นตอนที่กำหนด"))
                .body("questions[6].text.th", org.hamcrest.Matchers.startsWith("งานด้านบริหารงานทั่วไป"))
                .body("questions.findAll { it.type == 'LIKERT_5' }.mean", everyItem(notNullValue()))
                .body("questions[8].texts", org.hamcrest.Matchers.nullValue());
        String html = given().auth().none().when().get("/own-surveys/{t}/results.html", token)
                .then().statusCode(200).extract().asString();
        assertThat(html).contains("(ข้อมูลสาธิต)", "งานด้านแผนและงบประมาณ", "งานด้านบริหารงานบุคคล",
                "จำนวนผู้ตอบ <strong>30</strong>");
        given().when().get("/units/{u}/own-surveys/{id}/results", DemoDataLoader.OFFICE, DemoDataLoader.SURVEY_ID)
                .then().statusCode(200).body("questions[8].texts.size()", org.hamcrest.Matchers.greaterThan(0));

        // Stored like real responses: answers and a day, nothing that could tell respondents apart.
        List<Map<String, Object>> columns = Db.rows("""
                SELECT column_name FROM information_schema.columns WHERE table_name = 'own_survey_response'
                ORDER BY column_name""");
        assertThat(columns).extracting(c -> c.get("column_name"))
                .containsExactly("answers", "id", "released", "submitted_on", "survey_id");
    }
}
