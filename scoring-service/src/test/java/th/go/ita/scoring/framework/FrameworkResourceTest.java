package th.go.ita.scoring.framework;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import th.go.ita.scoring.KafkaTopics;
import th.go.ita.scoring.demo.DemoDataLoader;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class FrameworkResourceTest {

    @Inject
    EntityManager em;

    @Inject
    FrameworkLoader loader;

    @Inject
    DemoDataLoader demo;

    static String document(String id, int version, String weightOfOit) throws Exception {
        ObjectNode doc = (ObjectNode) FrameworkDocumentsTest.read("frameworks/OBEC-2566-v2.json");
        doc.put("id", id);
        doc.put("version", version);
        if (weightOfOit != null) {
            ((ObjectNode) doc.path("instruments").get(2)).put("weight", weightOfOit);
        }
        return FrameworkDocumentsTest.MAPPER.writeValueAsString(doc);
    }

    @Test
    @TestSecurity(user = "unit", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void shippedFrameworksAreLoadedAtStartAndReadable() {
        given().when().get("/frameworks").then().statusCode(200)
                .body("id", hasItems("OBEC-2566", "NACC-2567"))
                .body("find { it.id == 'NACC-2567' }.ratingScheme", equalTo("LEVELS"))
                .body("find { it.id == 'OBEC-2566' }.name.th", org.hamcrest.Matchers.containsString("2566"));
        given().when().get("/frameworks/OBEC-2566/versions/1").then().statusCode(200)
                .body("instruments.code", equalTo(java.util.List.of("IIT", "EIT", "OIT")))
                .body("rating.passMark", equalTo(85));
        given().when().get("/frameworks/OBEC-2566/versions/9").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:framework-not-found"));
    }

    @Test
    @TestSecurity(user = "unit", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void unverifiedPartsAreVisibleInTheApi() {
        given().when().get("/frameworks").then().statusCode(200)
                .body("find { it.id == 'OBEC-2566' && it.version == 2 }.provenance.recorded", equalTo(true))
                .body("find { it.id == 'OBEC-2566' && it.version == 2 }.provenance.unverified",
                        equalTo(java.util.List.of("itemRequirements", "indicators", "questions", "samples")))
                .body("find { it.id == 'OBEC-2566' && it.version == 2 }.provenance.sources.kind",
                        equalTo(java.util.List.of("project-reference", "seed-report")))
                .body("find { it.id == 'NACC-2566' }.provenance.unverified",
                        equalTo(java.util.List.of("itemRequirements", "indicators", "questions", "samples", "rounding")))
                .body("find { it.id == 'NACC-2567' && it.version == 2 }.provenance.unverified",
                        equalTo(java.util.List.of("items", "itemRequirements", "indicators", "questions", "weights",
                                "samples", "rounding")))
                // Shipped before documents recorded their sources: nothing in it counts as verified.
                .body("find { it.id == 'OBEC-2566' && it.version == 1 }.provenance.recorded", equalTo(false))
                .body("find { it.id == 'OBEC-2566' && it.version == 1 }.provenance.unverified", equalTo(Provenance.PARTS));
        given().when().get("/frameworks/OBEC-2566/versions/2/provenance").then().statusCode(200)
                .body("parts.items.verified", equalTo(true))
                .body("parts.items.sources", equalTo(java.util.List.of("reference", "seed")))
                .body("parts.questions.verified", equalTo(false))
                .body("parts.questions.note.th", org.hamcrest.Matchers.containsString("ถอดความ"));
        given().when().get("/frameworks/NACC-2567/versions/1/provenance").then().statusCode(200)
                .body("recorded", equalTo(false)).body("parts.rating.verified", equalTo(false));
        given().when().get("/frameworks/OBEC-2566/versions/9/provenance").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "unit", roles = "unit-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void eachYearsRecommendedEditionIsMarkedForTheRoundForm() {
        var list = given().when().get("/frameworks").then().statusCode(200)
                .body("find { it.id == 'OBEC-2566' && it.version == 2 }.recommended", equalTo(true))
                .body("find { it.id == 'OBEC-2566' && it.version == 2 }.recommendedWhy.th", org.hamcrest.Matchers.containsString("AA"))
                .body("find { it.id == 'OBEC-2566' && it.version == 1 }.recommended", equalTo(false))
                .body("find { it.id == 'NACC-2566' }.recommended", equalTo(false))
                .body("find { it.id == 'NACC-2567' && it.version == 2 }.recommended", equalTo(true))
                .body("find { it.id == 'NACC-2567' && it.version == 1 }.recommended", equalTo(false))
                .body("find { it.id == 'NACC-2568' }.recommended", equalTo(true))
                .body("find { it.id == 'NACC-2568' }.provenance.unverified", hasItems("items", "weights"))
                .body("find { it.id == 'NACC-2569' }.recommended", equalTo(true))
                .body("find { it.id == 'DEMO-2570' && it.version == 2 }.recommended", equalTo(false))
                .extract().jsonPath();
        for (int year : new int[]{2566, 2567, 2568, 2569}) {
            assertEquals(1, list.getList("findAll { it.fiscalYear == " + year + " && it.recommended }").size(),
                    "one default edition for FY" + year);
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void anImportedDocumentWithoutSourcesIsRejected() throws Exception {
        ObjectNode doc = (ObjectNode) FrameworkDocumentsTest.MAPPER.readTree(document("T-NO-SOURCES", 1, null));
        doc.remove("sources");
        given().contentType("application/json").body(doc.toString())
                .when().post("/frameworks").then().statusCode(400)
                .body("type", equalTo("urn:ita:problem:framework-invalid"))
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("sources")));
    }

    @Test
    void loadingTheShippedFrameworksAgainChangesNothing() {
        assertTrue(loader.load().stream().allMatch(r -> r.outcome() == FrameworkService.Outcome.UNCHANGED));
    }

    @Test
    @TestSecurity(user = "area", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void onlyASystemAdminImports() throws Exception {
        given().contentType("application/json").body(document("T-AREA-TRY", 1, null))
                .when().post("/frameworks").then().statusCode(403);
        given().when().get("/frameworks").then().body("id", org.hamcrest.Matchers.not(hasItem("T-AREA-TRY")));
    }

    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void anInvalidDocumentListsEveryErrorAndStoresNothing() throws Exception {
        ObjectNode doc = (ObjectNode) FrameworkDocumentsTest.read("frameworks/OBEC-2566-v2.json");
        doc.put("id", "T-BROKEN");
        doc.put("version", 0);
        doc.remove("rounding");
        given().contentType("application/json").header("Accept-Language", "en")
                .body(FrameworkDocumentsTest.MAPPER.writeValueAsString(doc))
                .when().post("/frameworks").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:framework-invalid"))
                .body("errors.field", hasItems("$.version", "$"))
                .body("errors.size()", greaterThanOrEqualTo(2))
                .body("detail_th", org.hamcrest.Matchers.startsWith("เอกสารกรอบการประเมินไม่ถูกต้อง"));
        given().contentType("application/json").body("{\"id\": ").when().post("/frameworks")
                .then().statusCode(400).body("type", equalTo("urn:ita:problem:malformed-json"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM framework WHERE id = 'T-BROKEN'").getSingleResult()).longValue()));
    }

    @Test
    @TestSecurity(user = "admin", roles = "system-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "OBEC"))
    void aVersionUsedByARoundIsImmutableAndAChangeIsANewVersion() throws Exception {
        String id = "T-IMM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().contentType("application/json").body(document(id, 1, null))
                .when().post("/frameworks").then().statusCode(201).body("outcome", equalTo("CREATED"));
        given().contentType("application/json").body(document(id, 1, null))
                .when().post("/frameworks").then().statusCode(200).body("outcome", equalTo("UNCHANGED"));
        // Before any round uses it, a correction may still replace the version.
        ObjectNode changed = (ObjectNode) FrameworkDocumentsTest.MAPPER.readTree(document(id, 1, null));
        ((ObjectNode) changed.path("name")).put("en", "corrected before use");
        given().contentType("application/json").body(changed.toString())
                .when().post("/frameworks").then().statusCode(201).body("outcome", equalTo("REPLACED"));

        demo.load();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO assessment_round (id, name, fiscal_year, framework_id, framework_version, scope_unit_code)
                VALUES (:rid, 'test', 2566, :id, 1, 'KALASIN2')""")
                .setParameter("rid", UUID.randomUUID()).setParameter("id", id).executeUpdate());

        ((ObjectNode) changed.path("name")).put("en", "changed after use");
        given().contentType("application/json").body(changed.toString())
                .when().post("/frameworks").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:framework-in-use"));
        given().when().get("/frameworks/" + id + "/versions/1").then().body("name.en", equalTo("corrected before use"));

        changed.put("version", 2);
        given().contentType("application/json").body(changed.toString())
                .when().post("/frameworks").then().statusCode(201);
        given().when().get("/frameworks/" + id + "/versions/2").then().body("name.en", equalTo("changed after use"));
    }

    @Test
    void frameworksAndUnitsArePublishedThroughTheOutbox() throws Exception {
        demo.load();
        ConsumerRecord<String, String> framework = KafkaTopics.awaitRecord("ita.frameworks",
                r -> "OBEC-2566@1".equals(r.key()), Duration.ofSeconds(20));
        var published = FrameworkDocumentsTest.MAPPER.readTree(framework.value());
        assertEquals("FrameworkPublished", published.path("type").asText());
        assertEquals(2566, published.path("payload").path("fiscalYear").asInt());
        assertEquals(43, published.path("payload").path("instruments").get(2).findValues("requirement").size());
        // The corrected version reaches consumers whole: its items with what evidence satisfies them, and its sources.
        var corrected = FrameworkDocumentsTest.MAPPER.readTree(KafkaTopics.awaitRecord("ita.frameworks",
                r -> "OBEC-2566@2".equals(r.key()), Duration.ofSeconds(20)).value()).path("payload");
        assertEquals(43, corrected.path("instruments").get(2).findValues("evidence").size());
        assertEquals("ประกาศเจตนารมณ์ No Gift Policy", corrected.path("instruments").get(2).path("indicators").get(1)
                .path("subIndicators").get(0).path("items").get(0).path("title").path("th").asText());
        assertEquals("seed-report", corrected.path("sources").get(1).path("kind").asText());
        assertEquals(false, corrected.path("verification").path("questions").path("verified").asBoolean(true));
        ConsumerRecord<String, String> unit = KafkaTopics.awaitRecord("ita.units",
                r -> "KALASIN2".equals(r.key()), Duration.ofSeconds(20));
        var upserted = FrameworkDocumentsTest.MAPPER.readTree(unit.value());
        assertEquals("UnitUpserted", upserted.path("type").asText());
        assertEquals("KALASIN2", upserted.path("unitCode").asText());
        assertEquals("/OBEC/KALASIN2/", upserted.path("payload").path("path").asText());
        assertEquals(67, upserted.path("payload").path("staffCount").asInt());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND topic IN ('ita.frameworks','ita.units')")
                .getSingleResult()).longValue() == 0));
    }
}
