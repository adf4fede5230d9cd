package th.go.ita.scoring.demo;

import com.fasterxml.jackson.databind.JsonNode;
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
import th.go.ita.scoring.framework.FrameworkService;
import th.go.ita.scoring.framework.FrameworkVersion;
import th.go.ita.platform.reports.Csv;
import th.go.ita.scoring.official.OfficialImport;
import th.go.ita.scoring.official.OfficialResultView;
import th.go.ita.scoring.official.OfficialResults;
import th.go.ita.scoring.round.AssessmentRound;
import th.go.ita.scoring.round.RoundService;
import th.go.ita.scoring.unit.Unit;
import th.go.ita.scoring.unit.UnitEvents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

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
        return added + loadOfficialResults() + loadRounds();
    }

    /**
     * The demo area's rounds ({@code demo/rounds.json}), with fixed ids (name-based UUIDs of
     * {@code ita-demo-round-KALASIN2-<year>}) so every start finds the same rounds and the other
     * services' demo data can rely on them. FY2566 is the seed office's assessment as a published round,
     * so evidence-service can show its 43/43 OIT disclosure and scoring can compute from its events.
     * FY2570 is open, so someone trying the platform can hand out access codes, upload OIT evidence and
     * watch progress now rather than only read past years. Windows are those of each fiscal year.
     */
    private int loadRounds() {
        // NACC is redesigning ITA for FY2570 and its framework is not out yet, so the open round runs under
        // a practice framework: the edition named in its derivedFrom, relabelled as demo data, in its own
        // comparability group so that no history ever compares a real year with it. Named, never "the newest":
        // shipping a later edition must not change the checklist of a round people are already working in.
        ObjectNode overlay = (ObjectNode) json("demo/practice-framework.json");
        ObjectNode practice = practiceFramework(overlay);
        String id = practice.path("id").asText();
        int version = practice.path("version").asInt();
        if (FrameworkVersion.find(id, version) != null && frameworks.isUsed(id, version)) {
            if (!frameworks.checksum(practice).equals(FrameworkVersion.find(id, version).checksum)) {
                LOG.warnf("%s v%d is used by a round and differs from what the demo data derives now; kept the stored one",
                        id, version);
            }
        } else {
            frameworks.importDocument(practice);
        }
        int added = 0;
        for (JsonNode round : json("demo/rounds.json")) {
            added += rounds.addPreset(mapper.convertValue(round, AssessmentRound.class)) ? 1 : 0;
        }
        return added;
    }

    /** The practice framework: the stored version named in {@code derivedFrom}, with the overlay's fields on top. */
    ObjectNode practiceFramework(ObjectNode overlay) {
        JsonNode from = overlay.path("derivedFrom");
        ObjectNode base = (ObjectNode) frameworks.documentOf(from.path("id").asText(), from.path("version").asInt());
        return base.setAll(overlay);
    }

    /** The seed office's published history, FY2564–2566, exactly as on its official sheets. */
    private int loadOfficialResults() {
        int added = 0;
        for (List<String> r : Csv.resourceRows("demo/official_results.csv")) {
            if (r.size() < 9) {
                continue;
            }
            OfficialResults.Errors errors = new OfficialResults.Errors();
            OfficialResultView view = officialResults.check(r.get(0), Integer.parseInt(r.get(1)),
                    OfficialImport.entry(r, "", errors), "", errors);
            if (view == null || !errors.list().isEmpty()) {
                throw new IllegalStateException("demo official result is invalid: " + errors.list());
            }
            added += officialResults.store(view, "demo-data", false) ? 1 : 0;
        }
        return added;
    }

    private JsonNode json(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
