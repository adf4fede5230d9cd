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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Checks every current link (not withdrawn, not demo) and records whether it still answers:
 * redirects are followed (a bounded number), a 2xx at the end is fine, anything else or a timeout
 * is broken. A link to an address that is not public is refused unfetched ({@link LinkFetcher}).
 * The unit sees broken links in its checklist's broken-link list, before an auditor does.
 */
@ApplicationScoped
public class LinkChecker {

    private static final Logger LOG = Logger.getLogger(LinkChecker.class);

    @Inject
    EntityManager em;

    @Inject
    EvidenceConfig config;

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
        LinkFetcher fetcher = fetcher();
        for (Tuple link : links) {
            String url = Rows.str(link, "url");
            record((UUID) link.get("id"), url, fetcher.check(url), Instant.now());
        }
        return links.size();
    }

    LinkFetcher fetcher() {
        EvidenceConfig.LinkCheck settings = config.evidence().linkCheck();
        Set<InetAddress> exempt = new HashSet<>();
        for (String address : settings.allowedTestAddresses().orElse(List.of())) {
            try {
                exempt.add(InetAddress.getByName(address.strip()));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("ita.evidence.link-check.allowed-test-addresses: not an address: " + address);
            }
        }
        return new LinkFetcher(new PublicAddresses(exempt), settings.connectTimeout(), settings.requestTimeout(),
                settings.maxRedirects());
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<Tuple> links() {
        return em.createNativeQuery("""
                        SELECT id, url FROM evidence WHERE kind = 'LINK' AND withdrawn_at IS NULL AND NOT demo""",
                        Tuple.class).getResultList();
    }

    @Transactional
    void record(UUID evidenceId, String url, LinkFetcher.Result result, Instant at) {
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
