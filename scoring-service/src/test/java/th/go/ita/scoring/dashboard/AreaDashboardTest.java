package th.go.ita.scoring.dashboard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import th.go.ita.scoring.demo.DemoDataLoader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AreaDashboardTest {

    @Inject
    DemoDataLoader demo;

    @Inject
    EntityManager em;

    @Inject
    th.go.ita.scoring.result.UnitResults results;

    static void unit(String code, String parent, String type) {
        given().contentType("application/json").body(Map.of("code", code, "parentCode", parent, "type", type,
                "nameTh", "หน่วย " + code, "staffCount", 20, "servicePopulation", 300)).when().post("/units")
                .then().statusCode(201);
    }

    static void result(String code, int all, Integer sixth) {
        Map<String, Object> indicators = new HashMap<>();
        for (int i = 1; i <= 10; i++) {
            indicators.put(String.valueOf(i), all);
        }
        if (sixth != null) {
            indicators.put("6", sixth);
        }
        given().contentType("application/json").body(Map.of("frameworkId", "OBEC-2566", "frameworkVersion", 1,
                "indicators", indicators, "source", "ทดสอบ")).when().put("/official-results/" + code + "/2566")
                .then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void anAreasDistributionPassRateMeansRankingAndWeakestIndicators() {
        demo.load();
        String area = "TD-" + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        unit(area, "OBEC", "AREA_PRIMARY");
        for (String s : new String[]{"A", "B", "C", "D"}) {
            unit(area + "-" + s, area, "SCHOOL");
        }
        result(area + "-A", 96, null);     // 96.00 AA
        result(area + "-B", 90, 70);       // 27.00 + 25.00 + 36.00 = 88.00 A
        result(area + "-C", 80, null);     // 80.00 B; D has no result
        given().when().get("/dashboards/areas/" + area + "?fiscalYear=2566").then().statusCode(200)
                .body("frameworkId", equalTo("OBEC-2566"))
                .body("unitsTotal", equalTo(5))
                .body("unitsWithScore", equalTo(3))
                .body("passed", equalTo(2))
                .body("passRate", equalTo(66.67f))
                .body("passMark", equalTo(85))
                .body("distribution.find { it.code == 'AA' }.count", equalTo(1))
                .body("distribution.find { it.code == 'A' }.count", equalTo(1))
                .body("distribution.find { it.code == 'B' }.count", equalTo(1))
                .body("distribution.find { it.code == 'F' }.count", equalTo(0))
                .body("units[0].code", equalTo(area + "-A"))
                .body("units[0].rank", equalTo(1))
                .body("units[1].total", equalTo(88.00f))
                .body("units[2].rating", equalTo("B"))
                // Each row says why its band, and the view carries the edition's scheme.
                .body("units[1].ratingWhy.th", equalTo("คะแนนรวม 88.00 ต่ำกว่า 95 จึงได้ระดับ A ไม่ใช่ AA; ถึงเกณฑ์ผ่าน 85 จึงผ่าน"))
                .body("units[2].ratingWhy.th", equalTo("คะแนนรวม 80.00 ต่ำกว่า 85 จึงได้ระดับ B ไม่ใช่ A; ต่ำกว่าเกณฑ์ผ่าน 85 จึงไม่ผ่าน"))
                .body("units[3].ratingWhy", equalTo(null))
                .body("ratingScheme.code", equalTo(java.util.List.of("AA", "A", "B", "C", "D", "E", "F")))
                .body("ratingScheme[1].condition.th", equalTo("คะแนนรวมตั้งแต่ 85 แต่ต่ำกว่า 95"))
                .body("units[3].total", equalTo(null))
                .body("indicators.find { it.code == '1' }.mean", equalTo(88.67f))
                .body("weakestIndicators[0].code", equalTo("6"))
                .body("weakestIndicators[0].mean", equalTo(82.00f));
        given().when().get("/dashboards/areas/" + area).then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void anAreaAdminSeesTheirAreaButNotAnother() {
        demo.load();
        given().when().get("/dashboards/areas/KALASIN2?fiscalYear=2566").then().statusCode(200)
                .body("units.find { it.code == 'KALASIN2' }.total", equalTo(96.37f));
        given().when().get("/dashboards/areas/KALASIN1?fiscalYear=2566").then().statusCode(403)
                .body("type", equalTo("urn:ita:problem:unit-out-of-scope"));
        given().when().get("/dashboards/areas/OBEC?fiscalYear=2566").then().statusCode(403);
    }

    // A unit code may hold '_', which SQL LIKE reads as "any one character": unescaped, area A_1's
    // dashboard, round progress, search and export would also take in area AB1 and its schools.
    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void anUnderscoreInTheAreaCodeTakesInNoLookalikeArea() {
        demo.load();
        String stem = "TU" + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String area = stem + "_1";
        String lookalike = stem + "B1";
        for (String a : List.of(area, lookalike)) {
            unit(a, "OBEC", "AREA_PRIMARY");
            unit(a + "-S1", a, "SCHOOL");
            result(a + "-S1", 90, null);
        }
        given().when().get("/dashboards/areas/" + area + "?fiscalYear=2566").then().statusCode(200)
                .body("unitsTotal", equalTo(2))
                .body("units.code", org.hamcrest.Matchers.containsInAnyOrder(area, area + "-S1"));

        java.util.UUID round = java.util.UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO assessment_round (id, name, fiscal_year, framework_id, framework_version, scope_unit_code,
                                              state, survey_closes_at)
                VALUES (:id, 'underscore', 2566, 'OBEC-2566', 1, 'OBEC', 'OPEN', now() + interval '2 days')""")
                .setParameter("id", round).executeUpdate());
        given().when().get("/dashboards/areas/" + area + "/rounds/" + round + "/progress").then().statusCode(200)
                .body("progress.code", org.hamcrest.Matchers.contains(area, area + "-S1"));

        given().queryParam("q", "-S1").when().get("/units/" + area + "/search").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.contains(area + "-S1"));
        String csv = given().queryParam("format", "csv").when().get("/units/" + area + "/export").then().statusCode(200)
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains(area + "-S1") && !csv.contains(lookalike), csv);
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void roundProgressShowsSamplesAgainstTheRuleAndUnitsAtRisk() {
        demo.load();
        java.util.UUID round = java.util.UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    INSERT INTO assessment_round (id, name, fiscal_year, framework_id, framework_version, scope_unit_code,
                                                  state, survey_closes_at)
                    VALUES (:id, 'progress', 2566, 'OBEC-2566', 1, 'OBEC', 'OPEN', now() + interval '2 days')""")
                    .setParameter("id", round).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO respondent_tally (round_id, unit_code, instrument, respondent_category, respondents)
                    VALUES (:id, 'KALASIN2-S001', 'IIT', '', 18), (:id, 'KALASIN2-S001', 'EIT', 'PARENT', 32),
                           (:id, 'KALASIN2-S002', 'IIT', '', 5)""")
                    .setParameter("id", round).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO oit_verdict (round_id, unit_code, item_code, passed) VALUES (:id, 'KALASIN2-S001', 'O1', true),
                           (:id, 'KALASIN2-S001', 'O2', false)""").setParameter("id", round).executeUpdate();
        });
        given().when().get("/dashboards/areas/KALASIN2/rounds/" + round + "/progress").then().statusCode(200)
                .body("units", org.hamcrest.Matchers.greaterThanOrEqualTo(4))
                .body("progress.find { it.code == 'KALASIN2-S001' }.iitRequired", equalTo(18))
                .body("progress.find { it.code == 'KALASIN2-S001' }.eitReceived", equalTo(32))
                .body("progress.find { it.code == 'KALASIN2-S001' }.eitRequired", equalTo(32))
                .body("progress.find { it.code == 'KALASIN2-S001' }.oitReviewed", equalTo(2))
                .body("progress.find { it.code == 'KALASIN2-S001' }.oitPassed", equalTo(1))
                .body("progress.find { it.code == 'KALASIN2-S001' }.atRisk", equalTo(false))
                .body("progress.find { it.code == 'KALASIN2-S001' }.reasons", org.hamcrest.Matchers.empty())
                .body("progress.find { it.code == 'KALASIN2-S002' }.iitRequired", equalTo(24))
                .body("progress.find { it.code == 'KALASIN2-S002' }.atRisk", equalTo(true))
                .body("progress.find { it.code == 'KALASIN2-S002' }.reasons", org.hamcrest.Matchers.contains("IIT_SHORT", "EIT_SHORT"))
                .body("progress.find { it.code == 'KALASIN2' }.iitRequired", equalTo(25))
                .body("progress.find { it.code == 'KALASIN2' }.eitRequired", equalTo(250))
                .body("surveyClosesAt", org.hamcrest.Matchers.notNullValue())
                .body("reviewClosesAt", org.hamcrest.Matchers.nullValue());
        given().when().get("/dashboards/areas/KALASIN1/rounds/" + round + "/progress").then().statusCode(403);

        // The summary counts every unit; the list puts units at risk first, can hold only them, and comes in pages.
        io.restassured.path.json.JsonPath all = given().when()
                .get("/dashboards/areas/KALASIN2/rounds/" + round + "/progress?size=500").then().statusCode(200)
                .extract().jsonPath();
        int units = all.getInt("units");
        int atRisk = all.getInt("unitsAtRisk");
        assertEquals(units, all.getList("progress").size());
        assertEquals(units, all.getInt("matching"));
        java.util.List<Boolean> flags = all.getList("progress.atRisk", Boolean.class);
        assertEquals(atRisk, flags.indexOf(false), "every unit at risk is listed before the first one on track");
        org.hamcrest.MatcherAssert.assertThat(atRisk, greaterThanOrEqualTo(3));
        assertEquals(atRisk, all.getInt("reasons.IIT_SHORT"));
        assertEquals(0, all.getInt("reasons.OIT_UNREVIEWED"));
        given().when().get("/dashboards/areas/KALASIN2/rounds/" + round + "/progress?atRisk=true&size=2&page=1")
                .then().statusCode(200)
                .body("units", equalTo(units)).body("unitsAtRisk", equalTo(atRisk)).body("matching", equalTo(atRisk))
                .body("page", equalTo(1)).body("size", equalTo(2))
                .body("progress.code", equalTo(all.getList("progress.code").subList(2, Math.min(4, atRisk))))
                .body("progress.atRisk", everyItem(equalTo(true)));
        given().when().get("/dashboards/areas/KALASIN2/rounds/" + round + "/progress?size=501").then().statusCode(400)
                .contentType("application/problem+json");

        // The same rows as a spreadsheet for the phone calls: every unit at risk, with its counts and reasons.
        String csv = given().when().get("/dashboards/areas/KALASIN2/rounds/" + round + "/progress/export?atRisk=true")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("ita-progress-KALASIN2-2566.csv"))
                .extract().asString();
        java.util.List<String> lines = csv.lines().toList();
        assertEquals(atRisk + 1, lines.size(), csv);
        org.hamcrest.MatcherAssert.assertThat(lines.get(0), org.hamcrest.Matchers.containsString("IIT ต้องการ (required)"));
        org.hamcrest.MatcherAssert.assertThat(lines, hasItem(org.hamcrest.Matchers.startsWith("KALASIN2-S002,")));
        org.hamcrest.MatcherAssert.assertThat(csv, org.hamcrest.Matchers.containsString("5,24,0,"));
        org.hamcrest.MatcherAssert.assertThat(csv, org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("KALASIN2-S001,")));
        given().when().get("/dashboards/areas/KALASIN1/rounds/" + round + "/progress/export").then().statusCode(403);

        // The OIT review window closing soon puts a unit with unreviewed items at risk even with full samples.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE assessment_round SET review_closes_at = now() + interval '3 days' WHERE id = :id")
                .setParameter("id", round).executeUpdate());
        given().when().get("/dashboards/areas/KALASIN2/rounds/" + round + "/progress").then().statusCode(200)
                .body("reviewClosesAt", org.hamcrest.Matchers.notNullValue())
                .body("progress.find { it.code == 'KALASIN2-S001' }.atRisk", equalTo(true))
                .body("progress.find { it.code == 'KALASIN2-S001' }.reasons", org.hamcrest.Matchers.contains("OIT_UNREVIEWED"))
                .body("progress.find { it.code == 'KALASIN2-S002' }.reasons",
                        org.hamcrest.Matchers.contains("IIT_SHORT", "EIT_SHORT", "OIT_UNREVIEWED"));
    }

    @Test
    @TestSecurity(user = "unit.kalasin2", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void aUnitAdminHasNoAreaDashboard() {
        given().when().get("/dashboards/areas/KALASIN2?fiscalYear=2566").then().statusCode(403);
    }

    /**
     * The figures are kept per parent as results change (migration V9_5): an official result
     * corrected, a unit deactivated, a unit moved to another area, each shows at once; and the result
     * each unit is counted with is the one UnitResults gives it.
     */
    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void theFiguresFollowACorrectedResultADeactivationAndAMove() {
        demo.load();
        String area = "TF-" + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String other = area + "-O";
        unit(area, "OBEC", "AREA_PRIMARY");
        unit(other, "OBEC", "AREA_PRIMARY");
        for (String s : new String[]{"A", "B", "C"}) {
            unit(area + "-" + s, area, "SCHOOL");
        }
        result(area + "-A", 96, null);     // 96.00 AA
        result(area + "-B", 90, 70);       // 88.00 A
        result(area + "-C", 80, null);     // 80.00 B
        String url = "/dashboards/areas/" + area + "?fiscalYear=2566";
        given().when().get(url).then().statusCode(200)
                .body("unitsTotal", equalTo(4)).body("unitsWithScore", equalTo(3)).body("passed", equalTo(2))
                .body("indicators.find { it.code == '1' }.mean", equalTo(88.67f));

        result(area + "-B", 70, null);     // corrected: 70.00, not passed
        given().when().get(url).then().statusCode(200)
                .body("unitsWithScore", equalTo(3)).body("passed", equalTo(1))
                .body("distribution.find { it.code == 'A' }.count", equalTo(0))
                .body("indicators.find { it.code == '1' }.mean", equalTo(82.00f))
                .body("units[1].code", equalTo(area + "-C")).body("units[2].total", equalTo(70.00f));

        given().when().post("/units/" + area + "-A/deactivate").then().statusCode(200);
        given().when().get(url).then().statusCode(200)
                .body("unitsTotal", equalTo(3)).body("unitsWithScore", equalTo(2)).body("passed", equalTo(0))
                .body("units[0].code", equalTo(area + "-C")).body("units[0].rank", equalTo(1));

        given().contentType("application/json").body(Map.of("parentCode", other))
                .when().post("/units/" + area + "-C/move").then().statusCode(200);
        given().when().get(url).then().statusCode(200)
                .body("unitsTotal", equalTo(2)).body("unitsWithScore", equalTo(1))
                .body("indicators.find { it.code == '1' }.mean", equalTo(70.00f));
        given().when().get("/dashboards/areas/" + other + "?fiscalYear=2566").then().statusCode(200)
                .body("unitsTotal", equalTo(2)).body("unitsWithScore", equalTo(1))
                .body("units[0].code", equalTo(area + "-C")).body("units[0].total", equalTo(80.00f));
        // Nationally too: the area's corrected and moved units are counted once, where they are now.
        given().when().get("/dashboards/areas/OBEC?fiscalYear=2566&limit=5").then().statusCode(200)
                .body("unitsWithScore", equalTo(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM unit u JOIN official_result o ON o.unit_code = u.code AND o.fiscal_year = 2566
                        WHERE u.active AND u.path LIKE '/OBEC/%' AND o.total IS NOT NULL""").getSingleResult()).intValue()
                        + ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM unit u WHERE u.active AND u.path LIKE '/OBEC/%'
                          AND NOT EXISTS (SELECT 1 FROM official_result o WHERE o.unit_code = u.code AND o.fiscal_year = 2566)
                          AND EXISTS (SELECT 1 FROM unit_score x JOIN assessment_round r ON r.id = x.round_id
                                      WHERE x.unit_code = u.code AND x.fiscal_year = 2566 AND r.state = 'PUBLISHED'
                                        AND NOT x.provisional)""").getSingleResult()).intValue())));

        // Each unit of the demo tree is counted with the result UnitResults gives it.
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<String> codes = em.createNativeQuery("SELECT code FROM unit WHERE path LIKE '/OBEC/KALASIN2/%'").getResultList();
            for (String code : codes) {
                var expected = results.of(code, 2566);
                @SuppressWarnings("unchecked")
                List<Object[]> stored = em.createNativeQuery("""
                        SELECT total, rating, provisional FROM unit_result_current WHERE unit_code = :c AND fiscal_year = 2566""")
                        .setParameter("c", code).getResultList();
                assertEquals(expected.isPresent(), !stored.isEmpty(), code);
                expected.ifPresent(r -> {
                    assertEquals(0, r.total().compareTo((java.math.BigDecimal) stored.get(0)[0]), code);
                    assertEquals(r.rating(), stored.get(0)[1], code);
                    assertEquals(r.provisional(), stored.get(0)[2], code);
                });
            }
        });
    }

    /** The closing note of issue 5: a generated 30,000-unit tree, 30 areas × 1,000 schools, all with results. */
    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void dashboardOverAThirtyThousandUnitTree() {
        demo.load();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    INSERT INTO unit (code, parent_code, path, type, name_th, staff_count, service_population, demo)
                    VALUES ('PERF', 'OBEC', '/OBEC/PERF/', 'OTHER', 'ต้นไม้ทดสอบประสิทธิภาพ', 0, 0, true)
                    ON CONFLICT DO NOTHING""").executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO unit (code, parent_code, path, type, name_th, staff_count, service_population, demo)
                    SELECT 'PERF-A' || a, 'PERF', '/OBEC/PERF/PERF-A' || a || '/', 'AREA_PRIMARY', 'เขต ' || a, 60, 3000, true
                    FROM generate_series(1, 30) a ON CONFLICT DO NOTHING""").executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO unit (code, parent_code, path, type, name_th, staff_count, service_population, demo)
                    SELECT 'PERF-A' || a || '-S' || s, 'PERF-A' || a, '/OBEC/PERF/PERF-A' || a || '/PERF-A' || a || '-S' || s || '/',
                           'SCHOOL', 'โรงเรียน ' || a || '-' || s, 20, 300, true
                    FROM generate_series(1, 30) a, generate_series(1, 1000) s ON CONFLICT DO NOTHING""").executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO official_result (unit_code, fiscal_year, framework_id, framework_version, indicators,
                                                 instruments, total, rating, passed, source, entered_by)
                    SELECT code, 2566, 'OBEC-2566', 1,
                           jsonb_build_object('1', t, '2', t, '3', t, '4', t, '5', t, '6', t, '7', t, '8', t, '9', t, '10', t),
                           '{}', t, CASE WHEN t >= 95 THEN 'AA' WHEN t >= 85 THEN 'A' WHEN t >= 75 THEN 'B' ELSE 'C' END,
                           t >= 85, 'generated', 'test'
                    FROM (SELECT code, round((65 + 35 * random())::numeric, 2) t FROM unit WHERE path LIKE '/OBEC/PERF/%') x
                    ON CONFLICT DO NOTHING""").executeUpdate();
        });
        // How fast is measured by deploy/bench (dashboards); here, that the figures are whole.
        String body = given().when().get("/dashboards/areas/PERF?fiscalYear=2566&limit=100").then().statusCode(200)
                .body("units.size()", equalTo(100)).body("units[0].rank", equalTo(1))
                .body("unitsWithScore", equalTo(30_031)).extract().asString();
        int units = io.restassured.path.json.JsonPath.from(body).getInt("unitsTotal");
        given().when().get("/dashboards/areas/PERF-A7?fiscalYear=2566").then().statusCode(200)
                .body("unitsTotal", equalTo(1001)).body("unitsWithScore", equalTo(1001));
        assertEquals(30_031, units);

        // Progress of an open round over the whole generated tree, and reading that tree a level or a search at a time.
        java.util.UUID round = java.util.UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO assessment_round (id, name, fiscal_year, framework_id, framework_version, scope_unit_code,
                                              state, survey_closes_at)
                VALUES (:id, 'perf', 2566, 'OBEC-2566', 1, 'PERF', 'OPEN', now() + interval '3 days')""")
                .setParameter("id", round).executeUpdate());
        String progressBody = given().when().get("/dashboards/areas/PERF/rounds/" + round + "/progress").then()
                .statusCode(200).extract().asString();
        io.restassured.path.json.JsonPath view = io.restassured.path.json.JsonPath.from(progressBody);
        assertEquals(30_031, view.getInt("units"));
        assertEquals(100, view.getList("progress").size());
        org.hamcrest.MatcherAssert.assertThat(view.getInt("unitsAtRisk"), greaterThanOrEqualTo(30_000));
        given().when().get("/units/PERF-A7/children?size=200&page=4").then().statusCode(200)
                .body("total", equalTo(1000)).body("items.size()", equalTo(200));
        given().when().get("/units/OBEC/search?q=" + "โรงเรียน 7-99" + "&limit=100").then().statusCode(200)
                .body("code", hasItem("PERF-A7-S99"));
    }
}
