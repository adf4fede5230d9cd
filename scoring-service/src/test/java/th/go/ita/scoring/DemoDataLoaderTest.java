package th.go.ita.scoring;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;
import th.go.ita.scoring.framework.Framework;
import th.go.ita.scoring.framework.FrameworkService;
import th.go.ita.scoring.framework.FrameworkVersion;
import th.go.ita.scoring.framework.Provenance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.UUID;
import th.go.ita.scoring.demo.DemoDataLoader;
import th.go.ita.scoring.round.AssessmentRound;
import th.go.ita.scoring.unit.Unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DemoDataLoaderTest {

    @Inject
    DemoDataLoader loader;

    @Inject
    FrameworkService frameworks;

    @Test
    @Transactional
    void loadingTwiceAddsNothingTheSecondTimeAndKeepsTheSeedOfficeExact() {
        loader.load();
        long units = Unit.count();
        assertEquals(0, loader.load(), "a second load adds nothing");
        assertEquals(units, Unit.count());

        Unit seed = Unit.findById("KALASIN2");
        assertEquals("/OBEC/KALASIN2/", seed.path);
        assertEquals(67, seed.staffCount);
        assertFalse(seed.demo, "the seed office is real, not made-up demo data");
        Unit school = Unit.findById("KALASIN2-S001");
        assertTrue(school.demo, "made-up schools are marked as demo");
        assertTrue(school.isWithin(seed));

        AssessmentRound round = AssessmentRound.find("scopeUnitCode = ?1 and fiscalYear = ?2", "KALASIN2", 2566).firstResult();
        assertEquals(AssessmentRound.State.PUBLISHED, round.state, "the seed office's FY2566 round is published");
        assertEquals("OBEC-2566", round.frameworkId);
        assertEquals(2, round.frameworkVersion, "the demo's FY2566 round runs under the corrected version");
        assertEquals("การจัดซื้อจัดจ้าง", frameworks.framework(round.frameworkId, round.frameworkVersion)
                .instrument("OIT").orElseThrow().indicators().get(0).subIndicators().get(2).name().get("th"));
        assertTrue(FrameworkVersion.find("OBEC-2566", 1) != null, "version 1 stays loadable for rounds that used it");
        assertEquals(1, AssessmentRound.count("scopeUnitCode = ?1 and fiscalYear = ?2", "KALASIN2", 2566));

        AssessmentRound practice = AssessmentRound.find("scopeUnitCode = ?1 and fiscalYear = ?2", "KALASIN2", 2570).firstResult();
        assertEquals(AssessmentRound.State.OPEN, practice.state, "the demo area has an open round to try things in");
        assertTrue(practice.name.contains("ข้อมูลสาธิต"), practice.name);
        assertEquals("DEMO-2570", practice.frameworkId);
        assertTrue(practice.surveyOpensAt.isBefore(practice.surveyClosesAt));
        assertEquals(2, practice.frameworkVersion);
        Framework framework = frameworks.framework("DEMO-2570", 2);
        assertEquals(2570, framework.fiscalYear());
        assertNotEquals(frameworks.framework("NACC-2567", 1).comparabilityGroup(), framework.comparabilityGroup(),
                "no history may compare a real year with the practice framework");
        assertTrue(FrameworkVersion.find("DEMO-2570", 2).document.contains("ข้อมูลสาธิต"), "the framework says it is demo data");
    }

    @Test
    @Transactional
    void thePracticeFrameworkCopiesTheEditionItNamesAndANewerEditionChangesNothing() throws Exception {
        loader.load();
        JsonNode practice = frameworks.documentOf("DEMO-2570", 2);
        assertEquals("NACC-2566", practice.path("derivedFrom").path("id").asText());
        assertEquals(1, practice.path("derivedFrom").path("version").asInt());
        JsonNode named = frameworks.documentOf("NACC-2566", 1);
        assertEquals(named.path("instruments"), practice.path("instruments"), "the named edition's checklist and questions");
        assertEquals(named.path("rating"), practice.path("rating"));
        assertNotEquals(frameworks.documentOf("NACC-2567", 1).path("instruments"), practice.path("instruments"),
                "not the newest shipped edition's (NACC-2567's items differ)");
        assertEquals(List.of(), Provenance.of(frameworks.framework("DEMO-2570", 2)).parts().values().stream()
                .filter(Framework.Part::verified).toList(), "nothing in a practice framework is verified for FY2570");
        String checksum = FrameworkVersion.find("DEMO-2570", 2).checksum;

        // A newer edition arrives (a later fiscal year, imported or shipped) …
        ObjectNode newer = (ObjectNode) frameworks.documentOf("NACC-2566", 1);
        String newerId = "T-NEWER-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        newer.put("id", newerId);
        newer.put("fiscalYear", 2569);
        ((ObjectNode) newer.path("instruments").get(2).path("indicators").get(0).path("subIndicators").get(0)
                .path("items").get(0).path("title")).put("th", "รายการของปีที่ใหม่กว่า");
        frameworks.importDocument(newer);
        assertEquals(0, loader.load(), "nothing new to add");

        // … and the practice framework is the same document as before.
        assertEquals(checksum, FrameworkVersion.find("DEMO-2570", 2).checksum);
        assertEquals(named.path("instruments"), frameworks.documentOf("DEMO-2570", 2).path("instruments"));
    }
}
