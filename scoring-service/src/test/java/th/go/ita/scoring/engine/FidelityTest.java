package th.go.ita.scoring.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;
import th.go.ita.scoring.framework.Framework;
import th.go.ita.scoring.framework.FrameworkLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each shipped edition scored from raw answer counts and OIT verdicts kept as data
 * ({@code src/test/resources/fidelity/}), against figures worked out outside the engine
 * ({@code src/test/fidelity/oracle.py}, exact fractions from the reference's rules; each case carries
 * its working): every band and level edge, yes/no and reverse-scored questions, half a cent at the
 * instrument level. Sample rules at 24/25/26 staff and 299/300/4,000/4,001 service users, from
 * {@code fidelity/samples.csv}.
 */
class FidelityTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode json(String resource) {
        try (InputStream in = FidelityTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Framework framework(String resource) {
        return MAPPER.convertValue(json(resource), Framework.class);
    }

    static List<String> cases() {
        try (InputStream in = FidelityTest.class.getClassLoader().getResourceAsStream("fidelity/cases.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyEditionShippedSinceTheRuleHasFidelityCases() {
        Set<String> covered = cases().stream().map(c -> json("fidelity/" + c).path("edition").asText()).collect(Collectors.toSet());
        for (String resource : FrameworkLoader.BUNDLED) {
            if (!FrameworkLoader.RECORDED_BEFORE_PROVENANCE.contains(resource)) {
                assertTrue(covered.contains(resource), resource + " has no fidelity cases");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rawAnswersAndVerdictsGiveTheWorkedOutSheet(String name) {
        JsonNode c = json("fidelity/" + name);
        Framework f = framework(c.path("edition").asText());
        Map<String, Map<String, Long>> counts = new HashMap<>();
        c.path("answers").fields().forEachRemaining(q -> {
            Map<String, Long> options = new LinkedHashMap<>();
            q.getValue().fields().forEachRemaining(o -> options.put(o.getKey(), o.getValue().asLong()));
            counts.put(q.getKey(), options);
        });
        Map<String, Long> respondents = new HashMap<>();
        c.path("respondents").fields().forEachRemaining(e -> respondents.put(e.getKey(), e.getValue().asLong()));
        Map<String, Boolean> verdicts = new HashMap<>();
        c.path("verdicts").fields().forEachRemaining(e -> verdicts.put(e.getKey(), e.getValue().asBoolean()));
        ScoreSheet sheet = ScoringEngine.compute(f, new UnitInputs(counts, respondents, verdicts,
                c.path("staff").asInt(), c.path("servicePopulation").asInt()));

        JsonNode expect = c.path("expect");
        String why = name + ": " + c.path("working").asText();
        figures(expect.path("questions"), sheet.questions(), why);
        figures(expect.path("indicators"), sheet.indicators(), why);
        figures(expect.path("instrumentMeans"), sheet.instrumentMeans(), why);
        figures(expect.path("instruments"), sheet.instruments(), why);
        if (expect.has("total")) {
            assertEquals(new BigDecimal(expect.path("total").asText()), sheet.total(), why);
            assertEquals(expect.path("rating").asText(), sheet.rating(), why);
            assertEquals(expect.path("passed").asBoolean(), sheet.passed(), why);
        }
        assertEquals(expect.path("provisional").asBoolean(), sheet.provisional(), why);
    }

    /** Each expected figure, to the digit: 23.28 is not 23.27, and 95.00 is printed with its two decimals. */
    private static void figures(JsonNode expected, Map<String, BigDecimal> actual, String why) {
        expected.fields().forEachRemaining(e -> assertEquals(new BigDecimal(e.getValue().asText()), actual.get(e.getKey()),
                e.getKey() + " in " + why));
    }

    @ParameterizedTest(name = "{0} {1} population {2} → {3}")
    @CsvFileSource(resources = "/fidelity/samples.csv")
    void sampleRulesAtTheirEdges(String edition, String instrument, int population, int required) {
        Framework f = framework(edition);
        assertEquals(required, SampleRequirement.required(f.samples().get(instrument), population));
        int staff = "IIT".equals(instrument) ? population : 67;
        int service = "EIT".equals(instrument) ? population : 2500;
        ScoreSheet enough = ScoringEngine.compute(f, new UnitInputs(Map.of(), Map.of(instrument, (long) required),
                Map.of(), staff, service));
        SampleRequirement met = enough.samples().stream().filter(s -> s.instrument().equals(instrument)).findFirst().orElseThrow();
        assertTrue(met.adequate());
        assertEquals(required, met.required());
        ScoreSheet shortByOne = ScoringEngine.compute(f, new UnitInputs(Map.of(), Map.of(instrument, (long) required - 1),
                Map.of(), staff, service));
        assertFalse(shortByOne.samples().stream().filter(s -> s.instrument().equals(instrument)).findFirst().orElseThrow().adequate());
        assertTrue(shortByOne.provisional());
    }
}
