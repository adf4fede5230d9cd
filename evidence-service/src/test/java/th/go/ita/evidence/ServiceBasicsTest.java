package th.go.ita.evidence;

import io.quarkus.test.junit.QuarkusTest;
import th.go.ita.platform.testing.ServiceBasicsContract;

/**
 * The basics every service shares (platform/testing), with probes at evidence's own JSON bodies:
 * an editor's link and an auditor's verdict. The body is read before the unit or round is looked
 * up, so the probes need neither to exist.
 */
@QuarkusTest
class ServiceBasicsTest extends ServiceBasicsContract {

    private static final String ITEM = "/units/EVU1/rounds/R-PROBE/items/O1";

    @Override
    protected String serviceName() {
        return "evidence-service";
    }

    @Override
    protected String thaiTitle() {
        return "ระบบหลักฐาน OIT และการเปิดเผยข้อมูล";
    }

    @Override
    protected BadBody wrongTypedField() {
        return new BadBody("POST", ITEM + "/links", "{\"url\": {}, \"label\": \"โครงสร้าง\"}", "url");
    }

    @Override
    protected BadBody unknownEnumValue() {
        return new BadBody("POST", ITEM + "/review", "{\"verdict\": \"NO_SUCH_VALUE\"}", "verdict");
    }

    @Override
    protected String pathWithNulByte() {
        return "/units/EV%00U1/rounds/R-PROBE/checklist";
    }
}
