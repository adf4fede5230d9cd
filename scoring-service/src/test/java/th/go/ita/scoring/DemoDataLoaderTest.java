package th.go.ita.scoring;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;
import th.go.ita.scoring.demo.DemoDataLoader;
import th.go.ita.scoring.round.AssessmentRound;
import th.go.ita.scoring.unit.Unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DemoDataLoaderTest {

    @Inject
    DemoDataLoader loader;

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
        assertEquals(1, AssessmentRound.count("scopeUnitCode = ?1 and fiscalYear = ?2", "KALASIN2", 2566));
    }
}
