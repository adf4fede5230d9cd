package th.go.ita.evidence.linkcheck;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import th.go.ita.evidence.access.Rows;
import th.go.ita.evidence.config.EvidenceConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Checks every current link (not withdrawn, not demo) and records whether it still answers:
 * redirects are followed, a 2xx at the end is fine, anything else or a timeout is broken. The
 * unit sees broken links in its checklist's broken-link list, before an auditor does.
 */
@ApplicationScoped
public class LinkChecker {

    private static final Logger LOG = Logger.getLogger(LinkChecker.class);

    @Inject
    EntityManager em;

    @Inject
    EvidenceConfig config;

    public record Result(boolean ok, Integer statusCode, String finalUrl, String error) {
    }

    @Scheduled(every = "${ita.evidence.link-check.every:6h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int checked = checkAll();
            LOG.infof("Link check: %d link(s) checked", checked);
        } catch (RuntimeException e) {
            LOG.warnf("Link check failed: %s", e.getMessage());
        }
    }

    /** @return how many links were checked */
    public int checkAll() {
        List<Tuple> links = links();
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(config.evidence().linkCheck().connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        for (Tuple link : links) {
            String url = Rows.str(link, "url");
            record((UUID) link.get("id"), url, check(client, url), Instant.now());
        }
        return links.size();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<Tuple> links() {
        return em.createNativeQuery("""
                        SELECT id, url FROM evidence WHERE kind = 'LINK' AND withdrawn_at IS NULL AND NOT demo""",
                        Tuple.class).getResultList();
    }

    Result check(HttpClient client, String url) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(config.evidence().linkCheck().requestTimeout())
                    .header("User-Agent", "ITA-Online-link-checker");
            HttpResponse<Void> response = client.send(request.GET().build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300;
            return new Result(ok, status, response.uri().toString(), ok ? null : "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new Result(false, null, null, "timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, null, null, "interrupted");
        } catch (Exception e) {
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Result(false, null, null, message.length() > 500 ? message.substring(0, 500) : message);
        }
    }

    @Transactional
    void record(UUID evidenceId, String url, Result result, Instant at) {
        em.createNativeQuery("""
                        INSERT INTO link_check (evidence_id, url, checked_at, ok, status_code, final_url, error)
                        VALUES (:id, :url, :at, :ok, :status, :final, :error)
                        ON CONFLICT (evidence_id) DO UPDATE SET url = EXCLUDED.url, checked_at = EXCLUDED.checked_at,
                            ok = EXCLUDED.ok, status_code = EXCLUDED.status_code, final_url = EXCLUDED.final_url,
                            error = EXCLUDED.error""")
                .setParameter("id", evidenceId).setParameter("url", url).setParameter("at", Rows.ts(at))
                .setParameter("ok", result.ok()).setParameter("status", result.statusCode())
                .setParameter("final", result.finalUrl()).setParameter("error", result.error())
                .executeUpdate();
    }
}
