package th.go.ita.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The images are built by Jib in the opt-in profile {@code images} of each service's pom; CI cannot
 * pull their base image, so it checks their configuration here instead: one configuration for all
 * four, a non-root user, port 8080, Quarkus' fast-jar under /app and its entrypoint, the OCI labels, and that the
 * manifests and compose run them as that user, on that port, probing the health paths the image
 * names.
 */
class ImageConfigTest {

    @Test
    void theFourServicesShareOneImageConfiguration() throws Exception {
        Map<String, String> normalised = new LinkedHashMap<>();
        for (String service : Repo.SERVICES) {
            normalised.put(service, text(jib(service)).replace(service + "-service", "<service>"));
        }
        String first = normalised.get(Repo.SERVICES.get(0));
        normalised.forEach((service, config) -> assertEquals(first, config, service + "-service's Jib configuration differs from survey-service's"));
    }

    @Test
    void eachImageIsNonRootOnPort8080WithQuarkusEntrypointAndLabels() throws Exception {
        for (String service : Repo.SERVICES) {
            Element jib = jib(service);
            Element configuration = child(jib, "configuration");
            assertEquals("ita/" + service + "-service:${project.version}", path(configuration, "to", "image"));
            Element container = child(configuration, "container");
            String user = path(container, "user");
            assertTrue(user.matches("[1-9][0-9]*(:[1-9][0-9]*)?"), service + " runs as a numeric non-root user, not " + user);
            assertEquals(List.of("8080"), children(child(container, "ports")));
            assertEquals("8080", path(container, "environment", "QUARKUS_HTTP_PORT"));
            assertEquals("/app", path(container, "workingDirectory"));
            assertEquals(List.of("java", "-XX:MaxRAMPercentage=75", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                    "-jar", "/app/quarkus-run.jar"), children(child(container, "entrypoint")), service + " starts Quarkus' fast-jar");
            List<String> into = new ArrayList<>();
            NodeList paths = child(child(configuration, "extraDirectories"), "paths").getElementsByTagName("path");
            for (int i = 0; i < paths.getLength(); i++) {
                into.add(path((Element) paths.item(i), "from").replace("${project.build.directory}/quarkus-app", "") + " -> " + path((Element) paths.item(i), "into"));
            }
            assertEquals(List.of("/lib -> /app/lib", "/quarkus -> /app/quarkus", "/app -> /app/app", " -> /app"), into,
                    service + " copies the whole fast-jar layout under /app");
            // Jib's own layers for a plain Java app land under appRoot, which the layer filter drops.
            String appRoot = path(container, "appRoot");
            Element extension = child(child(configuration, "pluginExtensions"), "pluginExtension");
            assertEquals("com.google.cloud.tools.jib.maven.extension.layerfilter.JibLayerFilterExtension", path(extension, "implementation"));
            assertEquals(appRoot + "/**", path(extension, "configuration", "filters", "filter", "glob"));
            Element labels = child(container, "labels");
            assertEquals(service + "-service", path(labels, "org.opencontainers.image.title"));
            assertEquals("${project.version}", path(labels, "org.opencontainers.image.version"));
            for (String probe : List.of("started", "ready", "live")) {
                assertEquals("/q/health/" + probe, path(labels, "th.go.ita.health." + probe));
            }
        }
    }

    @Test
    void manifestsAndComposeRunTheImagesAsBuilt() throws Exception {
        for (String service : Repo.SERVICES) {
            Element container = child(child(jib(service), "configuration"), "container");
            int uid = Integer.parseInt(path(container, "user").split(":")[0]);
            Element labels = child(container, "labels");
            for (String overlay : Repo.OVERLAYS) {
                List<JsonNode> objects = Repo.rendered(overlay);
                JsonNode pod = Repo.named(objects, "Deployment", service + "-service").path("spec").path("template").path("spec");
                JsonNode c = pod.path("containers").get(0);
                String where = overlay + ": " + service;
                assertTrue(c.path("image").asText().startsWith("ita/" + service + "-service:"), where + " image " + c.path("image"));
                assertEquals(8080, c.path("ports").get(0).path("containerPort").asInt(), where + " port");
                assertEquals(uid, pod.path("securityContext").path("runAsUser").asInt(), where + " user");
                assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), where + " runAsNonRoot");
                assertTrue(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean(), where + " read-only root");
                assertEquals(path(labels, "th.go.ita.health.started"), c.path("startupProbe").path("httpGet").path("path").asText(), where + " startup probe");
                assertEquals(path(labels, "th.go.ita.health.ready"), c.path("readinessProbe").path("httpGet").path("path").asText(), where + " readiness probe");
                assertEquals(path(labels, "th.go.ita.health.live"), c.path("livenessProbe").path("httpGet").path("path").asText(), where + " liveness probe");
                JsonNode svc = Repo.named(objects, "Service", service + "-service");
                assertEquals("http", svc.path("spec").path("ports").get(0).path("targetPort").asText(), where + " Service targets the container's port");
            }
            JsonNode compose = Repo.compose("deploy/compose/compose.yaml").path("services").path(service + "-service");
            assertTrue(compose.path("image").asText().startsWith("ita/" + service + "-service:"), "compose: " + service + " image");
            String check = compose.path("healthcheck").path("test").toString();
            assertTrue(check.contains("localhost/8080") && check.contains(path(labels, "th.go.ita.health.ready")), "compose: " + service + " health check " + check);
        }
        // The gateway proxies to the port the images listen on.
        for (String conf : List.of("deploy/compose/nginx.conf", "deploy/k8s/base/gateway-nginx.conf")) {
            for (String service : Repo.SERVICES) {
                assertTrue(Repo.read(conf).matches("(?s).*proxy_pass http://" + service + "-service[.a-z]*:8080/;.*"), conf + " routes /api/" + service + "/ to port 8080");
            }
        }
    }

    private static Element jib(String service) throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Repo.path(service + "-service/pom.xml").toFile());
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if ("images".equals(path(profile, "id"))) {
                NodeList plugins = profile.getElementsByTagName("plugin");
                for (int j = 0; j < plugins.getLength(); j++) {
                    Element plugin = (Element) plugins.item(j);
                    if ("jib-maven-plugin".equals(path(plugin, "artifactId"))) {
                        return plugin;
                    }
                }
            }
        }
        throw new AssertionError(service + "-service/pom.xml has no jib-maven-plugin in a profile \"images\"");
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("<" + parent.getTagName() + "> has no <" + name + ">");
    }

    private static String path(Element from, String... names) {
        Element e = from;
        for (String name : names) {
            e = child(e, name);
        }
        assertNotNull(e);
        return e.getTextContent().trim();
    }

    private static List<String> children(Element parent) {
        List<String> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e.getTextContent().trim());
            }
        }
        return out;
    }

    /** The element's text without comments and whitespace, for comparing configurations. */
    private static String text(Element e) {
        StringBuilder out = new StringBuilder();
        append(e, out);
        return out.toString();
    }

    private static void append(Node n, StringBuilder out) {
        if (n instanceof Element e) {
            out.append('<').append(e.getTagName()).append('>');
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                append(c, out);
            }
            out.append("</").append(e.getTagName()).append('>');
        } else if (n.getNodeType() == Node.TEXT_NODE) {
            out.append(n.getTextContent().trim());
        }
    }
}
