package th.go.ita.scoring.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import th.go.ita.scoring.config.ScoringConfig;
import th.go.ita.scoring.framework.FrameworkLoader;
import th.go.ita.scoring.framework.FrameworkService;
import th.go.ita.platform.reports.Csv;
import th.go.ita.scoring.official.OfficialEntry;
import th.go.ita.scoring.official.OfficialResultView;
import th.go.ita.scoring.official.OfficialResults;
import th.go.ita.scoring.round.AssessmentRound;
import th.go.ita.scoring.round.RoundService;
import th.go.ita.scoring.unit.Unit;
import th.go.ita.scoring.unit.UnitEvents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.UUID;

/**
 * Loads scoring-service's part of the demo data set (the seed's office under a national root, plus
 * a few made-up offices marked as demo) from resources. Idempotent: rows that exist are left as
 * they are, so a restart or a second call never duplicates or overwrites anything.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    @Inject
    ScoringConfig config;

    @Inject
    EntityManager em;

    @Inject
    UnitEvents unitEvents;

    @Inject
    OfficialResults officialResults;

    @Inject
    RoundService rounds;

    @Inject
    FrameworkService frameworks;

    @Inject
    ObjectMapper mapper;

    void onStart(@Observes StartupEvent event) {
        if (config.demoData().enabled()) {
            int added = load();
            LOG.infof("Demo data: %d units and official results added", added);
        }
    }

    /** @return how many units and official results were added (0 when all were already there) */
    @Transactional
    public int load() {
        int added = 0;
        // Parents come before children in the file, so each row's parent path already exists.
        for (List<String> row : Csv.resourceRows("demo/units.csv")) {
            int inserted = em.createNativeQuery("""
                    INSERT INTO unit (code, parent_code, path, type, name_th, name_en, staff_count,
                                      service_population, demo)
                    SELECT :code, CAST(:parent AS VARCHAR), COALESCE((SELECT path FROM unit WHERE code = :parent), '/') || :code || '/',
                           :type, :nameTh, :nameEn, :staff, :population, :demo
                    ON CONFLICT (code) DO NOTHING
                    """)
                    .setParameter("code", row.get(0))
                    .setParameter("parent", row.get(1).isEmpty() ? null : row.get(1))
                    .setParameter("type", row.get(2))
                    .setParameter("nameTh", row.get(3))
                    .setParameter("nameEn", row.get(4))
                    .setParameter("staff", Integer.parseInt(row.get(5)))
                    .setParameter("population", Integer.parseInt(row.get(6)))
                    .setParameter("demo", Boolean.parseBoolean(row.get(7)))
                    .executeUpdate();
            if (inserted > 0) {
                // Other services learn about units only from ita.units.
                unitEvents.upserted(em.find(Unit.class, row.get(0)));
                added += inserted;
            }
        }
        return added + loadOfficialResults() + loadRounds() + loadPracticeRound();
    }

    /** Fixed so every start finds the same round, and the other services' demo data can rely on it. */
    static final UUID SEED_ROUND_2566 = UUID.nameUUIDFromBytes("ita-demo-round-KALASIN2-2566".getBytes(StandardCharsets.UTF_8));

    /**
     * The seed office's FY2566 assessment as a published round, so evidence-service can show its
     * 43/43 OIT disclosure and scoring can compute from its events. Windows are those of FY2566.
     */
    private int loadRounds() {
        AssessmentRound round = kalasin2Round(SEED_ROUND_2566, "ITA 2566 สพป.กาฬสินธุ์ เขต 2", 2566, "OBEC-2566",
                AssessmentRound.State.PUBLISHED, "2023-05-01T00:00:00Z", "2023-07-31T16:59:59Z", "2023-06-30T16:59:59Z",
                "2023-07-01T00:00:00Z", "2023-08-15T16:59:59Z", "2023-08-31T16:59:59Z");
        return rounds.addPreset(round) ? 1 : 0;
    }

    static final UUID PRACTICE_ROUND_2570 = UUID.nameUUIDFromBytes("ita-demo-round-KALASIN2-2570".getBytes(StandardCharsets.UTF_8));
    static final String PRACTICE_FRAMEWORK = "DEMO-2570";

    /**
     * An open FY2570 round for the demo area, so someone trying the platform can hand out access codes,
     * upload OIT evidence and watch progress now rather than only read past years. NACC is redesigning
     * ITA for FY2570 and its framework is not out yet, so the round runs under a practice framework:
     * the newest shipped edition relabelled as demo data, in its own comparability group so that no
     * history ever compares a real year with it. Windows are FY2570's (October 2026 – September 2027).
     */
    private int loadPracticeRound() {
        frameworks.importDocument(practiceFramework());
        AssessmentRound round = kalasin2Round(PRACTICE_ROUND_2570, "ITA 2570 รอบทดลอง สพป.กาฬสินธุ์ เขต 2 (ข้อมูลสาธิต)", 2570,
                PRACTICE_FRAMEWORK, AssessmentRound.State.OPEN, "2026-10-31T17:00:00Z", "2027-06-30T16:59:59Z",
                "2027-04-30T16:59:59Z", "2027-04-30T17:00:00Z", "2027-06-15T16:59:59Z", "2027-06-30T16:59:59Z");
        return rounds.addPreset(round) ? 1 : 0;
    }

    /** A round of the demo area; the windows in order: survey opens, closes, OIT deadline, review opens, closes, corrections close. */
    private static AssessmentRound kalasin2Round(UUID id, String name, int fiscalYear, String frameworkId,
                                                 AssessmentRound.State state, String... windows) {
        AssessmentRound round = new AssessmentRound();
        round.id = id;
        round.name = name;
        round.fiscalYear = fiscalYear;
        round.frameworkId = frameworkId;
        round.frameworkVersion = 1;
        round.scopeUnitCode = "KALASIN2";
        round.state = state;
        round.surveyOpensAt = Instant.parse(windows[0]);
        round.surveyClosesAt = Instant.parse(windows[1]);
        round.oitDeadline = Instant.parse(windows[2]);
        round.reviewOpensAt = Instant.parse(windows[3]);
        round.reviewClosesAt = Instant.parse(windows[4]);
        round.correctionClosesAt = Instant.parse(windows[5]);
        return round;
    }

    private ObjectNode practiceFramework() {
        try {
            ObjectNode doc = (ObjectNode) mapper.readTree(resource(FrameworkLoader.BUNDLED.get(FrameworkLoader.BUNDLED.size() - 1)));
            doc.put("id", PRACTICE_FRAMEWORK);
            doc.put("version", 1);
            doc.put("fiscalYear", 2570);
            doc.put("comparabilityGroup", "ITA-DEMO-2570");
            doc.set("name", mapper.createObjectNode()
                    .put("th", "กรอบทดลองปีงบประมาณ พ.ศ. 2570 (ข้อมูลสาธิต ไม่ใช่กรอบการประเมินจริง)")
                    .put("en", "FY2570 practice framework (demo data, not a real assessment framework)"));
            doc.set("description", mapper.createObjectNode()
                    .put("th", "ข้อมูลสาธิต: ใช้แบบวัดของกรอบล่าสุดที่มากับระบบ เพื่อทดลองใช้รอบการประเมินที่เปิดอยู่ "
                            + "เมื่อ สำนักงาน ป.ป.ช. ประกาศกรอบปี 2570 ให้นำเข้ากรอบจริงและสร้างรอบใหม่")
                    .put("en", "Demo data: the newest shipped framework's instruments, for trying an open round. "
                            + "When NACC publishes the FY2570 framework, import it and create a new round."));
            return doc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed office's published history, FY2564–2566, exactly as on its official sheets. */
    private int loadOfficialResults() {
        int added = 0;
        for (List<String> r : Csv.resourceRows("demo/official_results.csv")) {
            if (r.size() < 9) {
                continue;
            }
            Map<String, BigDecimal> indicators = new LinkedHashMap<>();
            for (String pair : r.get(4).split(";")) {
                if (!pair.isBlank()) {
                    String[] kv = pair.split("=", 2);
                    indicators.put(kv[0], new BigDecimal(kv[1]));
                }
            }
            OfficialResults.Errors errors = new OfficialResults.Errors();
            OfficialResultView view = officialResults.check(r.get(0), Integer.parseInt(r.get(1)), new OfficialEntry(
                    r.get(2).isEmpty() ? null : r.get(2), r.get(3).isEmpty() ? null : Integer.valueOf(r.get(3)),
                    indicators, new BigDecimal(r.get(5)), r.get(6), Boolean.valueOf(r.get(7)), r.get(8)), "", errors);
            if (view == null) {
                throw new IllegalStateException("demo official result is invalid: " + errors.list());
            }
            added += officialResults.store(view, "demo-data", false) ? 1 : 0;
        }
        return added;
    }

    private static String resource(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
