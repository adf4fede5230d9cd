package th.go.ita.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes what the outbox holds. The one ordering policy of every service:
 * <ul>
 * <li>One relay at a time per database (an advisory lock): instances of a service never send the
 *     same events side by side, nor one key's events out of order.</li>
 * <li>Events go out in the order written ({@code occurred_at, id}), a batch sent at once and
 *     flushed once; an event is marked published only after the broker acknowledged it
 *     (acks=all, idempotent producer).</li>
 * <li>A key whose event was not acknowledged holds its later events of the same pass back (sent
 *     again next pass if they got through: consumers skip repeats by event id, and a compacted
 *     topic ends on the key's latest event). Other keys go on.</li>
 * <li>A record the broker refuses as it is (too large, an illegal topic, a timestamp out of
 *     range) is parked with the broker's reason, counted, and listed at {@code /outbox/parked}:
 *     it never blocks anything.</li>
 * <li>A broker that does not answer ends the pass after one wait; the events wait, nothing
 *     committed is lost, and the producer is replaced before the next pass.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String IDENTITY = "ita-outbox-relay";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock of the relay: any constant, the same in every instance of a service. */
    private static final long LOCK = 0x17A_0B0CL;

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    OutboxSchema schema;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "ita")
    String application;

    private final Counter published;
    private final Counter parked;
    private final AtomicInteger waiting = new AtomicInteger();

    private Producer<String, String> producer;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    /** Runs wake-up passes one at a time, off the committing thread. */
    private final java.util.concurrent.ExecutorService waker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ita-outbox-wake");
        t.setDaemon(true);
        return t;
    });
    /** A wake-up pass is queued and has not started yet: more commits need no other. */
    private final java.util.concurrent.atomic.AtomicBoolean wakeQueued = new java.util.concurrent.atomic.AtomicBoolean();
    private static final Object WAKE_KEY = new Object();

    /** Since when the broker has acknowledged nothing this relay sent; null while it answers. */
    private volatile java.time.Instant brokerSilentSince;

    @Inject
    public OutboxRelay(MeterRegistry registry) {
        published = registry.counter("ita.outbox.published");
        parked = registry.counter("ita.outbox.parked");
        registry.gauge("ita.outbox.waiting", waiting);
    }

    /** What one pass did: acknowledged and marked, parked for good, and left for the next pass. */
    public record Pass(int published, int parked, int waiting, boolean producerSuspect) {
        static final Pass NOTHING = new Pass(0, 0, 0, false);
    }

    @Scheduled(every = "${ita.outbox.interval:1s}", identity = IDENTITY,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (!config.enabled() || !schema.ready()) {
            return;
        }
        try {
            Pass pass = publishPending();
            if (pass.producerSuspect()) {
                // A producer can be left unusable by what went wrong (a fatal idempotence error,
                // metadata of a topic that lost its leader): the next pass starts with a fresh one.
                discardProducer();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay: %s (will retry)", describe(e));
        }
    }

    /**
     * Called by {@link Outbox#add} inside the writing transaction: once it has committed, a pass
     * runs at once (one per transaction however many events it wrote; commits during a queued pass
     * share it). The scheduled pass stays the safety net.
     */
    void wakeAfterCommit() {
        if (!config.wakeOnCommit() || transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    /** A pass now, off the caller's thread, unless one is already queued. */
    public void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            try {
                waker.execute(() -> {
                    wakeQueued.set(false);
                    scheduled();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                wakeQueued.set(false);
            }
        }
    }

    /** One pass over the pending events; tests call it to relay now instead of waiting for the schedule. */
    @Transactional
    public synchronized Pass publishPending() {
        boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", LOCK).getSingleResult();
        if (!mine) {
            return Pass.NOTHING;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, topic, event_key, CAST(payload AS text), occurred_at FROM outbox_event
                        WHERE published_at IS NULL AND parked_at IS NULL ORDER BY occurred_at, id LIMIT :batch
                        """)
                .setParameter("batch", config.batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            waiting.set(0);
            return Pass.NOTHING;
        }
        Producer<String, String> via = producer();
        long timeout = config.ackTimeout().toMillis();
        List<Future<RecordMetadata>> acks = send(via, rows, timeout);

        List<UUID> done = new ArrayList<>();
        Map<UUID, String> refused = new HashMap<>();
        List<UUID> later = new ArrayList<>();
        Set<String> heldKeys = new HashSet<>();
        Exception firstFailure = null;
        for (int i = 0; i < rows.size(); i++) {
            UUID id = (UUID) rows.get(i)[0];
            String key = (String) rows.get(i)[2];
            Exception failure = i < acks.size() ? outcome(acks.get(i), timeout) : null;
            if (i < acks.size() && failure == null && !heldKeys.contains(key)) {
                done.add(id);
            } else if (failure != null && refused(failure)) {
                refused.put(id, describe(failure));
            } else {
                heldKeys.add(key);
                later.add(id);
                if (firstFailure == null) {
                    firstFailure = failure;
                }
            }
        }
        mark(done, refused, later);
        published.increment(done.size());
        parked.increment(refused.size());
        waiting.set(later.size());
        if (!refused.isEmpty()) {
            LOG.warnf("Outbox relay: parked %d events the broker refuses (%s); see /outbox/parked",
                    refused.size(), refused.values().iterator().next());
        }
        if (!later.isEmpty()) {
            LOG.warnf("Outbox relay: %d of %d events not acknowledged by Kafka (%s); they wait for the next pass",
                    later.size(), rows.size(), firstFailure == null ? "not sent in this pass" : describe(firstFailure));
        }
        boolean suspect = firstFailure != null && !refused(firstFailure);
        if (!done.isEmpty() || !suspect) {
            brokerSilentSince = null;
        } else if (brokerSilentSince == null) {
            brokerSilentSince = java.time.Instant.now();
        }
        return new Pass(done.size(), refused.size(), later.size(), suspect);
    }

    /** Since when the broker has acknowledged nothing this relay sent, or null while it answers (readiness). */
    public java.time.Instant brokerSilentSince() {
        return brokerSilentSince;
    }

    /**
     * Sends the rows in order. One at a time until the broker has acknowledged one, then the rest
     * together with one flush: a broker that does not answer is away, and one wait tells, not one
     * per row. A record it refuses is passed over so it holds back nothing.
     */
    private List<Future<RecordMetadata>> send(Producer<String, String> via, List<Object[]> rows, long timeout) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        boolean brokerAnswers = false;
        for (Object[] row : rows) {
            Future<RecordMetadata> ack;
            try {
                // The record's timestamp is the event's own time (a day for anonymous answers),
                // never the time of sending.
                ack = via.send(new ProducerRecord<>((String) row[1], null, toMillis(row[4]), (String) row[2],
                        (String) row[3]));
            } catch (Exception e) {
                ack = CompletableFuture.failedFuture(e);
            }
            acks.add(ack);
            if (!brokerAnswers) {
                brokerAnswers = outcome(ack, timeout) == null;
                if (!brokerAnswers && !refused(outcome(ack, 0))) {
                    break;
                }
            }
        }
        if (brokerAnswers) {
            via.flush();
        }
        return acks;
    }

    private void mark(List<UUID> done, Map<UUID, String> refused, List<UUID> later) {
        String now = config.timePrecision().now();
        if (!done.isEmpty()) {
            em.createNativeQuery(config.keepPublished()
                            ? "UPDATE outbox_event SET published_at = " + now + " WHERE id IN (:ids)"
                            : "DELETE FROM outbox_event WHERE id IN (:ids)")
                    .setParameter("ids", done).executeUpdate();
        }
        refused.forEach((id, reason) -> em.createNativeQuery(
                        "UPDATE outbox_event SET parked_at = " + now + ", park_reason = :reason, attempts = attempts + 1 WHERE id = :id")
                .setParameter("reason", reason).setParameter("id", id).executeUpdate());
        if (!later.isEmpty()) {
            em.createNativeQuery("UPDATE outbox_event SET attempts = attempts + 1 WHERE id IN (:ids)")
                    .setParameter("ids", later).executeUpdate();
        }
    }

    /**
     * A record the broker will not take as it is; anything else may pass on a later try. A timestamp
     * out of the broker's range (Kafka 4 refuses records more than an hour ahead) is the event's
     * own fault, not the broker's: parked, it holds back nothing, and can be released once fixed.
     */
    static boolean refused(Exception failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidTopicException || failure instanceof SerializationException
                || failure instanceof InvalidTimestampException;
    }

    /** Null once acknowledged within the time; else why not (a timeout while the broker says nothing). */
    private static Exception outcome(Future<RecordMetadata> ack, long timeoutMillis) {
        try {
            ack.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (Exception e) {
            return e;
        }
    }

    /** The exception's class and message: enough to tell a down broker from a refused record. */
    private static String describe(Exception failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() != null ? ": " + failure.getMessage() : "");
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig());
        }
        return producer;
    }

    /**
     * The service's whole Kafka client configuration ({@code kafka.*}: servers, TLS, SASL), with
     * what the relay's guarantees need on top.
     */
    Map<String, Object> producerConfig() {
        Map<String, Object> props = clientConfig(kafkaConfig, ProducerConfig.configNames());
        int timeout = (int) config.ackTimeout().toMillis();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeout / 2));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox-relay");
        return props;
    }

    /** Of the service's {@code kafka.*} settings, those a client with these settings knows. */
    static Map<String, Object> clientConfig(Map<String, Object> kafkaConfig, Set<String> names) {
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (names.contains(key)) {
                props.put(key, value);
            }
        });
        return props;
    }

    private synchronized void discardProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private static long toMillis(Object value) {
        if (value instanceof Timestamp t) {
            return t.getTime();
        }
        if (value instanceof java.time.Instant i) {
            return i.toEpochMilli();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant().toEpochMilli();
        }
        throw new IllegalStateException("Unexpected occurred_at type " + value.getClass());
    }

    void onStop(@Observes ShutdownEvent event) {
        waker.shutdownNow();
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
                producer = null;
            }
        }
    }
}
