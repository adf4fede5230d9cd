package th.go.ita.survey.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import th.go.ita.platform.outbox.Outbox;
import th.go.ita.survey.config.SurveyConfig;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lets stored responses leave the service in steps, never one by one (README, threat model):
 * a unit's responses to one instrument wait until at least {@code ita.release.step} of them are
 * waiting, or until their day is over in Bangkok, and then go out together, shuffled, as
 * {@code ResponsesReleased} events without ids or times. Every figure computed from responses —
 * scoring's tallies, sheets, {@code scores.changed}, this service's progress — is computed from
 * released responses only, so none of them moves by a single answer that a before/after diff
 * could read. An office's own survey's answers are released by the same rule (they stay here).
 */
@ApplicationScoped
public class ResponseRelease {

    public static final String TOPIC = "survey.responses";
    public static final String TYPE = "ResponsesReleased";
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    /** One release at a time per database, so two instances never release a group twice. */
    private static final long LOCK = 0x5E1EA5EL;

    private final SecureRandom random = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    @Inject
    SurveyConfig config;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    /**
     * Answers committed since this instance last saw their group complete a step, per round, unit
     * and instrument: only counts, in memory, to know when a pass is worth running. The pass itself
     * decides from the table, as the scheduled one does.
     */
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> sinceStep =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService waker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ita-release-wake");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.atomic.AtomicBoolean wakeQueued = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long lastWakeNanos = System.nanoTime();
    /** Overrides ita.release.wake-on-step while set (tests, whose releases are otherwise by hand). */
    private volatile Boolean wakeOnStep;

    void wakeOnStep(Boolean on) {
        wakeOnStep = on;
        sinceStep.clear();
    }

    /**
     * Called inside the transaction that stores a response: once it commits, the group's count
     * goes up, and a group that reached a step wakes a release pass.
     */
    public void storedInThisTransaction(String roundId, String unitCode, String instrument) {
        if (!(wakeOnStep == null ? config.release().wakeOnStep() : wakeOnStep)) {
            return;
        }
        String group = roundId + "\n" + unitCode + "\n" + instrument;
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                    counted(group);
                }
            }
        });
    }

    private void counted(String group) {
        java.util.concurrent.atomic.AtomicInteger n = sinceStep.computeIfAbsent(group, g -> new java.util.concurrent.atomic.AtomicInteger());
        if (n.incrementAndGet() >= config.release().step()) {
            sinceStep.remove(group, n);
            wake();
        }
    }

    private void wake() {
        if (!wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            waker.execute(() -> {
                try {
                    long wait = lastWakeNanos + config.release().wakeSpacing().toNanos() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    wakeQueued.set(false);
                }
                lastWakeNanos = System.nanoTime();
                try {
                    releaseDue(LocalDate.now(BANGKOK));
                } catch (RuntimeException e) {
                    org.jboss.logging.Logger.getLogger(ResponseRelease.class)
                            .warnf("Release pass after a completed step failed (the scheduled pass retries): %s", e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            wakeQueued.set(false);
        }
    }

    void onStop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        waker.shutdownNow();
    }

    @Scheduled(every = "${ita.release.interval:10s}", identity = "response-release",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        releaseDue(LocalDate.now(BANGKOK));
    }

    /**
     * Releases every group that is due on {@code today}: at least a step waiting, or anything left
     * from an earlier day (so a restart after midnight still flushes yesterday's leftovers).
     *
     * @return how many responses were released
     */
    @Transactional
    public int releaseDue(LocalDate today) {
        boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", LOCK).getSingleResult();
        if (!mine) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> groups = em.createNativeQuery("""
                SELECT round_id, unit_code, instrument, framework_id, framework_version FROM survey_response
                WHERE NOT released
                GROUP BY round_id, unit_code, instrument, framework_id, framework_version
                HAVING count(*) >= :step OR min(submitted_on) < :today
                """)
                .setParameter("step", config.release().step())
                .setParameter("today", today)
                .getResultList();
        int released = em.createNativeQuery("""
                UPDATE own_survey_response SET released = TRUE WHERE NOT released AND survey_id IN (
                    SELECT survey_id FROM own_survey_response WHERE NOT released
                    GROUP BY survey_id HAVING count(*) >= :step OR min(submitted_on) < :today)
                """)
                .setParameter("step", config.release().step())
                .setParameter("today", today)
                .executeUpdate();
        for (Object[] group : groups) {
            released += release(new Group((String) group[0], (String) group[1], (String) group[2], (String) group[3],
                    ((Number) group[4]).intValue()), today);
        }
        return released;
    }

    private record Group(String roundId, String unitCode, String instrument, String frameworkId, int frameworkVersion) {
    }

    private int release(Group group, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = new ArrayList<>(em.createNativeQuery("""
                SELECT id, respondent_category, CAST(answers AS text) FROM survey_response
                WHERE round_id = :round AND unit_code = :unit AND instrument = :instrument
                  AND framework_id = :fwId AND framework_version = :fwVersion AND NOT released
                """)
                .setParameter("round", group.roundId()).setParameter("unit", group.unitCode())
                .setParameter("instrument", group.instrument()).setParameter("fwId", group.frameworkId())
                .setParameter("fwVersion", group.frameworkVersion())
                .getResultList());
        Collections.shuffle(rows, random);
        List<UUID> ids = rows.stream().map(row -> (UUID) row[0]).toList();
        em.createNativeQuery("UPDATE survey_response SET released = TRUE WHERE id IN (:ids)")
                .setParameter("ids", ids).executeUpdate();

        int events = events(rows.size(), config.release().step(), config.release().maxPerEvent());
        for (int e = 0; e < events; e++) {
            List<Object[]> part = rows.subList(e * rows.size() / events, (e + 1) * rows.size() / events);
            outbox.add(TOPIC, group.unitCode(), TYPE, group.unitCode(), group.roundId(),
                    today.atStartOfDay(BANGKOK).toInstant(), payload(group, part, today));
        }
        return rows.size();
    }

    private Map<String, Object> payload(Group group, List<Object[]> part, LocalDate today) {
        List<Map<String, Object>> responses = new ArrayList<>();
        for (Object[] row : part) {
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("respondentCategory", row[1]);
            response.put("answers", read((String) row[2]));
            responses.add(response);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("roundId", group.roundId());
        payload.put("unitCode", group.unitCode());
        payload.put("instrument", group.instrument());
        payload.put("frameworkId", group.frameworkId());
        payload.put("frameworkVersion", group.frameworkVersion());
        payload.put("releasedOn", today.toString());
        payload.put("responses", responses);
        return payload;
    }

    private JsonNode read(String answers) {
        try {
            return json.readTree(answers);
        } catch (Exception e) {
            throw new IllegalStateException("A stored response is not JSON", e);
        }
    }

    /**
     * How many events carry {@code responses} released together: as few as keep each within
     * {@code maxPerEvent}, but never so many that one holds less than a step (scoring applies one
     * event at a time, so each must be a step on its own). A day's leftovers below a step: one.
     */
    static int events(int responses, int step, int maxPerEvent) {
        int bySize = (responses + maxPerEvent - 1) / maxPerEvent;
        return Math.max(1, Math.min(bySize, responses / step));
    }
}
