package th.go.ita.scoring.result;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.go.ita.scoring.demo.DemoDataLoader;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One score of record on every surface (UnitResults): the seed office's official FY2566 result (96.37 AA)
 * wins over the published demo round's computed sheet, which has OIT verdicts only (40.00 F, provisional);
 * a published round's partial sheet is nobody's score; a running round's sheet is only ever provisional.
 */
@QuarkusTest
class ScoreOfRecordTest {

    /** The demo's published FY2566 round (demo/rounds.json). */
    static final UUID DEMO_2566 = UUID.fromString("1f58cd8f-1aa3-3310-aaf7-65c053321a33");

    @Inject
    DemoDataLoader demo;

    @Inject
    EntityManager em;

    String partial;
    String running;

    @BeforeEach
    void data() {
        demo.load();
        String stem = "SR" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        partial = stem + "-P";
        running = stem + "-R";
        UUID open = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (String code : List.of(partial, running)) {
                em.createNativeQuery("""
                        INSERT INTO unit (code, parent_code, path, type, name_th, staff_count, service_population)
                        VALUES (:code, 'KALASIN2', '/OBEC/KALASIN2/' || :code || '/', 'SCHOOL', 'โรงเรียน ' || :code, 20, 300)""")
                        .setParameter("code", code).executeUpdate();
            }
            em.createNativeQuery("""
                    INSERT INTO assessment_round (id, name, fiscal_year, framework_id, framework_version, scope_unit_code, state)
                    VALUES (:id, 'running', 2566, 'OBEC-2566', 2, :unit, 'OPEN')""")
                    .setParameter("id", open).setParameter("unit", running).executeUpdate();
            // What the published demo round computes from OIT verdicts alone: 40.00 F, samples short.
            sheet(DEMO_2566, "KALASIN2", "40.00", "F", false, true);
            sheet(DEMO_2566, partial, "40.00", "F", false, true);
            sheet(open, running, "88.00", "A", true, true);
        });
    }

    private void sheet(UUID round, String unit, String total, String rating, boolean passed, boolean provisional) {
        em.createNativeQuery("""
                INSERT INTO unit_score (round_id, unit_code, fiscal_year, framework_id, framework_version, indicators,
                                        instruments, sheet, total, rating, passed, provisional)
                VALUES (:round, :unit, 2566, 'OBEC-2566', 2, CAST(:indicators AS jsonb), '{"OIT": 40.00}', '{}',
                        CAST(:total AS numeric), :rating, :passed, :provisional)
                ON CONFLICT (round_id, unit_code) DO UPDATE SET total = EXCLUDED.total, rating = EXCLUDED.rating,
                    passed = EXCLUDED.passed, provisional = EXCLUDED.provisional, indicators = EXCLUDED.indicators""")
                .setParameter("round", round).setParameter("unit", unit).setParameter("total", total)
                .setParameter("rating", rating).setParameter("passed", passed).setParameter("provisional", provisional)
                .setParameter("indicators", "{\"1\": 0.00, \"9\": 100.00, \"10\": 100.00}").executeUpdate();
    }

    @Test
    void thePublicResultAndReportAreTheOfficialOnesAndNothingPartialBesideThem() {
        given().when().get("/public/units/KALASIN2/years/2566").then().statusCode(200)
                .body("official", equalTo(true))
                .body("status", equalTo("OFFICIAL"))
                .body("total", equalTo(96.37f))
                .body("rating", equalTo("AA"))
                .body("computed", nullValue());
        // A published round's sheet without survey data is no score, and a running round's is not public.
        given().when().get("/public/units/" + partial + "/years/2566").then().statusCode(404);
        given().when().get("/public/units/" + running + "/years/2566").then().statusCode(404);
        given().when().get("/public/units/" + partial + "/years/2566/report.pdf").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void theAreaOverviewCountsTheOfficesOfficialResultAndOnlyMarksRunningSheetsProvisional() {
        given().when().get("/dashboards/areas/KALASIN2?fiscalYear=2566").then().statusCode(200)
                .body("unitsWithScore", greaterThanOrEqualTo(1))
                .body("unitsProvisional", greaterThanOrEqualTo(1))
                .body("distribution.find { it.code == 'AA' }.count", greaterThanOrEqualTo(1))
                .body("units.find { it.code == 'KALASIN2' }.total", equalTo(96.37f))
                .body("units.find { it.code == 'KALASIN2' }.source", equalTo("OFFICIAL"))
                .body("units.find { it.code == 'KALASIN2' }.rank", greaterThanOrEqualTo(1))
                .body("units.find { it.code == '" + partial + "' }.total", nullValue())
                .body("units.find { it.code == '" + partial + "' }.source", nullValue())
                .body("units.find { it.code == '" + running + "' }.total", equalTo(88.00f))
                .body("units.find { it.code == '" + running + "' }.provisional", equalTo(true))
                .body("units.find { it.code == '" + running + "' }.source", equalTo("PROVISIONAL"))
                .body("units.find { it.code == '" + running + "' }.rank", equalTo(0))
                .body("distribution.find { it.code == 'F' }.count", equalTo(0));

        String csv = new String(given().when().get("/dashboards/areas/KALASIN2/export?fiscalYear=2566&format=csv")
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.contains(",96.37,AA,true,OFFICIAL"), csv);
        assertTrue(csv.contains("\r\n," + running + ",") && csv.contains(",88.00,A,true,PROVISIONAL"), "unranked, marked: " + csv);
        assertFalse(csv.contains("40.00,F"), "no partial sheet in the export: " + csv);
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void theHistoryAndItsExportShowTheOfficialFigureAndNoPartialYear() {
        given().when().get("/units/KALASIN2/history").then().statusCode(200)
                .body("years.fiscalYear", contains(2564, 2565, 2566))
                .body("years.find { it.fiscalYear == 2566 }.total", equalTo(96.37f))
                .body("years.find { it.fiscalYear == 2566 }.official", equalTo(true));
        given().when().get("/units/" + partial + "/history").then().statusCode(200)
                .body("years.fiscalYear", not(hasItem(2566)));
        String csv = new String(given().when().get("/units/KALASIN2/history/export?format=csv").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("\r\n2566,OFFICIAL,OBEC-2566 v2,96.37,AA,true,"), csv);
        assertFalse(csv.contains("40.00"), csv);
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void thePracticeRoundsProgressListsTheOfficeItselfBesideItsSchools() {
        given().when().get("/dashboards/areas/KALASIN2/rounds/54df0560-a5b8-3bab-b31c-59a70224f588/progress?size=500")
                .then().statusCode(200)
                .body("progress.code", hasItem("KALASIN2"))
                .body("progress.find { it.code == 'KALASIN2' }.iitRequired", equalTo(25))
                .body("progress.code", hasItem("KALASIN2-S001"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void officialResultsAreAnnouncedOnScoresChangedForActivityService() {
        given().contentType("application/json").body(Map.of("total", 72.5, "rating", "C", "passed", false,
                "source", "ทดสอบ")).when().put("/official-results/" + partial + "/2566").then().statusCode(200);
        @SuppressWarnings("unchecked")
        List<String> events = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT CAST(payload AS text) FROM outbox_event
                WHERE topic = 'scores.changed' AND type = 'OfficialResultChanged' AND event_key = :unit""")
                .setParameter("unit", partial).getResultList());
        assertTrue(events.size() == 1 && events.get(0).contains("\"total\": 72.50") && events.get(0).contains("\"fiscalYear\": 2566"),
                events.toString());
        given().when().get("/public/units/" + partial + "/years/2566").then().statusCode(200)
                .body("status", equalTo("OFFICIAL")).body("total", equalTo(72.50f));
    }
}
