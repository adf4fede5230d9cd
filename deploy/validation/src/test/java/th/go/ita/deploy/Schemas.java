package th.go.ita.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The pinned schemas of deploy/validation/schemas (SOURCES.md), read strictly as the API server
 * would: an object field no schema declares is an error (a misspelt field is silently dropped by
 * the server otherwise, e.g. a probe that never runs), int-or-string and quantities take both forms.
 */
final class Schemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Path DIR = Repo.path("deploy/validation/schemas");
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(false).build();

    /** group/version/Kind (core group empty) → schema. */
    private final Map<String, JsonSchema> byKind = new HashMap<>();

    Schemas() {
        loadKubernetes();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(DIR, "crds-*.json")) {
            for (Path file : files) {
                Repo.JSON.readTree(file.toFile()).fields().forEachRemaining(e -> {
                    ObjectNode schema = e.getValue().deepCopy();
                    // Some CRDs (Keycloak's) declare only spec and status; the API server takes the
                    // type and object metadata of every object all the same.
                    ObjectNode properties = (ObjectNode) schema.get("properties");
                    properties.putIfAbsent("apiVersion", NODES.objectNode().put("type", "string"));
                    properties.putIfAbsent("kind", NODES.objectNode().put("type", "string"));
                    properties.putIfAbsent("metadata", NODES.objectNode().put("type", "object"));
                    strict(schema);
                    byKind.put(e.getKey(), JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema, CONFIG));
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void loadKubernetes() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(DIR, "kubernetes-*.json")) {
            for (Path file : files) {
                ObjectNode doc = (ObjectNode) Repo.JSON.readTree(file.toFile());
                ObjectNode definitions = (ObjectNode) doc.get("definitions");
                definitions.set("io.k8s.apimachinery.pkg.util.intstr.IntOrString", anyOf("string", "integer"));
                definitions.set("io.k8s.apimachinery.pkg.api.resource.Quantity", anyOf("string", "number"));
                definitions.fields().forEachRemaining(e -> strict(e.getValue()));
                definitions.fields().forEachRemaining(e -> {
                    for (JsonNode gvk : e.getValue().path("x-kubernetes-group-version-kind")) {
                        ObjectNode root = NODES.objectNode();
                        root.set("definitions", definitions);
                        root.put("$ref", "#/definitions/" + e.getKey());
                        String key = gvk.path("group").asText() + "/" + gvk.path("version").asText() + "/" + gvk.path("kind").asText();
                        byKind.put(key, JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(root, CONFIG));
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Problems of one object, each with the object's kind and name; empty when it is valid. */
    List<String> problems(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        String key = (apiVersion.contains("/") ? apiVersion : "/" + apiVersion) + "/" + kind;
        String name = kind + " " + object.path("metadata").path("name").asText();
        JsonSchema schema = byKind.get(key);
        if (schema == null) {
            return List.of(name + ": no pinned schema for " + key + " (deploy/validation/schemas, SOURCES.md)");
        }
        Set<ValidationMessage> errors = schema.validate(object);
        return errors.stream().map(m -> name + ": " + m.getMessage()).sorted().collect(Collectors.toList());
    }

    Set<String> kinds() {
        return new TreeSet<>(byKind.keySet());
    }

    private static ObjectNode anyOf(String... types) {
        ObjectNode node = NODES.objectNode();
        ArrayNode options = node.putArray("anyOf");
        for (String type : types) {
            options.addObject().put("type", type);
        }
        return node;
    }

    /** Unknown fields refused wherever the schema lists the fields; int-or-string and nullable as the API server reads them. */
    private static ObjectNode strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("x-kubernetes-int-or-string").asBoolean()) {
                object.remove("type");
                object.set("anyOf", anyOf("string", "integer").get("anyOf"));
            }
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                object.put("additionalProperties", false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("properties") || e.getKey().equals("definitions")) {
                    e.getValue().fields().forEachRemaining(p -> strict(p.getValue()));
                } else if (!e.getKey().equals("enum") && !e.getKey().equals("default") && !e.getKey().equals("example")) {
                    strict(e.getValue());
                }
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            array.forEach(Schemas::strict);
        }
        return null;
    }
}
