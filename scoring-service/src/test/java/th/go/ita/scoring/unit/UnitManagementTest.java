package th.go.ita.scoring.unit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.go.ita.scoring.KafkaTopics;
import th.go.ita.scoring.demo.DemoDataLoader;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class UnitManagementTest {

    @Inject
    DemoDataLoader demo;

    @Inject
    EntityManager em;

    @BeforeEach
    void data() {
        demo.load();
    }

    static String code() {
        return "T6-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static Map<String, Object> school(String code, String parent) {
        return Map.of("code", code, "parentCode", parent, "type", "SCHOOL", "nameTh", "โรงเรียนทดสอบ " + code,
                "nameEn", "Test school", "staffCount", 12, "servicePopulation", 150);
    }

    Unit find(String code) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Unit u = Unit.findById(code);
            if (u != null) {
                em.detach(u);
            }
            return u;
        });
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void areaAdminManagesSchoolsInTheirAreaOnly() {
        String code = code();
        given().contentType("application/json").body(school(code, "KALASIN2"))
                .when().post("/units").then().statusCode(201)
                .body("path", equalTo("/OBEC/KALASIN2/" + code + "/"));
        given().contentType("application/json").body(school(code, "KALASIN2"))
                .when().post("/units").then().statusCode(409).body("type", equalTo("urn:ita:problem:unit-exists"));
        var event = KafkaTopics.awaitRecord("ita.units", r -> code.equals(r.key()), Duration.ofSeconds(20));
        assertTrue(event.value().contains("UnitUpserted"));

        Map<String, Object> edited = new HashMap<>(school(code, "KALASIN2"));
        edited.put("staffCount", 30);
        given().contentType("application/json").body(edited)
                .when().put("/units/" + code).then().statusCode(200).body("staffCount", equalTo(30));
        given().when().post("/units/" + code + "/deactivate").then().statusCode(200).body("active", equalTo(false));
        assertEquals(false, find(code).active);

        String elsewhere = code();
        given().contentType("application/json").body(school(elsewhere, "KALASIN1"))
                .when().post("/units").then().statusCode(403);
        assertNull(find(elsewhere));
        given().when().post("/units/KALASIN1-S001/deactivate").then().statusCode(403);
        given().when().post("/units/KALASIN2/deactivate").then().statusCode(403);
        given().contentType("application/json").body(Map.of("parentCode", "KALASIN1"))
                .when().post("/units/KALASIN2-S001/move").then().statusCode(403);
        assertTrue(find("KALASIN1-S001").active);
        given().contentType("application/json").body(Map.of("code", "bad code", "type", "CASTLE"))
                .when().post("/units").then().statusCode(400).body("type", equalTo("urn:ita:problem:invalid-input"));
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void theTreeIsReadAPageOfChildrenOrASearchAtATimeWithinScope() {
        given().when().get("/units/KALASIN2/children?size=2").then().statusCode(200)
                .body("parent.code", equalTo("KALASIN2"))
                .body("total", greaterThanOrEqualTo(3))
                .body("items.code", contains("KALASIN2-S001", "KALASIN2-S002"))
                .body("items[0].childCount", equalTo(0));
        given().when().get("/units/KALASIN2/children?size=2&page=1").then().statusCode(200)
                .body("items[0].code", equalTo("KALASIN2-S003"));
        given().when().get("/units/KALASIN2/search?q=" + "หนองแสง").then().statusCode(200)
                .body("code", contains("KALASIN2-S001"));
        // Case-insensitive on codes and English names, and only inside the caller's area.
        given().when().get("/units/KALASIN2/search?q=school&limit=100").then().statusCode(200)
                .body("code", hasItems("KALASIN2-S001", "KALASIN2-S002", "KALASIN2-S003"))
                .body("path", everyItem(startsWith("/OBEC/KALASIN2/")));
        // A LIKE wildcard typed into the box is searched for as text, not as "anything".
        given().queryParam("q", "%").when().get("/units/KALASIN2/search").then().statusCode(200).body("size()", equalTo(0));

        given().when().get("/units/OBEC/children").then().statusCode(403);
        given().when().get("/units/KALASIN1/search?q=school").then().statusCode(403);
        given().queryParam("q", " ").when().get("/units/KALASIN2/search").then().statusCode(400)
                .body("type", equalTo("urn:ita:problem:invalid-input"));
        given().when().get("/units/KALASIN2/children?size=0").then().statusCode(400);
    }

    /**
     * A client that waits as long as the import's transaction may last: on this shared machine a
     * national file can take longer than the test client's usual 30 s (its speed is deploy/bench's).
     */
    static io.restassured.specification.RequestSpecification national() {
        return given().config(io.restassured.RestAssured.config().httpClient(
                io.restassured.config.HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 90_000).setParam("http.connection.timeout", 90_000)));
    }

    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    void aNationalFileOfThirtyThousandLinesArrivesWholeInOneRequestAndItsBadLinesAreNamed() {
        String root = code();
        StringBuilder csv = new StringBuilder(String.join(",", UnitImport.COLUMNS)).append('\n')
                .append(root).append(",OBEC,OTHER,ประเทศทดสอบ,national test,0,0\n");
        int units = 1;
        String last = null;
        for (int a = 1; a <= 30; a++) {
            String area = root + "-A" + a;
            csv.append(area).append(',').append(root).append(",AREA_PRIMARY,เขตทดสอบ ").append(a).append(",,60,3000\n");
            units++;
            for (int s = 1; s <= 1000; s++) {
                last = area + "-S" + s;
                csv.append(last).append(',').append(area).append(",SCHOOL,โรงเรียนทดสอบ ").append(a).append('-').append(s)
                        .append(",,20,").append(s).append('\n');
                units++;
            }
        }
        String good = csv.toString();
        String lastSchool = last;
        // Wrong lines at the end of a national file are named by their line, and nothing is written.
        String bad = good
                + root + "-X1,NOPE,SCHOOL,ไม่มีต้นสังกัด,,5,5\n"
                + root + "-X2," + root + ",CASTLE,ชนิดผิด,,five,5\n"
                + last + "," + root + "-A30,SCHOOL,ซ้ำ,,1,1\n";
        int lines = units + 1;
        national().contentType("text/csv; charset=UTF-8").body(bad).queryParam("dryRun", true)
                .when().post("/units/import").then().statusCode(200)
                .body("lines", equalTo(units + 3))
                .body("errors", hasSize(4))
                .body("errors.field", hasItems("line " + (lines + 1) + ": parent_code", "line " + (lines + 2) + ": type",
                        "line " + (lines + 2) + ": staff_count", "line " + (lines + 3) + ": code"))
                .body("errors.message_th", everyItem(matchesPattern("(?s).*[\u0E00-\u0E7F].*")))
                .body("errors.message_en", everyItem(matchesPattern("(?s).*[A-Za-z].*")));
        national().contentType("text/csv; charset=UTF-8").body(bad).when().post("/units/import").then().statusCode(400)
                .body("type", equalTo("urn:ita:problem:unit-import-invalid"));
        assertNull(find(root));

        national().contentType("text/csv; charset=UTF-8").body(good)
                .when().post("/units/import").then().statusCode(200)
                .body("created", equalTo(units)).body("updated", equalTo(0)).body("errors", empty());
        assertEquals((long) units, QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(u) from Unit u where u.path like :p", Long.class)
                .setParameter("p", "/OBEC/" + root + "/%").getSingleResult()));
        Unit school = find(last);
        assertEquals("/OBEC/" + root + "/" + root + "-A30/" + last + "/", school.path);
        assertEquals(1000, school.servicePopulation);
        assertEquals("โรงเรียนทดสอบ 30-1000", school.nameTh);
        // Every unit is announced: the last line's event is the last one written.
        KafkaTopics.awaitRecord("ita.units", r -> lastSchool.equals(r.key()), Duration.ofSeconds(120));

        // The same file again, one school changed: everything is an update, the change is stored.
        String edited = good.replace(last + "," + root + "-A30,SCHOOL,โรงเรียนทดสอบ 30-1000,,20,1000",
                last + "," + root + "-A30,SCHOOL,โรงเรียนทดสอบ 30-1000,Edited,21,1000");
        national().contentType("text/csv; charset=UTF-8").body(edited)
                .when().post("/units/import").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(units));
        assertEquals(21, find(last).staffCount);
        assertEquals("Edited", find(last).nameEn);
        // The change is announced.
        var edit = KafkaTopics.awaitRecord("ita.units", r -> lastSchool.equals(r.key()) && r.value().contains("Edited"),
                Duration.ofSeconds(60));
        assertEquals(21, io.restassured.path.json.JsonPath.from(edit.value()).getInt("payload.staffCount"), edit.value());
    }

    @Test
    @TestSecurity(user = "unit.s001", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void aUnitAdminOfAnAreaOfficeSeesNoSchoolsBelowIt() {
        given().when().get("/units/KALASIN2/children").then().statusCode(200)
                .body("parent.code", equalTo("KALASIN2")).body("total", equalTo(0)).body("items.size()", equalTo(0));
        given().when().get("/units/KALASIN2/subtree").then().statusCode(200).body("code", contains("KALASIN2"));
        given().when().get("/units/KALASIN2/search?q=kalasin").then().statusCode(200).body("code", contains("KALASIN2"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void movingAUnitMovesItsWholeSubtree() {
        String area = code();
        String school = code();
        given().contentType("application/json").body(Map.of("code", area, "parentCode", "OBEC", "type", "AREA_PRIMARY",
                "nameTh", "เขตทดสอบ", "staffCount", 40, "servicePopulation", 900)).when().post("/units").then().statusCode(201);
        given().contentType("application/json").body(school(school, area)).when().post("/units").then().statusCode(201);
        given().contentType("application/json").body(Map.of("parentCode", "KALASIN2"))
                .when().post("/units/" + area + "/move").then().statusCode(200)
                .body("path", equalTo("/OBEC/KALASIN2/" + area + "/"));
        assertEquals("/OBEC/KALASIN2/" + area + "/" + school + "/", find(school).path);
        given().contentType("application/json").body(Map.of("parentCode", school))
                .when().post("/units/" + area + "/move").then().statusCode(400)
                .body("type", equalTo("urn:ita:problem:unit-move-cycle"));
        given().when().get("/units/" + area + "/subtree").then().statusCode(200)
                .body("code", equalTo(java.util.List.of(area, school)));
    }

    // A unit code may hold '_', which SQL LIKE reads as "any one character": unescaped, the subtree
    // of A_1 would also take in AB1 and everything below it, and moving A_1 would rewrite AB1's path.
    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void anUnderscoreInAUnitCodeIsNoWildcardForItsSubtree() {
        String stem = "T7" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String underscored = stem + "_1";
        String lookalike = stem + "B1";
        for (String area : List.of(underscored, lookalike)) {
            given().contentType("application/json").body(Map.of("code", area, "parentCode", "OBEC", "type", "AREA_PRIMARY",
                    "nameTh", "เขตทดสอบ " + area, "staffCount", 40, "servicePopulation", 900))
                    .when().post("/units").then().statusCode(201);
            given().contentType("application/json").body(school(area + "-S1", area)).when().post("/units").then().statusCode(201);
        }

        given().when().get("/units/" + underscored + "/subtree").then().statusCode(200)
                .body("code", equalTo(List.of(underscored, underscored + "-S1")));

        given().contentType("application/json").body(Map.of("parentCode", "KALASIN2"))
                .when().post("/units/" + underscored + "/move").then().statusCode(200)
                .body("path", equalTo("/OBEC/KALASIN2/" + underscored + "/"));
        assertEquals("/OBEC/KALASIN2/" + underscored + "/" + underscored + "-S1/", find(underscored + "-S1").path);
        assertEquals("/OBEC/" + lookalike + "/", find(lookalike).path);
        assertEquals("/OBEC/" + lookalike + "/" + lookalike + "-S1/", find(lookalike + "-S1").path);
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void csvImportOfATreeListsEveryWrongLineAndAppliesNothingUntilAllAreRight() {
        String a = code();
        String b = code();
        String header = "code,parent_code,type,name_th,name_en,staff_count,service_population\n";
        String good = a + ",KALASIN2,SCHOOL,\"โรงเรียน ก, ทดสอบ\",School A,20,300\n"
                + b + "," + a + ",OTHER,หน่วยย่อย,,3,10\n";
        String bad = header + good
                + "X1,KALASIN1,SCHOOL,นอกเขต,,5,5\n"
                + "X2,NOPE,SCHOOL,ไม่มีต้นสังกัด,,5,5\n"
                + "X3,KALASIN2,CASTLE,ชนิดผิด,,five,5\n"
                + a + ",KALASIN2,SCHOOL,ซ้ำ,,1,1\n";
        given().contentType("text/csv; charset=UTF-8").body(bad).queryParam("dryRun", true)
                .when().post("/units/import").then().statusCode(200)
                .body("lines", equalTo(6))
                .body("errors.field", hasItems("line 4: code", "line 5: parent_code", "line 6: type",
                        "line 6: staff_count", "line 7: code"));
        given().contentType("text/csv; charset=UTF-8").body(bad).when().post("/units/import").then().statusCode(400)
                .body("type", equalTo("urn:ita:problem:unit-import-invalid"));
        // The web app sends the same text wrapped in JSON and gets the same answer.
        given().contentType("application/json").body(Map.of("csv", bad)).queryParam("dryRun", true)
                .when().post("/units/import").then().statusCode(200)
                .body("errors.field", hasItems("line 4: code", "line 7: code"));
        given().contentType("application/json").body(Map.of("csv", bad))
                .when().post("/units/import").then().statusCode(400)
                .body("type", equalTo("urn:ita:problem:unit-import-invalid"));
        given().contentType("application/json").body(Map.of("text", "x"))
                .when().post("/units/import").then().statusCode(400);
        assertNull(find(a));
        given().contentType("text/csv; charset=UTF-8").body(header + good).queryParam("dryRun", true)
                .when().post("/units/import").then().statusCode(200).body("created", equalTo(2));
        assertNull(find(a));
        given().contentType("text/csv; charset=UTF-8").body(header + good)
                .when().post("/units/import").then().statusCode(200).body("created", equalTo(2));
        assertEquals("โรงเรียน ก, ทดสอบ", find(a).nameTh);
        assertEquals("/OBEC/KALASIN2/" + a + "/" + b + "/", find(b).path);
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void theAreasUnitsExportInTheImportColumnsAndComeBackFromASpreadsheetEdit() throws Exception {
        // A name a spreadsheet would run as a formula: exported with a guard, imported back as it was.
        String formula = code();
        Map<String, Object> formulaUnit = new HashMap<>(school(formula, "KALASIN2"));
        formulaUnit.put("nameTh", "=HYPERLINK(\"http://evil.example\",\"คลิก\")");
        given().contentType("application/json").body(formulaUnit).when().post("/units").then().statusCode(201);
        String csv = new String(given().when().get("/units/KALASIN2/export?format=csv").then().statusCode(200)
                .header("Content-Disposition", containsString("ita-units-KALASIN2.csv"))
                .extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals("\uFEFF" + String.join(",", UnitImport.COLUMNS), lines.get(0));
        String s001 = lines.stream().filter(l -> l.startsWith("KALASIN2-S001,")).findFirst().orElseThrow();
        assertTrue(s001.startsWith("KALASIN2-S001,KALASIN2,SCHOOL,"), s001);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("KALASIN2,") || l.startsWith("KALASIN1")), csv);

        // A spreadsheet edit: the school's staff count changes; the file goes back through the import as it is.
        String[] cells = s001.split(",");
        int staff = Integer.parseInt(cells[5]) + 7;
        cells[5] = String.valueOf(staff);
        String edited = csv.replace(s001, String.join(",", cells));
        given().contentType("text/csv; charset=UTF-8").body(edited).queryParam("dryRun", true)
                .when().post("/units/import").then().statusCode(200)
                .body("errors", empty())
                .body("created", equalTo(0))
                .body("updated", equalTo(lines.size() - 1));
        given().contentType("text/csv; charset=UTF-8").body(edited)
                .when().post("/units/import").then().statusCode(200).body("created", equalTo(0));
        assertEquals(staff, find("KALASIN2-S001").staffCount);
        // The unedited export puts it back (other tests count on the demo school's staff).
        given().contentType("text/csv; charset=UTF-8").body(csv).when().post("/units/import").then().statusCode(200);
        assertEquals(staff - 7, find("KALASIN2-S001").staffCount);
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\""), csv);
        assertEquals("=HYPERLINK(\"http://evil.example\",\"คลิก\")", find(formula).nameTh);

        byte[] xlsx = given().when().get("/units/KALASIN2/export?format=xlsx").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals("staff_count", book.getSheetAt(0).getRow(0).getCell(5).getStringCellValue());
            assertEquals(lines.size() - 1, book.getSheetAt(0).getLastRowNum());
        }
        given().when().get("/units/KALASIN1/export?format=csv").then().statusCode(403)
                .body("type", equalTo("urn:ita:problem:unit-out-of-scope"));
        given().when().get("/units/KALASIN2/export?format=ods").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "unit.s001", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2-S001"))
    void aUnitAdminCannotExportTheTree() {
        given().when().get("/units/KALASIN2-S001/export?format=csv").then().statusCode(403);
    }
}
