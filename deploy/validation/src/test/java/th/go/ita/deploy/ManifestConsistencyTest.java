package th.go.ita.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manifests and compose say what the services themselves say: every topic of docs/events.md
 * and of the services' consumers (dead-letter topics included) is declared with its design and
 * nothing else is; each service's Kafka rights match what it produces and consumes; every Secret a
 * manifest reads exists or is documented; each service reaches its own database as its own role;
 * every setting whose default is a demo value or localhost is set; demo mode is on only where
 * meant; the connection budget holds. A new topic, consumer or such setting without its manifest
 * entry fails here.
 */
class ManifestConsistencyTest {

    private static final Design DESIGN = Design.read();
    /** Secrets the operators make: each KafkaUser's and Strimzi's cluster CA certificate. */
    private static final Set<String> STRIMZI_MADE = Set.of("ita-kafka-cluster-ca-cert");
    /**
     * Settings whose code default (@WithDefault) is a demo value, localhost or a path inside the
     * container, by service, with the variable that replaces it. The count is checked against the
     * code, so a new such default fails until it is listed here and set in the manifests.
     */
    private static final Map<String, List<String>> DEMO_DEFAULTS_IN_CODE = Map.of(
            "survey", List.of("ITA_PUBLIC_BASE_URL", "ITA_SECRETS_HASH_KEY"),
            "scoring", List.of("ITA_PUBLIC_BASE_URL"),
            "evidence", List.of("ITA_EVIDENCE_STORAGE_TYPE"),
            "activity", List.of());

    // ---------------------------------------------------------------- topics

    @Test
    void theDesignIsReadable() {
        assertTrue(DESIGN.producers().keySet().containsAll(Set.of("ita.units", "survey.responses", "scores.changed", "activity.events")),
                "docs/events.md's topic table is read: " + DESIGN.producers());
        assertEquals(Set.of("ita.units", "ita.frameworks", "ita.rounds"), DESIGN.compacted());
        assertTrue(DESIGN.deadLetters().get("scoring").contains("survey.responses.dlq.scoring"));
    }

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = {"dev", "production"})
    void everyTopicIsAKafkaTopicAsDesignedAndNoOtherIs(String overlay) {
        List<JsonNode> objects = Repo.rendered(overlay);
        Map<String, JsonNode> topics = new TreeMap<>();
        Repo.ofKind(objects, "KafkaTopic").forEach(t -> topics.put(topicName(t), t));
        Set<String> missing = new TreeSet<>(DESIGN.allTopics());
        missing.removeAll(topics.keySet());
        assertEquals(Set.of(), missing, "topics of docs/events.md or of the services' consumers (dead-letter topics included)"
                + " without a KafkaTopic in overlay " + overlay + " (deploy/k8s/base/kafka.yaml)");
        Set<String> extra = new TreeSet<>(topics.keySet());
        extra.removeAll(DESIGN.allTopics());
        assertEquals(Set.of(), extra, "KafkaTopics in overlay " + overlay + " that no service writes or reads");
        topics.forEach((name, topic) -> {
            String policy = topic.path("spec").path("config").path("cleanup.policy").asText();
            assertEquals(DESIGN.compacted().contains(name) ? "compact" : "delete", policy, name + "'s cleanup.policy");
            assertTrue(topic.path("spec").path("partitions").asInt() >= 1, name + " has partitions");
            assertTrue(topic.path("spec").path("config").has("retention.ms") || DESIGN.compacted().contains(name),
                    name + " says how long it keeps events");
        });
        JsonNode kafkaConfig = Repo.ofKind(objects, "Kafka").get(0).path("spec").path("kafka").path("config");
        assertEquals("false", kafkaConfig.path("auto.create.topics.enable").asText(), "no topic is created on the fly");
    }

    @Test
    void composeCreatesTheSameTopicsAsKubernetes() {
        Map<String, String> kubernetes = new TreeMap<>();
        for (JsonNode t : Repo.ofKind(Repo.rendered("production"), "KafkaTopic")) {
            kubernetes.put(topicName(t), t.path("spec").path("partitions").asText() + " " + configLine(t.path("spec").path("config")));
        }
        Map<String, String> compose = new TreeMap<>();
        for (String line : Repo.read("deploy/compose/topics.txt").split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (!line.isBlank() && !line.startsWith("#")) {
                compose.put(parts[0], parts[1] + " " + (parts.length > 2 ? parts[2] : ""));
            }
        }
        Set<String> missing = new TreeSet<>(kubernetes.keySet());
        missing.removeAll(compose.keySet());
        assertEquals(Set.of(), missing, "KafkaTopics that deploy/compose/topics.txt does not create");
        assertEquals(kubernetes, compose, "deploy/compose/topics.txt's partitions and settings against the KafkaTopics");
        JsonNode kafka = Repo.compose("deploy/compose/compose.yaml").path("services").path("kafka").path("environment");
        assertEquals("false", kafka.path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText(), "compose's broker creates no topic on the fly");
    }

    @Test
    void eachServiceMayWriteOnlyItsOwnTopicsItsDeadLettersAndWhatItReplays() {
        List<JsonNode> objects = Repo.rendered("production");
        for (String service : Repo.SERVICES) {
            JsonNode user = Repo.named(objects, "KafkaUser", "ita-kafka-" + service);
            assertEquals("scram-sha-512", user.path("spec").path("authentication").path("type").asText());
            Set<String> writes = new TreeSet<>();
            Set<String> reads = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                Set<String> ops = new TreeSet<>();
                acl.path("operations").forEach(o -> ops.add(o.asText()));
                assertFalse(ops.contains("All"), service + " is granted single operations, not All");
                if (resource.path("type").asText().equals("topic")) {
                    assertEquals("literal", resource.path("patternType").asText("literal"), service + ": topics by name, never by prefix");
                    if (ops.contains("Write")) {
                        writes.add(resource.path("name").asText());
                    }
                    if (ops.contains("Read")) {
                        reads.add(resource.path("name").asText());
                    }
                } else if (resource.path("type").asText().equals("group")) {
                    groups.add(resource.path("name").asText());
                }
            }
            Set<String> ownDeadLetters = DESIGN.deadLetters().get(service);
            Set<String> mayWrite = new TreeSet<>(DESIGN.producedBy(service));
            mayWrite.addAll(ownDeadLetters);
            mayWrite.addAll(DESIGN.consumed().get(service)); // only to replay parked events
            assertEquals(mayWrite, writes, service + " writes its own topics, its own dead-letter topics and (for replays) what it consumes");
            Set<String> mayRead = new TreeSet<>(DESIGN.consumed().get(service));
            mayRead.addAll(ownDeadLetters);
            assertEquals(mayRead, reads, service + " reads what it consumes and its own dead-letter topics");
            assertEquals(Set.of(service + "-service"), groups, service + "'s consumer groups (prefix)");
            Properties p = Repo.properties(service);
            p.stringPropertyNames().stream().filter(k -> k.endsWith("group.id"))
                    .forEach(k -> assertTrue(p.getProperty(k).startsWith(service + "-service"), k + " is within " + service + "'s ACL"));

            JsonNode container = container(objects, service);
            assertEquals("ita-kafka-" + service, env(objects, container).get("KAFKA_SASL_JAAS_CONFIG").path("valueFrom").path("secretKeyRef").path("name").asText(),
                    service + " logs in to Kafka as its own user");
        }
    }

    // ---------------------------------------------------------------- secrets

    @Test
    void everySecretProductionReadsIsDocumentedOrMadeByAnOperator() {
        List<JsonNode> objects = Repo.rendered("production");
        Set<String> documented = documentedSecrets();
        Set<String> operatorMade = operatorMadeSecrets(objects);
        Set<String> missing = new TreeSet<>();
        secretReferences(objects).keySet().forEach(name -> {
            if (!documented.contains(name) && !operatorMade.contains(name)) {
                missing.add(name);
            }
        });
        assertEquals(Set.of(), missing, "Secrets the production overlay reads that deploy/k8s/README.md (\"Secrets\") does not list");
        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(secretReferences(objects).keySet());
        assertEquals(Set.of(), stale, "Secrets deploy/k8s/README.md lists that nothing reads");
    }

    @Test
    void theDevOverlayMakesEverySecretItReadsWithTheKeysItReads() {
        List<JsonNode> objects = Repo.rendered("dev");
        Map<String, Set<String>> made = new TreeMap<>();
        for (JsonNode secret : Repo.ofKind(objects, "Secret")) {
            Set<String> keys = new TreeSet<>();
            secret.path("data").fieldNames().forEachRemaining(keys::add);
            secret.path("stringData").fieldNames().forEachRemaining(keys::add);
            made.put(secret.path("metadata").path("name").asText(), keys);
        }
        Set<String> operatorMade = operatorMadeSecrets(objects);
        List<String> problems = new ArrayList<>();
        secretReferences(objects).forEach((name, keys) -> {
            if (operatorMade.contains(name) || name.endsWith("-tls")) {
                return; // TLS: cert-manager or your own, in every overlay (README)
            }
            if (!made.containsKey(name)) {
                problems.add(name + " is read but the dev overlay does not make it");
            } else if (!made.get(name).containsAll(keys)) {
                problems.add(name + " lacks keys " + keys.stream().filter(k -> !made.get(name).contains(k)).toList());
            }
        });
        assertEquals(List.of(), problems);
    }

    // ---------------------------------------------------------------- databases

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = {"dev", "production"})
    void eachServiceReachesItsOwnDatabaseAsItsOwnRole(String overlay) {
        List<JsonNode> objects = Repo.rendered(overlay);
        JsonNode cluster = Repo.ofKind(objects, "Cluster").get(0);
        Map<String, String> roles = new TreeMap<>(); // role → password Secret
        JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
        roles.put(initdb.path("owner").asText(), initdb.path("secret").path("name").asText());
        for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
            assertTrue(role.path("login").asBoolean(), role + " can log in");
            roles.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText());
        }
        Map<String, String> databases = new TreeMap<>(); // database → owner
        Repo.ofKind(objects, "Database").forEach(d -> databases.put(d.path("spec").path("name").asText(), d.path("spec").path("owner").asText()));

        List<String> everyone = new ArrayList<>(Repo.SERVICES);
        everyone.add("keycloak");
        for (String name : everyone) {
            assertEquals(name, databases.get(name), "a Database " + name + " owned by role " + name);
            assertEquals("ita-db-" + name, roles.get(name), "role " + name + " with its password in ita-db-" + name);
        }
        for (String service : Repo.SERVICES) {
            Map<String, JsonNode> env = env(objects, container(objects, service));
            String url = env.get("QUARKUS_DATASOURCE_JDBC_URL").path("value").asText();
            assertTrue(url.matches("jdbc:postgresql://ita-pg-pooler-rw:5432/" + service + "(\\?.*)?"), service + " reaches its database through the pooler: " + url);
            for (String var : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                assertEquals("ita-db-" + service, env.get(var).path("valueFrom").path("secretKeyRef").path("name").asText(), service + "'s " + var);
            }
            if (overlay.equals("dev")) {
                JsonNode secret = Repo.named(objects, "Secret", "ita-db-" + service);
                assertEquals(service, decode(secret, "username"), "ita-db-" + service + "'s username is the role CloudNativePG creates");
            }
        }
        JsonNode keycloak = Repo.ofKind(objects, "Keycloak").get(0).path("spec").path("db");
        assertEquals("keycloak", keycloak.path("database").asText());
        assertEquals("ita-db-keycloak", keycloak.path("passwordSecret").path("name").asText());
    }

    @Test
    void composeGivesEachServiceItsOwnDatabaseAndRole() {
        JsonNode services = Repo.compose("deploy/compose/compose.yaml").path("services");
        String init = Repo.read("deploy/compose/init-databases.sh");
        for (String service : Repo.SERVICES) {
            JsonNode env = services.path(service + "-service").path("environment");
            assertEquals("jdbc:postgresql://postgres:5432/" + service, env.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
            assertEquals(service, env.path("QUARKUS_DATASOURCE_USERNAME").asText());
            assertTrue(env.path("QUARKUS_DATASOURCE_PASSWORD").asText().startsWith("${ITA_DB_" + service.toUpperCase(Locale.ROOT) + "_PASSWORD:?"),
                    service + "'s database password comes from the env file, with no default");
            assertTrue(init.contains(service), "init-databases.sh makes " + service + "'s role and database");
            assertTrue(services.path("postgres").path("environment").has("ITA_DB_" + service.toUpperCase(Locale.ROOT) + "_PASSWORD"));
        }
    }

    // ---------------------------------------------------------------- settings

    /** Settings that would point at a laptop, or use a demo value, if a deployment left them alone. */
    @Test
    void everySettingThatDefaultsToTheDemoIsSetInEveryDeployment() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            Set<String> needed = new TreeSet<>(DEMO_DEFAULTS_IN_CODE.get(service));
            assertEquals(DEMO_DEFAULTS_IN_CODE.get(service).size(), demoDefaultsInCode(service),
                    service + ": @WithDefault values that are demo values, localhost or a container path; list each in DEMO_DEFAULTS_IN_CODE with the variable that replaces it and set it in the manifests");
            Properties p = Repo.properties(service);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key).toLowerCase(Locale.ROOT);
                if (value.contains("localhost") || value.contains("127.0.0.1") || value.contains("demo") || key.equals("quarkus.datasource.username")) {
                    needed.add(envName(key));
                }
            }
            for (String overlay : Repo.OVERLAYS) {
                List<JsonNode> objects = Repo.rendered(overlay);
                Set<String> set = env(objects, container(objects, service)).keySet();
                needed.stream().filter(v -> !set.contains(v)).forEach(v -> problems.add(overlay + ": " + service + " leaves " + v + " at its default"));
            }
            JsonNode composeEnv = Repo.compose("deploy/compose/compose.yaml").path("services").path(service + "-service").path("environment");
            needed.stream().filter(v -> !composeEnv.has(v)).forEach(v -> problems.add("compose: " + service + " leaves " + v + " at its default"));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void demoModeIsOnInTheDevOverlayAndInDemoEnvOnly() {
        for (String service : Repo.SERVICES) {
            assertEquals("true", env(Repo.rendered("dev"), container(Repo.rendered("dev"), service)).get("ITA_DEMO").path("value").asText(), service + " in dev");
            assertEquals("false", env(Repo.rendered("production"), container(Repo.rendered("production"), service)).get("ITA_DEMO").path("value").asText(), service + " in production");
            JsonNode composeEnv = Repo.compose("deploy/compose/compose.yaml").path("services").path(service + "-service").path("environment");
            assertEquals("${ITA_DEMO:-false}", composeEnv.path("ITA_DEMO").asText(), service + " in compose: off unless the env file says so");
        }
        assertTrue(Repo.read("deploy/compose/demo.env").lines().anyMatch("ITA_DEMO=true"::equals));
    }

    /** Without demo.env, compose has no secret to fall back on: each is required from the env file, and demo.env sets each. */
    @Test
    void composeHasNoDefaultSecrets() {
        String compose = Repo.read("deploy/compose/compose.yaml");
        Matcher withDefault = Pattern.compile("\\$\\{[A-Z0-9_]*(PASSWORD|SECRET|_KEY):?-").matcher(compose);
        assertFalse(withDefault.find(), "a secret with a default value in compose.yaml");
        Set<String> required = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?").matcher(compose);
        while (m.find()) {
            required.add(m.group(1));
        }
        assertTrue(required.containsAll(Set.of("POSTGRES_PASSWORD", "ITA_SECRETS_HASH_KEY", "ITA_KEYCLOAK_ADMIN_CLIENT_SECRET", "ITA_REALM_FILE")), required.toString());
        Set<String> demo = Repo.read("deploy/compose/demo.env").lines().filter(l -> l.contains("=") && !l.startsWith("#"))
                .map(l -> l.substring(0, l.indexOf('='))).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unset = new TreeSet<>(required);
        unset.removeAll(demo);
        assertEquals(Set.of(), unset, "variables compose requires that demo.env does not set");
    }

    // ---------------------------------------------------------------- realm

    @Test
    void theDevRealmImportIsTheDemoRealmAsTheScriptWritesIt() {
        String generated = Repo.run("bash", Repo.path("deploy/k8s/realm-import.sh").toString(),
                "deploy/keycloak/ita-realm.json", "https://ita.example.org");
        assertEquals(generated, Repo.read("deploy/k8s/overlays/dev/realm-import.yaml"),
                "deploy/k8s/overlays/dev/realm-import.yaml is stale: run deploy/k8s/realm-import.sh deploy/keycloak/ita-realm.json https://ita.example.org > deploy/k8s/overlays/dev/realm-import.yaml");
        JsonNode realm = Repo.named(Repo.rendered("dev"), "KeycloakRealmImport", "ita-realm").path("spec").path("realm");
        assertFalse(realm.toString().contains("demo-secret-scoring-admin"), "ita-scoring-admin's secret comes from ita-keycloak-admin-client");
    }

    @Test
    void theProductionRealmHasNoDemoUsersTestClientOrDemoSecrets() throws IOException {
        JsonNode realm = Repo.named(Repo.rendered("production"), "KeycloakRealmImport", "ita-realm").path("spec").path("realm");
        // A client's service account (ita-scoring-admin's, which invites users) is a user in the file, not a person.
        List<String> people = new ArrayList<>();
        realm.path("users").forEach(u -> {
            if (!u.hasNonNull("serviceAccountClientId")) {
                people.add(u.path("username").asText());
            }
        });
        assertEquals(List.of(), people, "users in the production realm import");
        realm.path("clients").forEach(c -> assertFalse(c.path("clientId").asText().equals("ita-test"), "the ita-test client (password grant) in production"));
        assertFalse(realm.toString().contains("demo-secret"), "a demo client secret in the production realm import");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Repo.path("deploy/keycloak"), "*production*.json")) {
            for (Path file : files) {
                String generated = Repo.run("bash", Repo.path("deploy/k8s/realm-import.sh").toString(),
                        Repo.ROOT.relativize(file).toString(), "https://ita.example.org");
                assertEquals(generated, Repo.read("deploy/k8s/overlays/production/realm-import.yaml"),
                        file.getFileName() + " exists: generate overlays/production/realm-import.yaml from it (the file's header says how)");
            }
        }
    }

    // ---------------------------------------------------------------- gateway

    /** Evidence's upload cap gets through every gateway, and survey sees the respondent's own address. */
    @Test
    void theGatewaysPassEvidenceUploadsAndTheRespondentsAddress() {
        Matcher cap = Pattern.compile("@WithDefault\\(\"(\\d+)\"\\)\\s+long maxBytes\\(\\)")
                .matcher(Repo.read("evidence-service/src/main/java/th/go/ita/evidence/config/EvidenceConfig.java"));
        assertTrue(cap.find(), "evidence's upload cap (ita.evidence.upload.max-bytes) is found");
        long maxBytes = Long.parseLong(cap.group(1));
        for (String conf : List.of("deploy/compose/nginx.conf", "deploy/k8s/base/gateway-nginx.conf")) {
            String text = Repo.read(conf);
            Matcher limit = Pattern.compile("\\n  client_max_body_size (\\d+)m;").matcher(text);
            assertTrue(limit.find(), conf + " sets client_max_body_size at server level");
            assertTrue(Long.parseLong(limit.group(1)) * 1024 * 1024 > maxBytes, conf + " lets a " + maxBytes + "-byte upload and its envelope through");
            assertTrue(text.contains("\n  proxy_set_header X-Forwarded-For $remote_addr;"), conf + " replaces X-Forwarded-For with the caller's address");
        }
        String ingressLimit = Repo.named(Repo.rendered("production"), "Ingress", "ita").path("metadata").path("annotations")
                .path("nginx.ingress.kubernetes.io/proxy-body-size").asText();
        assertTrue(ingressLimit.endsWith("m") && Long.parseLong(ingressLimit.replace("m", "")) * 1024 * 1024 > maxBytes, "the Ingress body limit " + ingressLimit);
        assertTrue(Repo.read("deploy/k8s/base/gateway-nginx.conf").contains("real_ip_header X-Forwarded-For;"),
                "behind the Ingress the gateway takes the browser's address from it");

        JsonNode compose = Repo.compose("deploy/compose/compose.yaml").path("services");
        assertEquals(compose.path("gateway").path("networks").path("default").path("ipv4_address").asText(),
                compose.path("survey-service").path("environment").path("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").asText(),
                "survey trusts exactly the compose gateway's address");
        for (String overlay : Repo.OVERLAYS) {
            List<JsonNode> objects = Repo.rendered(overlay);
            assertTrue(env(objects, container(objects, "survey")).containsKey("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"), overlay + ": survey trusts the gateway");
        }
    }

    // ---------------------------------------------------------------- capacity

    @Test
    void theConnectionBudgetHoldsAndScoringHasAPartitionPerPod() {
        List<JsonNode> objects = Repo.rendered("production");
        JsonNode cluster = Repo.ofKind(objects, "Cluster").get(0).path("spec");
        int maxConnections = cluster.path("postgresql").path("parameters").path("max_connections").asInt();
        JsonNode pooler = Repo.ofKind(objects, "Pooler").get(0).path("spec");
        int poolerPods = pooler.path("instances").asInt();
        int poolSize = pooler.path("pgbouncer").path("parameters").path("default_pool_size").asInt();
        int maxClients = pooler.path("pgbouncer").path("parameters").path("max_client_conn").asInt();
        JsonNode keycloak = Repo.ofKind(objects, "Keycloak").get(0).path("spec");
        int reserve = 10; // operator, replication, one psql
        int server = poolerPods * poolSize * Repo.SERVICES.size()
                + keycloak.path("instances").asInt() * keycloak.path("db").path("poolMaxSize").asInt() + reserve;
        assertTrue(server <= maxConnections, "PostgreSQL connections at most " + server + " > max_connections " + maxConnections);

        int clients = 0;
        for (String service : Repo.SERVICES) {
            int pods = mostPods(objects, service);
            JsonNode size = env(objects, container(objects, service)).get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
            int pool = size != null ? size.path("value").asInt() : Integer.parseInt(Repo.properties(service).getProperty("quarkus.datasource.jdbc.max-size"));
            clients += pods * pool;
        }
        // Clients may all land on one pooler pod.
        assertTrue(clients <= maxClients, "pooler clients at most " + clients + " > max_client_conn " + maxClients);

        int partitions = Repo.named(objects, "KafkaTopic", "survey.responses").path("spec").path("partitions").asInt();
        assertTrue(mostPods(objects, "scoring") <= partitions, "more scoring pods than survey.responses partitions would leave some idle");
    }

    // ---------------------------------------------------------------- helpers

    static String topicName(JsonNode topic) {
        String explicit = topic.path("spec").path("topicName").asText("");
        return explicit.isEmpty() ? topic.path("metadata").path("name").asText() : explicit;
    }

    private static String configLine(JsonNode config) {
        List<String> pairs = new ArrayList<>();
        config.fields().forEachRemaining(e -> pairs.add(e.getKey() + "=" + e.getValue().asText()));
        return String.join(",", pairs);
    }

    static JsonNode container(List<JsonNode> objects, String service) {
        return Repo.named(objects, "Deployment", service + "-service").path("spec").path("template").path("spec").path("containers").get(0);
    }

    /** A container's environment, envFrom ConfigMaps included (as {"value": …}). */
    static Map<String, JsonNode> env(List<JsonNode> objects, JsonNode container) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String name = from.path("configMapRef").path("name").asText();
            Repo.named(objects, "ConfigMap", name).path("data").fields()
                    .forEachRemaining(e -> env.put(e.getKey(), Repo.JSON.createObjectNode().put("value", e.getValue().asText())));
        }
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    private static int mostPods(List<JsonNode> objects, String service) {
        return Repo.ofKind(objects, "HorizontalPodAutoscaler").stream()
                .filter(h -> h.path("spec").path("scaleTargetRef").path("name").asText().equals(service + "-service"))
                .map(h -> h.path("spec").path("maxReplicas").asInt()).findFirst()
                .orElse(Repo.named(objects, "Deployment", service + "-service").path("spec").path("replicas").asInt());
    }

    /** Secret name → keys read, from every place a manifest names a Secret. */
    static Map<String, Set<String>> secretReferences(List<JsonNode> objects) {
        Map<String, Set<String>> refs = new TreeMap<>();
        objects.stream().filter(o -> !o.path("kind").asText().equals("Secret")).forEach(o -> collectSecrets(o, null, refs));
        return refs;
    }

    private static final Set<String> SECRET_OBJECT_FIELDS = Set.of("secretKeyRef", "secret", "passwordSecret", "usernameSecret",
            "accessKeyId", "secretAccessKey", "authQuerySecret");

    private static void collectSecrets(JsonNode node, String field, Map<String, Set<String>> refs) {
        if (node.isObject()) {
            if (field != null && SECRET_OBJECT_FIELDS.contains(field) && (node.has("name") || node.has("secretName"))) {
                String name = node.has("secretName") ? node.path("secretName").asText() : node.path("name").asText();
                Set<String> keys = refs.computeIfAbsent(name, k -> new TreeSet<>());
                if (node.has("key")) {
                    keys.add(node.path("key").asText());
                }
                node.path("items").forEach(i -> keys.add(i.path("key").asText()));
            }
            node.fields().forEachRemaining(e -> {
                if ((e.getKey().equals("secretName") || e.getKey().equals("tlsSecret")) && e.getValue().isTextual()) {
                    refs.computeIfAbsent(e.getValue().asText(), k -> new TreeSet<>());
                } else {
                    collectSecrets(e.getValue(), e.getKey(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectSecrets(n, field, refs));
        }
    }

    private static Set<String> operatorMadeSecrets(List<JsonNode> objects) {
        Set<String> made = new TreeSet<>(STRIMZI_MADE);
        Repo.ofKind(objects, "KafkaUser").forEach(u -> made.add(u.path("metadata").path("name").asText()));
        return made;
    }

    /** The Secret names in the first column of deploy/k8s/README.md's "Secrets" table. */
    private static Set<String> documentedSecrets() {
        String readme = Repo.read("deploy/k8s/README.md");
        String section = readme.substring(readme.indexOf("## Secrets"));
        section = section.substring(0, section.indexOf("\n## ", 5));
        Set<String> names = new TreeSet<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("| `")) {
                Matcher m = Pattern.compile("`([a-z0-9-]+)`").matcher(line.substring(0, line.indexOf(" | ", 2)));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    private static String decode(JsonNode secret, String key) {
        JsonNode data = secret.path("data").path(key);
        return data.isMissingNode() ? secret.path("stringData").path(key).asText()
                : new String(java.util.Base64.getDecoder().decode(data.asText()), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** quarkus.datasource.jdbc.url → QUARKUS_DATASOURCE_JDBC_URL (MicroProfile Config's environment mapping). */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static long demoDefaultsInCode(String service) throws IOException {
        Pattern demo = Pattern.compile("@WithDefault\\((\"[^\"]*(localhost|127\\.0\\.0\\.1|demo|\\.ita-data)[^\"]*\"|[A-Z_]*DEMO[A-Z_]*)\\)", Pattern.CASE_INSENSITIVE);
        try (var files = Files.walk(Repo.path(service + "-service/src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).mapToLong(f -> {
                try {
                    return demo.matcher(Files.readString(f)).results().count();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
