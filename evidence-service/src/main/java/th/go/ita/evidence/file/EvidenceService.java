package th.go.ita.evidence.file;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import th.go.ita.evidence.access.RoundRef;
import th.go.ita.evidence.access.Rows;
import th.go.ita.evidence.access.UnitRef;
import th.go.ita.evidence.checklist.ItemState;
import th.go.ita.evidence.checklist.ItemStatus;
import th.go.ita.evidence.config.EvidenceConfig;
import th.go.ita.platform.outbox.Outbox;
import th.go.ita.platform.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Adding, withdrawing and submitting an item's evidence. */
@ApplicationScoped
public class EvidenceService {

    @Inject
    EntityManager em;

    @Inject
    ItemState items;

    @Inject
    EvidenceStore store;

    @Inject
    ContentTypes contentTypes;

    @Inject
    EvidenceConfig config;

    @Inject
    Outbox outbox;

    public record NewLink(String url, String label) {
    }

    /** The payload of {@code OitItemSubmitted} (docs/events.md). */
    public record ItemSubmitted(String roundId, String unitCode, String itemCode, String status, String submittedAt) {
    }

    @Transactional
    public EvidenceVersion addLink(UnitRef unit, RoundRef round, String itemCode, NewLink link, String actor) {
        items.requireItem(round, itemCode);
        String url = link.url() == null ? "" : link.url().strip();
        if (!isWebAddress(url)) {
            throw ProblemException.badRequest("link-invalid");
        }
        String label = link.label() == null || link.label().isBlank() ? null : link.label().strip();
        if (label != null && label.length() > 500) {
            label = label.substring(0, 500);
        }
        ItemStatus status = editable(round, unit, itemCode, actor);
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        int version = nextVersion(round, unit, itemCode);
        em.createNativeQuery("""
                        INSERT INTO evidence (id, round_id, unit_code, item_code, version, kind, url, label,
                            created_by, created_at)
                        VALUES (:id, :r, :u, :i, :v, 'LINK', :url, :label, :by, :at)""")
                .setParameter("id", id).setParameter("r", round.id()).setParameter("u", unit.code())
                .setParameter("i", itemCode).setParameter("v", version).setParameter("url", url)
                .setParameter("label", label).setParameter("by", actor).setParameter("at", Rows.ts(now))
                .executeUpdate();
        afterAdding(round, unit, itemCode, status, actor, "LINK_ADDED", "v" + version + " " + url, now);
        return version(round, unit, id);
    }

    static boolean isWebAddress(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && url.length() <= 2000;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Checks the file first (size, type by content), then stores it under a key of our own and
     * records the version. If recording fails, the stored copy is discarded again.
     */
    @Transactional
    public EvidenceVersion upload(UnitRef unit, RoundRef round, String itemCode, Path file, String originalName,
                                  String actor) {
        items.requireItem(round, itemCode);
        String name = FileNames.sanitise(originalName);
        long size;
        String contentType;
        String sha256;
        try {
            size = Files.size(file);
            if (size == 0) {
                throw ProblemException.badRequest("file-empty");
            }
            long max = config.evidence().upload().maxBytes();
            if (size > max) {
                throw new ProblemException(413, "file-too-large", size, max);
            }
            contentType = contentTypes.detect(file, name);
            if (contentTypes.isProgram(contentType)) {
                throw new ProblemException(415, "file-executable", contentType);
            }
            if (!config.evidence().upload().allowedTypes().contains(contentType)) {
                throw new ProblemException(415, "file-type-not-allowed", contentType);
            }
            sha256 = sha256(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ItemStatus status = editable(round, unit, itemCode, actor);
        UUID id = UUID.randomUUID();
        String key = unit.code() + "/" + round.id().replaceAll("[^A-Za-z0-9_-]", "_") + "/" + itemCode + "/" + id;
        Instant now = Instant.now();
        int version = nextVersion(round, unit, itemCode);
        try {
            store.put(key, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            em.createNativeQuery("""
                            INSERT INTO evidence (id, round_id, unit_code, item_code, version, kind, original_name,
                                content_type, size_bytes, sha256, storage_key, created_by, created_at)
                            VALUES (:id, :r, :u, :i, :v, 'FILE', :name, :type, :size, :sha, :key, :by, :at)""")
                    .setParameter("id", id).setParameter("r", round.id()).setParameter("u", unit.code())
                    .setParameter("i", itemCode).setParameter("v", version).setParameter("name", name)
                    .setParameter("type", contentType).setParameter("size", size).setParameter("sha", sha256)
                    .setParameter("key", key).setParameter("by", actor).setParameter("at", Rows.ts(now))
                    .executeUpdate();
            afterAdding(round, unit, itemCode, status, actor, "FILE_UPLOADED",
                    "v" + version + " " + name + " " + sha256, now);
            em.flush();
        } catch (RuntimeException e) {
            store.discard(key);
            throw e;
        }
        return version(round, unit, id);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public EvidenceVersion withdraw(UnitRef unit, RoundRef round, String itemCode, UUID evidenceId, String actor) {
        items.requireItem(round, itemCode);
        ItemStatus status = editable(round, unit, itemCode, actor);
        EvidenceVersion existing = version(round, unit, evidenceId);
        if (!existing.itemCode().equals(itemCode)) {
            throw ProblemException.notFound("evidence-not-found", evidenceId);
        }
        if (existing.withdrawnAt() != null) {
            throw ProblemException.conflict("evidence-already-withdrawn");
        }
        Instant now = Instant.now();
        em.createNativeQuery("UPDATE evidence SET withdrawn_at = :at, withdrawn_by = :by WHERE id = :id")
                .setParameter("at", Rows.ts(now)).setParameter("by", actor).setParameter("id", evidenceId)
                .executeUpdate();
        items.move(round, unit, itemCode, status, status, actor, "EVIDENCE_WITHDRAWN", "v" + existing.version(), now);
        return version(round, unit, evidenceId);
    }

    /** Hands the item in for review: SUBMITTED the first time, RESUBMITTED after a failure. */
    @Transactional
    public ItemStatus submit(UnitRef unit, RoundRef round, String itemCode, String actor) {
        items.requireItem(round, itemCode);
        ItemStatus status = items.lock(round, unit, itemCode, actor);
        Instant now = Instant.now();
        ItemStatus to;
        Instant deadline;
        if (status == ItemStatus.DRAFT) {
            to = ItemStatus.SUBMITTED;
            deadline = round.oitDeadline();
        } else if (status == ItemStatus.FAILED) {
            to = ItemStatus.RESUBMITTED;
            deadline = round.correctionClosesAt();
        } else if (status == ItemStatus.EMPTY) {
            throw ProblemException.conflict("item-nothing-to-submit", itemCode);
        } else {
            throw ProblemException.conflict("item-not-submittable", itemCode, status);
        }
        if (deadline != null && now.isAfter(deadline)) {
            throw ProblemException.conflict("deadline-passed", itemCode);
        }
        int active = em.createNativeQuery("""
                        UPDATE evidence SET submitted_at = :at WHERE round_id = :r AND unit_code = :u AND item_code = :i
                            AND withdrawn_at IS NULL AND submitted_at IS NULL""")
                .setParameter("at", Rows.ts(now)).setParameter("r", round.id()).setParameter("u", unit.code())
                .setParameter("i", itemCode).executeUpdate();
        long current = ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM evidence WHERE round_id = :r AND unit_code = :u AND item_code = :i
                            AND withdrawn_at IS NULL""")
                .setParameter("r", round.id()).setParameter("u", unit.code()).setParameter("i", itemCode)
                .getSingleResult()).longValue();
        if (current == 0) {
            throw ProblemException.conflict("item-nothing-to-submit", itemCode);
        }
        items.move(round, unit, itemCode, status, to, actor, "SUBMITTED", active + " new version(s)", now);
        outbox.add("oit.disclosures", unit.code(), "OitItemSubmitted", unit.code(), round.id(),
                new ItemSubmitted(round.id(), unit.code(), itemCode, to.name(), now.toString()));
        return to;
    }

    private ItemStatus editable(RoundRef round, UnitRef unit, String itemCode, String actor) {
        ItemStatus status = items.lock(round, unit, itemCode, actor);
        if (!ItemStatus.EDITABLE.contains(status)) {
            throw ProblemException.conflict("item-locked", itemCode, status);
        }
        return status;
    }

    private void afterAdding(RoundRef round, UnitRef unit, String itemCode, ItemStatus status, String actor,
                             String action, String detail, Instant now) {
        // A failed item being revised stays FAILED until it is resubmitted.
        ItemStatus to = status == ItemStatus.EMPTY ? ItemStatus.DRAFT : status;
        items.move(round, unit, itemCode, status, to, actor, action, detail, now);
    }

    private int nextVersion(RoundRef round, UnitRef unit, String itemCode) {
        return ((Number) em.createNativeQuery("""
                        SELECT COALESCE(max(version), 0) + 1 FROM evidence
                        WHERE round_id = :r AND unit_code = :u AND item_code = :i""")
                .setParameter("r", round.id()).setParameter("u", unit.code()).setParameter("i", itemCode)
                .getSingleResult()).intValue();
    }

    public EvidenceVersion version(RoundRef round, UnitRef unit, UUID id) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        SELECT * FROM evidence WHERE id = :id AND round_id = :r AND unit_code = :u""", Tuple.class)
                .setParameter("id", id).setParameter("r", round.id()).setParameter("u", unit.code()).getResultList();
        return rows.stream().findFirst().map(EvidenceVersion::of)
                .orElseThrow(() -> ProblemException.notFound("evidence-not-found", id));
    }

    public List<EvidenceVersion> history(RoundRef round, UnitRef unit, String itemCode) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        SELECT * FROM evidence WHERE round_id = :r AND unit_code = :u AND item_code = :i
                        ORDER BY version DESC""", Tuple.class)
                .setParameter("r", round.id()).setParameter("u", unit.code()).setParameter("i", itemCode)
                .getResultList();
        return rows.stream().map(EvidenceVersion::of).toList();
    }

    /** The storage key of a file version, for download. */
    public String storageKey(UUID id) {
        Object key = em.createNativeQuery("SELECT storage_key FROM evidence WHERE id = :id")
                .setParameter("id", id).getResultList().stream().findFirst().orElse(null);
        return key == null ? null : key.toString();
    }
}
