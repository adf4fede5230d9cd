package th.go.ita.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator applies is what the cluster accepts: every object of each rendered overlay
 * matches the pinned Kubernetes 1.34 schema or its operator's CRD (Strimzi, CloudNativePG, Keycloak
 * operator), unknown fields included; and the compose file matches the compose specification.
 */
class ManifestSchemaTest {

    private static Schemas schemas;

    @BeforeAll
    static void load() {
        schemas = new Schemas();
    }

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = {"dev", "production"})
    void everyRenderedObjectMatchesItsPinnedSchema(String overlay) {
        List<JsonNode> objects = Repo.rendered(overlay);
        assertTrue(objects.size() > 40, "the overlay renders the whole system, not " + objects.size() + " objects");
        List<String> problems = new ArrayList<>();
        objects.forEach(o -> problems.addAll(schemas.problems(o)));
        assertEquals(List.of(), problems, "objects of overlay " + overlay + " the cluster would refuse or misread");
    }

    /** The checks can fail: a misspelt field, a wrong type and an unknown kind are each caught. */
    @Test
    void aMisspeltFieldAWrongTypeAndAnUnknownKindAreRefused() {
        ObjectNode deployment = Repo.ofKind(Repo.rendered("production"), "Deployment").get(0).deepCopy();
        ((ObjectNode) deployment.get("spec")).put("replica", 2);
        assertFalse(schemas.problems(deployment).isEmpty(), "spec.replica (for replicas) is refused");

        ObjectNode topic = Repo.ofKind(Repo.rendered("production"), "KafkaTopic").get(0).deepCopy();
        ((ObjectNode) topic.get("spec")).put("partitions", "twelve");
        assertFalse(schemas.problems(topic).isEmpty(), "a KafkaTopic with partitions: twelve is refused");

        ObjectNode pooler = Repo.ofKind(Repo.rendered("production"), "Pooler").get(0).deepCopy();
        ((ObjectNode) pooler.get("spec").get("pgbouncer")).put("poolMode", "statement-ish");
        assertFalse(schemas.problems(pooler).isEmpty(), "a Pooler mode CloudNativePG does not know is refused");

        ObjectNode unknown = Repo.JSON.createObjectNode().put("apiVersion", "example.org/v1").put("kind", "Widget");
        assertFalse(schemas.problems(unknown).isEmpty(), "a kind with no pinned schema is refused");
    }

    @Test
    void composeMatchesTheComposeSpecification() throws Exception {
        ObjectNode specNode = (ObjectNode) Repo.json("deploy/validation/schemas/compose-spec.json");
        specNode.remove("$id"); // "compose_spec.json", a relative $id the validator will not take as a base
        JsonSchema spec = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(specNode);
        JsonNode compose = Repo.compose("deploy/compose/compose.yaml");
        assertEquals(List.of(), spec.validate(compose).stream().map(m -> m.getMessage()).sorted().toList());

        ObjectNode broken = compose.deepCopy();
        ((ObjectNode) broken.get("services").get("gateway")).put("restart_policy", "always");
        assertFalse(spec.validate(broken).isEmpty(), "a service key compose does not know is refused");
    }
}
