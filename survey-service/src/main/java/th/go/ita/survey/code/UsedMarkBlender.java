package th.go.ita.survey.code;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Erases the last physical trace between a spent code and its response. Both are written in one
 * transaction, so PostgreSQL stamps both rows with the same transaction id ({@code xmin}) and puts
 * the code's new row version where the spending order shows. This job rewrites every used code of
 * an affected unit in a random order and in one later transaction of its own: afterwards all used
 * codes of the unit share one xmin that no response has, and their physical order says nothing
 * about when each was used.
 */
@ApplicationScoped
public class UsedMarkBlender {

    /** A pass stops taking units from the start-up sweep after this long, so units with fresh
     * spends are never kept waiting behind a national sweep (hundreds of thousands of codes). */
    private static final Duration SWEEP_BUDGET_PER_PASS = Duration.ofSeconds(5);

    /** Units with spent codes, and how many more passes rewrite them (two: the spending transaction
     * may not have committed at the first). */
    private final Map<String, Integer> dirty = new ConcurrentHashMap<>();

    /** The list above is memory only: after a start every unit with used codes is rewritten once,
     * so a crash inside the window cannot leave the link in place. */
    private final Deque<String> sweep = new ArrayDeque<>();

    private volatile boolean sweepListed;

    @Inject
    EntityManager em;

    /** Remember that a code of this round and unit was spent (called in the intake transaction). */
    public void spentIn(String roundId, String unitCode) {
        dirty.put(roundId + "\n" + unitCode, 2);
    }

    /** What a fresh start knows: nothing of the lists above (tests use it to play a crash). */
    public synchronized void startOver() {
        dirty.clear();
        sweep.clear();
        sweepListed = false;
    }

    /** Whether units from the start-up sweep are still waiting for their rewrite. */
    public synchronized boolean sweeping() {
        return !sweepListed || !sweep.isEmpty();
    }

    @Scheduled(every = "10s", identity = "used-mark-blender", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        blend();
    }

    /**
     * One pass: every unit with fresh spends, then units of the start-up sweep for a bounded time.
     *
     * @return how many code rows were rewritten
     */
    public synchronized int blend() {
        if (!sweepListed) {
            List<?> groups = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "SELECT DISTINCT round_id || chr(10) || unit_code FROM access_code WHERE used").getResultList());
            groups.forEach(group -> sweep.add((String) group));
            sweepListed = true;
        }
        int rewritten = 0;
        for (String key : List.copyOf(dirty.keySet())) {
            rewritten += rewrite(key);
            dirty.computeIfPresent(key, (k, passes) -> passes > 1 ? passes - 1 : null);
            sweep.remove(key);
        }
        long stopAt = System.nanoTime() + SWEEP_BUDGET_PER_PASS.toNanos();
        while (!sweep.isEmpty() && System.nanoTime() < stopAt) {
            rewritten += rewrite(sweep.peek());
            sweep.poll();
        }
        return rewritten;
    }

    /** Rewrites one unit's used codes in a random order, committed on its own. */
    private int rewrite(String key) {
        String[] parts = key.split("\n");
        return QuarkusTransaction.requiringNew().call(() -> {
            int rows = 0;
            for (Object hash : em.createNativeQuery(
                            "SELECT code_hash FROM access_code WHERE round_id = :round AND unit_code = :unit AND used ORDER BY random()")
                    .setParameter("round", parts[0]).setParameter("unit", parts[1]).getResultList()) {
                rows += em.createNativeQuery("UPDATE access_code SET used = TRUE WHERE code_hash = :hash")
                        .setParameter("hash", hash).executeUpdate();
            }
            return rows;
        });
    }
}
