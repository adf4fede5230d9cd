package th.go.ita.survey;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import th.go.ita.platform.testing.ServiceBasicsContract;

import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ServiceBasicsTest extends ServiceBasicsContract {

    @Override
    protected String serviceName() {
        return "survey-service";
    }

    @Override
    protected String thaiTitle() {
        return "ระบบแบบวัด IIT และ EIT";
    }

    // An office's own survey: a staff endpoint whose body is read before anything else is done.
    @Override
    protected BadBody wrongTypedField() {
        return new BadBody("POST", "/units/OBEC/own-surveys",
                "{\"titleTh\": {}, \"questions\": [{\"type\": \"SHORT_TEXT\", \"textTh\": \"ข้อ 1\"}]}", "titleTh");
    }

    // A respondent's submission: the public door, where a wrong instrument must not become a 500.
    @Override
    protected BadBody unknownEnumValue() {
        return new BadBody("POST", "/responses",
                "{\"submissionId\": \"6f1c9a52-3a8e-4a57-9d0e-2b1f4c7d8e90\", \"roundId\": \"R\", \"unitCode\": \"OBEC\","
                        + " \"instrument\": \"NO_SUCH_VALUE\", \"answers\": {}}", "instrument");
    }

    @Override
    protected String pathWithNulByte() {
        return "/units/OB%00EC/own-surveys";
    }

    /**
     * Quarkus resolves a trusted-proxy entry that is not an IPv4 address or a CIDR range as a host
     * name, during the request: with "0:0:0:0:0:0:0:1" (host "0:0:0:0:0:0:0", port 1) every
     * submission waited up to the DNS timeout (5 s) before it was even read.
     */
    @Test
    void trustedProxiesAreAddressesThatNeedNoDnsLookup() {
        String[] entries = ConfigProvider.getConfig()
                .getValue("quarkus.http.proxy.trusted-proxies", String.class).split(",");
        for (String entry : entries) {
            assertTrue(entry.matches("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?") || entry.matches("[0-9a-fA-F:]+/\\d{1,3}"),
                    "an IPv4 address or a CIDR range, not something Quarkus would look up in DNS: " + entry);
        }
    }
}
