package th.go.ita.evidence.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** Reads the service's tables directly, each call in its own transaction (any thread). */
@ApplicationScoped
public class TestDb {

    @Inject
    EntityManager em;

    @Transactional
    public Object scalar(String sql, Object... params) {
        List<?> rows = query(sql, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Transactional
    public long count(String sql, Object... params) {
        return ((Number) scalar(sql, params)).longValue();
    }

    @SuppressWarnings("unchecked")
    @Transactional
    public List<Object[]> rows(String sql, Object... params) {
        return (List<Object[]>) query(sql, params);
    }

    @Transactional
    public void execute(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        q.executeUpdate();
    }

    private List<?> query(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getResultList();
    }

    public void awaitRow(String sql, Object... params) {
        await().atMost(Duration.ofSeconds(30)).until(() -> scalar(sql, params) != null);
    }
}
