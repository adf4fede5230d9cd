package th.go.ita.scoring.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped framework documents and the schema, without Quarkus. */
class FrameworkDocumentsTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode read(String resource) throws IOException {
        try (InputStream in = FrameworkDocumentsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return MAPPER.readTree(in);
        }
    }

    static Framework framework(String resource) throws IOException {
        return MAPPER.treeToValue(read(resource), Framework.class);
    }

    @Test
    void everyShippedDocumentIsValid() throws IOException {
        for (String resource : FrameworkLoader.BUNDLED) {
            FrameworkValidator.Mode mode = FrameworkLoader.RECORDED_BEFORE_PROVENANCE.contains(resource)
                    ? FrameworkValidator.Mode.RECORDED_BEFORE_PROVENANCE : FrameworkValidator.Mode.CURRENT;
            assertEquals(List.of(), FrameworkValidator.validate(read(resource), mode), resource);
        }
    }

    @Test
    void aNewDocumentMustRecordItsSourcesAndWhatWasVerified() throws IOException {
        ObjectNode doc = (ObjectNode) read("frameworks/OBEC-2566-v2.json");
        doc.remove("sources");
        doc.remove("verification");
        List<String> messages = FrameworkValidator.validate(doc).stream().map(FrameworkValidator.Error::message).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("sources")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("verification")), messages::toString);
        assertEquals(List.of(), FrameworkValidator.validate(doc, FrameworkValidator.Mode.RECORDED_BEFORE_PROVENANCE),
                "only the versions shipped before the rule may lack them");
        assertTrue(!FrameworkValidator.validate(read("frameworks/OBEC-2566.json")).isEmpty(),
                "version 1 would not pass as a new document");

        ObjectNode noPart = (ObjectNode) read("frameworks/OBEC-2566-v2.json");
        ((ObjectNode) noPart.path("verification")).remove("samples");
        assertTrue(FrameworkValidator.validate(noPart).stream().anyMatch(e -> e.message().contains("samples")),
                "every part must say whether it was verified");
        ObjectNode noSourceKind = (ObjectNode) read("frameworks/OBEC-2566-v2.json");
        ((ObjectNode) noSourceKind.path("sources").get(0)).remove("kind");
        assertTrue(!FrameworkValidator.validate(noSourceKind).isEmpty(), "a source is a URL or a named report");
    }

    @Test
    void aNewDocumentStatesItsArithmeticAndOldOnesKeepTheirs() throws IOException {
        ObjectNode doc = (ObjectNode) read("frameworks/OBEC-2566-v2.json");
        ((ObjectNode) doc.path("rounding")).remove("arithmetic");
        assertTrue(FrameworkValidator.validate(doc).stream().anyMatch(e -> e.message().contains("arithmetic")),
                "one rounding rule per edition, written in the document");
        for (String resource : FrameworkLoader.BUNDLED) {
            Framework f = framework(resource);
            assertEquals(FrameworkLoader.RECORDED_BEFORE_PROVENANCE.contains(resource)
                    ? Framework.Arithmetic.WORKING_SCALE_10 : Framework.Arithmetic.EXACT, f.rounding().effectiveArithmetic(), resource);
        }
    }

    @Test
    void verificationCitesDeclaredSourcesAndAVerifiedPartCitesOne() throws IOException {
        ObjectNode doc = (ObjectNode) read("frameworks/OBEC-2566-v2.json");
        ((ArrayNode) doc.path("verification").path("weights").path("sources")).add("manual-2566");
        ObjectNode rating = (ObjectNode) doc.path("verification").path("rating");
        rating.putArray("sources");
        rating.put("verified", true);
        List<FrameworkValidator.Error> errors = FrameworkValidator.validate(doc);
        assertTrue(errors.contains(new FrameworkValidator.Error("$.verification.weights.sources[2]", "unknown source manual-2566")),
                errors::toString);
        assertTrue(errors.contains(new FrameworkValidator.Error("$.verification.rating.sources",
                "a verified part must name the sources it was checked against")), errors::toString);
    }

    @Test
    void obec2566HasTheOfficialShape() throws IOException {
        Framework f = framework("frameworks/OBEC-2566.json");
        assertEquals(2566, f.fiscalYear());
        Framework.Instrument iit = f.instrument("IIT").orElseThrow();
        assertEquals(List.of("1", "2", "3", "4", "5"), iit.indicators().stream().map(Framework.Indicator::code).toList());
        for (int i = 0; i < 5; i++) {
            int first = i * 6 + 1;
            assertEquals(IntStream.range(first, first + 6).mapToObj(n -> "i" + n).toList(),
                    iit.indicators().get(i).questions().stream().map(Framework.Question::code).toList());
        }
        Framework.Instrument eit = f.instrument("EIT").orElseThrow();
        assertEquals(List.of("6", "7", "8"), eit.indicators().stream().map(Framework.Indicator::code).toList());
        assertEquals(15, eit.indicators().stream().mapToInt(i -> i.questions().size()).sum());
        assertTrue(eit.respondentCategories().size() >= 3);
        Framework.Instrument oit = f.instrument("OIT").orElseThrow();
        List<String> groups = oit.indicators().stream().flatMap(i -> i.subIndicators().stream())
                .map(s -> s.code() + ":" + s.items().get(0).code() + "-" + s.items().get(s.items().size() - 1).code())
                .toList();
        assertEquals(List.of("9.1:O1-O10", "9.2:O11-O18", "9.3:O19-O22", "9.4:O23-O26", "9.5:O27-O30",
                "10.1:O31-O38", "10.2:O39-O43"), groups);
        assertEquals(List.of(30, 30, 40), f.instruments().stream().map(i -> i.weight().intValue()).toList());
        assertEquals("BANDS", f.rating().scheme());
        assertEquals(0, f.rating().passMark().compareTo(BigDecimal.valueOf(85)));
        assertEquals(List.of("AA", "A", "B", "C", "D", "E", "F"), f.rating().bands().stream().map(Framework.Band::code).toList());
        assertTrue(read("frameworks/OBEC-2566.json").path("description").path("en").asText().contains("paraphrase"));
    }

    /** The FY2566 OIT items (sub-indicator, code, Thai title) as the reference lists them, transcribed by hand. */
    static List<String> publishedFy2566Items() throws IOException {
        try (InputStream in = FrameworkDocumentsTest.class.getClassLoader().getResourceAsStream("fidelity/fy2566-oit-items.csv")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().skip(1).toList();
        }
    }

    static List<String> items(Framework f) {
        return f.instrument("OIT").orElseThrow().indicators().stream().flatMap(i -> i.subIndicators().stream())
                .flatMap(s -> s.items().stream().map(item -> s.code() + "," + item.code() + "," + item.title().get("th")))
                .toList();
    }

    static String indicatorName(Framework f, String code) {
        return f.instruments().stream().flatMap(i -> i.indicators().stream()).filter(i -> i.code().equals(code))
                .findFirst().orElseThrow().name().get("th");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"frameworks/OBEC-2566-v2.json", "frameworks/NACC-2566.json", "frameworks/NACC-2567-v2.json"})
    void editionsWithThePublishedFy2566ItemsHaveThemAndTheSheetsNames(String resource) throws IOException {
        Framework f = framework(resource);
        assertEquals(publishedFy2566Items(), items(f));
        assertEquals("การจัดซื้อจัดจ้าง", f.instrument("OIT").orElseThrow().indicators().get(0).subIndicators().get(2).name().get("th"));
        assertEquals("การใช้ทรัพย์สินของทางราชการ", indicatorName(f, "4"));
        assertEquals("การปรับปรุงการทำงาน", indicatorName(f, "8"));
        JsonNode doc = read(resource);
        List<JsonNode> oitItems = doc.path("instruments").get(2).findValues("items").stream()
                .flatMap(a -> java.util.stream.StreamSupport.stream(a.spliterator(), false)).toList();
        assertEquals(43, oitItems.size());
        for (JsonNode item : oitItems) {
            String code = item.path("code").asText();
            assertTrue(item.path("requirement").path("th").asText().contains(item.path("title").path("th").asText()), code);
            assertTrue(item.path("requirement").path("th").asText().contains("ตรวจสอบกับคู่มือ"), code + ": says it is not from the manual");
            assertTrue(item.path("evidence").path("th").asText().contains("ลิงก์"), code + ": says what evidence satisfies it");
            assertTrue(!item.path("evidence").path("en").asText().isBlank(), code);
        }
    }

    @Test
    void obec2566Version1StaysExactlyAsShippedForRoundsThatUsedIt() throws IOException {
        JsonNode v1 = read("frameworks/OBEC-2566.json");
        assertEquals(1, v1.path("version").asInt());
        assertEquals("25f6b4cfb8e0c6dd3cb2e6d10c31ff5e7bea92772349d7e719872709ce146613",
                FrameworkService.sha256(MAPPER.writeValueAsString(v1)), "version 1 is immutable: a correction is a new version");
        Framework f = framework("frameworks/OBEC-2566.json");
        assertEquals("การบริหารเงินงบประมาณ", f.instrument("OIT").orElseThrow().indicators().get(0).subIndicators().get(2).name().get("th"));
        assertEquals(43, items(f).size());
        assertTrue(!items(f).equals(publishedFy2566Items()), "version 1 has the old item set");
    }

    @Test
    void reverseAndYesNoItemsScoreAsTheManualSays() throws IOException {
        Framework f = framework("frameworks/OBEC-2566.json");
        Framework.AnswerScale level4 = f.answerScales().get("LEVEL4");
        assertEquals(List.of("100", "67", "33", "0"), List.of("4", "3", "2", "1").stream()
                .map(c -> level4.points(c, false).toPlainString()).toList());
        assertEquals(List.of("0", "33", "67", "100"), List.of("4", "3", "2", "1").stream()
                .map(c -> level4.points(c, true).toPlainString()).toList());
        Framework.AnswerScale yesNo = f.answerScales().get("YES_NO");
        assertEquals("0", yesNo.points("Y", true).toPlainString(), "yes to wrongdoing scores nothing");
        Framework.Question i4 = f.instrument("IIT").orElseThrow().indicators().get(0).questions().get(3);
        assertEquals("YES_NO", i4.scale());
        assertTrue(i4.reverse());
    }

    @Test
    void nacc2567Version2HasTheFy2566ItemsButSaysTheyAreUnverifiedForItsYear() throws IOException {
        Framework f = framework("frameworks/NACC-2567-v2.json");
        assertEquals(2567, f.fiscalYear());
        assertEquals(2, f.version());
        assertEquals("LEVELS", f.rating().scheme());
        assertEquals(framework("frameworks/NACC-2567.json").comparabilityGroup(), f.comparabilityGroup(),
                "a correction of the same edition, not a new one");
        assertTrue(!f.verification().get("items").verified(), "the reference only finds the numbering still in use in FY2567");
        assertTrue(f.verification().get("rating").verified());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"frameworks/NACC-2568.json", "frameworks/NACC-2569.json"})
    void fy2568AndFy2569HaveTheReferencesTwentySixItemsAndFlagEveryAssumedTitle(String resource) throws IOException {
        Framework f = framework(resource);
        java.util.Map<String, String> printed = new java.util.HashMap<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("fidelity/fy2568-fy2569-oit-items.csv")) {
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith(resource + ",")).map(l -> l.split(",", 3)).forEach(p -> printed.put(p[1], p[2]));
        }
        JsonNode doc = read(resource);
        List<JsonNode> oitItems = doc.path("instruments").get(2).findValues("items").stream()
                .flatMap(a -> java.util.stream.StreamSupport.stream(a.spliterator(), false)).toList();
        assertEquals(IntStream.rangeClosed(1, 26).mapToObj(i -> "O" + i).toList(),
                oitItems.stream().map(i -> i.path("code").asText()).toList(), "26 items in their order");
        for (JsonNode item : oitItems) {
            String code = item.path("code").asText();
            String title = item.path("title").path("th").asText();
            if (printed.containsKey(code)) {
                assertEquals(printed.get(code), title, code + " as the reference prints it");
            }
            assertEquals(!title.endsWith("(ชื่อสันนิษฐาน)"), item.path("titleSeen").asBoolean(),
                    code + ": an assumed title says so in the title and in titleSeen");
            assertTrue(item.path("requirement").path("th").asText().contains("ตรวจสอบกับคู่มือ"), code);
            assertTrue(item.path("evidence").path("th").asText().contains("ลิงก์"), code);
        }
        assertTrue(printed.keySet().stream().allMatch(code -> oitItems.stream()
                .anyMatch(i -> i.path("code").asText().equals(code) && i.path("titleSeen").asBoolean())));
        for (String part : List.of("items", "itemRequirements", "indicators", "questions", "weights", "samples", "rounding")) {
            assertTrue(!f.verification().get(part).verified(), resource + " " + part + " rests on no manual of its year");
        }
        assertEquals(resource.contains("2568"), f.verification().get("rating").verified(),
                "only FY2568's five levels are confirmed (94.64 rated ผ่าน because EIT < 85)");
        assertEquals("LEVELS", f.rating().scheme());
        assertEquals("การจัดซื้อจัดจ้าง", f.instrument("OIT").orElseThrow().indicators().get(0).subIndicators().get(2).name().get("th"));
    }

    @Test
    void theRecommendedEditionOfEachYearIsAShippedDocumentOfThatYear() throws IOException {
        assertEquals(List.of(2566, 2567, 2568, 2569), Recommended.years().stream().map(Recommended.Year::fiscalYear).toList());
        for (Recommended.Year y : Recommended.years()) {
            String file = "frameworks/" + y.id() + (y.version() == 1 ? "" : "-v" + y.version()) + ".json";
            assertTrue(FrameworkLoader.BUNDLED.contains(file), file + " is shipped");
            Framework f = framework(file);
            assertEquals(y.fiscalYear(), f.fiscalYear(), file);
            assertEquals(y.version(), f.version(), file);
            assertTrue(!y.why().get("th").isBlank() && !y.why().get("en").isBlank(), file + " says why");
        }
        assertEquals("OBEC-2566", Recommended.forYear(2566).orElseThrow().id(), "OBEC's own sheet for FY2566");
        assertEquals(2, Recommended.forYear(2566).orElseThrow().version(), "never the wrong item set of version 1");
    }

    @Test
    void laterEditionUsesTheFiveLevelScheme() throws IOException {
        Framework f = framework("frameworks/NACC-2567.json");
        assertEquals("LEVELS", f.rating().scheme());
        assertEquals(List.of("EXCELLENT", "GOOD", "PASS", "NEEDS_IMPROVEMENT", "URGENT_IMPROVEMENT"),
                f.rating().levels().stream().map(Framework.Level::code).toList());
        assertTrue(read("frameworks/NACC-2567.json").path("description").path("en").asText().startsWith("Unverified"));
    }

    @Test
    void aBrokenDocumentGetsEveryErrorListed() throws IOException {
        ObjectNode doc = (ObjectNode) read("frameworks/OBEC-2566.json");
        doc.remove("rating");
        doc.put("version", 0);
        ((ObjectNode) doc.path("instruments").get(0)).put("weight", "thirty");
        List<FrameworkValidator.Error> errors = FrameworkValidator.validate(doc);
        List<String> paths = errors.stream().map(FrameworkValidator.Error::path).toList();
        assertTrue(paths.contains("$.version"), paths::toString);
        assertTrue(paths.contains("$.instruments[0].weight"), paths::toString);
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("rating")), errors::toString);
    }

    @Test
    void referencesAndWeightsAreCheckedBeyondTheSchema() throws IOException {
        ObjectNode doc = (ObjectNode) read("frameworks/OBEC-2566-v2.json");
        ((ObjectNode) doc.path("instruments").get(2)).put("weight", 30);
        ArrayNode questions = (ArrayNode) doc.path("instruments").get(0).path("indicators").get(0).path("questions");
        ((ObjectNode) questions.get(0)).put("scale", "LEVEL7");
        ((ObjectNode) questions.get(1)).put("code", "i3");
        List<String> messages = FrameworkValidator.validate(doc).stream().map(FrameworkValidator.Error::message).toList();
        assertTrue(messages.contains("weights add up to 90, not 100"), messages::toString);
        assertTrue(messages.contains("unknown answer scale LEVEL7"), messages::toString);
        assertTrue(messages.contains("duplicate question code i3"), messages::toString);
    }
}
