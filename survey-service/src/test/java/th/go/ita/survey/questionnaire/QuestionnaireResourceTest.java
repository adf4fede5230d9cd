package th.go.ita.survey.questionnaire;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import th.go.ita.survey.support.ScoringEvents;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class QuestionnaireResourceTest {

    @Test
    void iitOfAnOpenRoundIsRenderedFromItsFrameworkWithoutLogin() {
        ScoringEvents.World world = ScoringEvents.world(8);
        given().when().get("/rounds/{r}/questionnaires/IIT?unit={u}", world.roundId(), world.school())
                .then().statusCode(200)
                .body("instrument", equalTo("IIT"))
                .body("unitCode", equalTo(world.school()))
                .body("frameworkId", equalTo("TEST-FW"))
                .body("sections.code", contains("1", "2"))
                .body("sections[0].name.th", equalTo("การปฏิบัติหน้าที่"))
                .body("sections[0].questions[0].text.th", equalTo("บุคลากรปฏิบัติงานอย่างโปร่งใส"))
                .body("sections[0].questions[0].text.en", equalTo("Staff work transparently"))
                .body("sections[0].questions[0].options.code", contains("4", "3", "2", "1"))
                .body("sections[0].questions[0].yesNo", equalTo(false))
                .body("sections[1].questions[0].yesNo", equalTo(true))
                .body("sections[1].questions[0].options.label.th", contains("มี", "ไม่มี"))
                .body("sections[1].questions[1].required", equalTo(false));
    }

    @Test
    void eitOffersTheFrameworksRespondentCategories() {
        ScoringEvents.World world = ScoringEvents.world(8);
        given().when().get("/rounds/{r}/questionnaires/EIT?unit={u}", world.roundId(), world.area())
                .then().statusCode(200)
                .body("respondentCategories.code", contains("PARENT", "COMMUNITY"))
                .body("sections[0].questions.code", contains("e1", "e2"));
    }

    @Test
    void closedOrDraftRoundsShowNoQuestionnaire() {
        ScoringEvents.World world = ScoringEvents.world(8);
        String closed = ScoringEvents.round(world.area(), "CLOSED", Instant.now().minus(9, ChronoUnit.DAYS),
                Instant.now().minus(1, ChronoUnit.DAYS));
        String notYet = ScoringEvents.round(world.area(), "OPEN", Instant.now().plus(1, ChronoUnit.DAYS),
                Instant.now().plus(9, ChronoUnit.DAYS));
        for (String round : new String[]{closed, notYet}) {
            given().header("Accept-Language", "en").when().get("/rounds/{r}/questionnaires/IIT?unit={u}", round, world.school())
                    .then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:ita:problem:survey-closed"))
                    .body("detail_th", equalTo("แบบวัดนี้ยังไม่เปิดหรือปิดรับคำตอบแล้ว"));
        }
    }

    @Test
    void unknownRoundAndUnitOutsideTheRoundAreNotFound() {
        ScoringEvents.World world = ScoringEvents.world(8);
        ScoringEvents.World other = ScoringEvents.world(8);
        given().when().get("/rounds/{r}/questionnaires/IIT?unit={u}", "no-such-round", world.school())
                .then().statusCode(404).body("type", equalTo("urn:ita:problem:round-not-found"));
        given().when().get("/rounds/{r}/questionnaires/IIT?unit={u}", world.roundId(), other.school())
                .then().statusCode(404).body("type", equalTo("urn:ita:problem:unit-not-in-round"));
        given().when().get("/rounds/{r}/questionnaires/OIT?unit={u}", world.roundId(), world.school())
                .then().statusCode(404);
    }
}
