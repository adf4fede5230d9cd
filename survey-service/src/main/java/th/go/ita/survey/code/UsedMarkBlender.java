package th.go.ita.survey.code;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Erases the last physical trace between a spent code and its response. Both are written in one
 * transaction, so PostgreSQL stamps both rows with the same transaction id ({@code xmin}) and puts
 * the code's new row version where the spending order shows. This job rewrites every used code of
 * the affected units in a random order and in one later transaction: afterwards all used codes share
 * one xmin that no response has, and their physical order says nothing about when each was used.
 */
@ApplicationScoped
public class UsedMarkBlender {

    /** Units with spent codes, and how many more passes rewrite them (two: the spending transaction
     * may not have committed at the first). */
    private final Map<String, Integer> dirty = new ConcurrentHashMap<>();

    /** The list above is memory only: the first pass after a start rewrites every unit with used
     * codes, so a crash inside the window cannot leave the link in place. */
    private volatile boolean sweptSinceStart;

    @Inject
    EntityManager em;

    /** Remember that a code of this round and unit was spent (called in the intake transaction). */
    public void spentIn(String roundId, String unitCode) {
        dirty.put(roundId + "\n" + unitCode, 2);
    }

    /** What a fresh start knows: nothing of the list above (tests use it to play a crash). */
    public void startOver() {
        dirty.clear();
        sweptSinceStart = false;
    }

    @Scheduled(every = "10s", identity = "used-mark-blender", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        blend();
    }

    /** @return how many code rows were rewritten */
    @Transactional
    public int blend() {
        if (!sweptSinceStart) {
            for (Object row : em.createNativeQuery(
                    "SELECT DISTINCT round_id, unit_code FROM access_code WHERE used").getResultList()) {
                Object[] group = (Object[]) row;
                dirty.putIfAbsent(group[0] + "\n" + group[1], 1);
            }
            sweptSinceStart = true;
        }
        int rewritten = 0;
        for (String key : List.copyOf(dirty.keySet())) {
            dirty.computeIfPresent(key, (k, passes) -> passes > 1 ? passes - 1 : null);
            String[] parts = key.split("\n");
            List<?> hashes = em.createNativeQuery(
                            "SELECT code_hash FROM access_code WHERE round_id = :round AND unit_code = :unit AND used ORDER BY random()")
                    .setParameter("round", parts[0])
                    .setParameter("unit", parts[1])
                    .getResultList();
            for (Object hash : hashes) {
                rewritten += em.createNativeQuery("UPDATE access_code SET used = TRUE WHERE code_hash = :hash")
                        .setParameter("hash", hash)
                        .executeUpdate();
            }
        }
        return rewritten;
    }
}
