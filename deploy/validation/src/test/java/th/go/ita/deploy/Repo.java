package th.go.ita.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The repository as the deployment sees it: its files, the rendered overlays, the services' settings. */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("ita.project.root", "../..")).toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("survey", "scoring", "evidence", "activity");
    static final List<String> OVERLAYS = List.of("dev", "production");
    static final ObjectMapper JSON = new ObjectMapper();
    static final YAMLMapper YAML = new YAMLMapper();

    private static final Map<String, List<JsonNode>> RENDERED = new LinkedHashMap<>();

    private Repo() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(String relative) {
        try {
            return YAML.readTree(path(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A compose file as docker compose reads it: YAML merge keys ({@code <<: *service}) resolved, which
     * SnakeYAML does and Jackson's YAML reader does not.
     */
    static JsonNode compose(String relative) {
        Object tree = new org.yaml.snakeyaml.Yaml().load(read(relative));
        return JSON.valueToTree(tree);
    }

    static JsonNode json(String relative) {
        try {
            return JSON.readTree(path(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every YAML document of a text, as JSON trees (empty documents left out). */
    static List<JsonNode> documents(String text) {
        try (var parser = new YAMLFactory().createParser(text)) {
            List<JsonNode> docs = new ArrayList<>();
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects {@code kubectl kustomize deploy/k8s/overlays/<overlay>} renders (once per run). */
    static synchronized List<JsonNode> rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> documents(run("kubectl", "kustomize", path("deploy/k8s/overlays/" + o).toString())));
    }

    static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is needed to check the deployment manifests and is not installed"
                    + " (kubectl ≥ 1.27 with its built-in kustomize; .ci/run checks for it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A service's application.properties without its profile-specific (%test…) lines. */
    static Properties properties(String service) {
        Properties all = new Properties();
        try (var in = Files.newBufferedReader(path(service + "-service/src/main/resources/application.properties"))) {
            all.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties main = new Properties();
        all.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).forEach(k -> main.setProperty(k, all.getProperty(k)));
        return main;
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static JsonNode named(List<JsonNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }
}
