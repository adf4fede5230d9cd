package th.go.ita.scoring.framework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import th.go.ita.platform.outbox.Outbox;
import th.go.ita.platform.problem.Problem;
import th.go.ita.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stores framework documents (validated, versioned, immutable once used) and hands them to scoring. */
@ApplicationScoped
public class FrameworkService {

    public static final String TOPIC = "ita.frameworks";

    public enum Outcome { CREATED, UNCHANGED, REPLACED }

    public record ImportResult(String id, int version, int fiscalYear, Outcome outcome) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Outbox outbox;

    // Parsed documents by id@version: a stored version's content only changes before any round uses it.
    private final Map<String, Framework> parsed = new ConcurrentHashMap<>();

    /** A new document (an administrator's import, a newly shipped edition): sources and verification required. */
    @Transactional
    public ImportResult importDocument(JsonNode document) {
        return importDocument(document, FrameworkValidator.Mode.CURRENT);
    }

    @Transactional
    public ImportResult importDocument(JsonNode document, FrameworkValidator.Mode mode) {
        List<FrameworkValidator.Error> errors = FrameworkValidator.validate(document, mode);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "framework-invalid", errors.stream()
                    .map(e -> new Problem.FieldError(e.path(), e.message(), e.message(), e.message()))
                    .toList(), errors.size());
        }
        String json = write(document);
        String checksum = sha256(json);
        String id = document.get("id").asText();
        int version = document.get("version").asInt();
        int fiscalYear = document.get("fiscalYear").asInt();
        FrameworkVersion stored = FrameworkVersion.find(id, version);
        Outcome outcome;
        if (stored == null) {
            stored = new FrameworkVersion();
            stored.id = id;
            stored.version = version;
            outcome = Outcome.CREATED;
        } else if (stored.checksum.equals(checksum)) {
            return new ImportResult(id, version, stored.fiscalYear, Outcome.UNCHANGED);
        } else if (isUsed(id, version)) {
            throw ProblemException.conflict("framework-in-use", id, version);
        } else {
            outcome = Outcome.REPLACED;
        }
        stored.fiscalYear = fiscalYear;
        stored.document = json;
        stored.checksum = checksum;
        stored.persist();
        parsed.remove(id + "@" + version);
        outbox.add(TOPIC, id + "@" + version, "FrameworkPublished", null, null, document);
        return new ImportResult(id, version, fiscalYear, outcome);
    }

    public boolean isUsed(String id, int version) {
        Number used = (Number) em.createNativeQuery(
                        "SELECT count(*) FROM assessment_round WHERE framework_id = :id AND framework_version = :v")
                .setParameter("id", id).setParameter("v", version).getSingleResult();
        return used.longValue() > 0;
    }

    public FrameworkVersion require(String id, int version) {
        FrameworkVersion stored = FrameworkVersion.find(id, version);
        if (stored == null) {
            throw ProblemException.notFound("framework-not-found", id, version);
        }
        return stored;
    }

    /** A stored version's document as a fresh tree (callers may change their copy). */
    public JsonNode documentOf(String id, int version) {
        try {
            return mapper.readTree(require(id, version).document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored framework cannot be read", e);
        }
    }

    /** The checksum {@link #importDocument} stores for this document. */
    public String checksum(JsonNode document) {
        return sha256(write(document));
    }

    public Framework framework(String id, int version) {
        return parsed.computeIfAbsent(id + "@" + version, k -> parse(require(id, version).document));
    }

    public Framework parse(String json) {
        try {
            return mapper.readValue(json, Framework.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored framework cannot be read", e);
        }
    }

    private String write(JsonNode document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
