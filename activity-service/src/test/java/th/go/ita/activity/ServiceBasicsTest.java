package th.go.ita.activity;

import io.quarkus.test.junit.QuarkusTest;
import th.go.ita.platform.testing.ServiceBasicsContract;

@QuarkusTest
class ServiceBasicsTest extends ServiceBasicsContract {

    // A plan's activity has a date, an enumeration and a JSON body read before any scope check.
    private static final String ACTIVITIES = "/units/OBEC/plans/2599/activities";

    @Override
    protected String serviceName() {
        return "activity-service";
    }

    @Override
    protected String thaiTitle() {
        return "ระบบกิจกรรม METTA และ PDCA";
    }

    @Override
    protected BadBody wrongTypedField() {
        return new BadBody("POST", ACTIVITIES, """
                {"name": "วิเคราะห์ความเสี่ยง", "mettaElements": ["EXPLORE"], "pdcaPhase": "PLAN", "startsOn": {}}""",
                "startsOn");
    }

    @Override
    protected BadBody unknownEnumValue() {
        return new BadBody("POST", ACTIVITIES, """
                {"name": "วิเคราะห์ความเสี่ยง", "mettaElements": ["EXPLORE"], "pdcaPhase": "NO_SUCH_VALUE"}""",
                "pdcaPhase");
    }

    @Override
    protected String pathWithNulByte() {
        return "/units/OBEC%00/plans";
    }
}
