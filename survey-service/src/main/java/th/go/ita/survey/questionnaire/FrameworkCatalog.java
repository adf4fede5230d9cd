package th.go.ita.survey.questionnaire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Framework documents from the local read model, parsed once: a published version never changes,
 * so every submission can be validated without reading and parsing the document again.
 */
@ApplicationScoped
public class FrameworkCatalog {

    private final Map<String, JsonNode> parsed = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** @return the document, or null when this service has not received that version yet */
    public JsonNode document(String id, int version) {
        JsonNode cached = parsed.get(key(id, version));
        if (cached != null) {
            return cached;
        }
        List<?> rows = em.createNativeQuery("SELECT CAST(document AS text) FROM framework WHERE id = :id AND version = :version")
                .setParameter("id", id)
                .setParameter("version", version)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        try {
            JsonNode doc = json.readTree((String) rows.get(0));
            parsed.put(key(id, version), doc);
            return doc;
        } catch (Exception e) {
            throw new IllegalStateException("Stored framework " + key(id, version) + " is not JSON", e);
        }
    }

    public void forget(String id, int version) {
        parsed.remove(key(id, version));
    }

    private static String key(String id, int version) {
        return id + "@" + version;
    }
}
