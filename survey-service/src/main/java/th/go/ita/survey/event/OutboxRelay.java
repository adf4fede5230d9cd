package th.go.ita.survey.event;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import th.go.ita.survey.config.SurveyConfig;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes what the outbox holds, every second. A row is marked published only after the broker
 * acknowledged it (acks=all); while Kafka is down rows simply wait, so nothing committed is lost.
 * A crash between the ack and the mark publishes a row twice: consumers skip repeats by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String IDENTITY = "outbox-relay";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    @Inject
    EntityManager em;

    @Inject
    SurveyConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private Producer<String, String> producer;

    @Scheduled(every = "1s", identity = IDENTITY, concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        Pass pass = publishPending(producer());
        if (pass.producerSuspect()) {
            // A producer can be left unusable by what went wrong (a fatal idempotence error, metadata
            // of a topic that lost its leader): the next pass starts with a fresh one.
            discardProducer();
        }
    }

    /**
     * What one pass did: events acknowledged and marked published, events left for the next pass,
     * and whether a failure other than a refused record happened (then the producer is replaced).
     */
    public record Pass(int published, int waiting, boolean producerSuspect) {
    }

    @Transactional
    public Pass publishPending(Producer<String, String> via) {
        // SKIP LOCKED: several instances of the service can relay side by side without doubling.
        List<?> rows = em.createNativeQuery("""
                SELECT id, topic, event_key, CAST(payload AS text), occurred_at FROM outbox_event
                WHERE published_at IS NULL ORDER BY occurred_at, id LIMIT :batch FOR UPDATE SKIP LOCKED
                """)
                .setParameter("batch", BATCH)
                .getResultList();
        if (rows.isEmpty()) {
            return new Pass(0, 0, false);
        }
        long timeout = config.outbox().ackTimeout().toMillis();
        List<UUID> published = new ArrayList<>();
        List<UUID> waiting = new ArrayList<>();
        Exception failure = null;
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        boolean brokerAnswers = false;
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            Future<RecordMetadata> ack;
            try {
                // The record's timestamp is the event's own (a day for responses), not the time of sending.
                ack = via.send(new ProducerRecord<>((String) r[1], null, toMillis(r[4]), (String) r[2], (String) r[3]));
            } catch (Exception e) {
                ack = CompletableFuture.failedFuture(e);
            }
            acks.add(ack);
            // One at a time until the broker has acknowledged one, then all in flight together. A
            // broker that does not answer is away: one wait tells, not one per row. A record it
            // refuses (too large, say) is passed over so that it cannot hold back the rest.
            if (!brokerAnswers) {
                brokerAnswers = acknowledged(ack, timeout);
                if (!brokerAnswers && !refused(failureOf(ack))) {
                    break;
                }
            }
        }
        boolean producerSuspect = false;
        for (int i = 0; i < rows.size(); i++) {
            UUID id = (UUID) ((Object[]) rows.get(i))[0];
            // Each event on its own: one the broker refuses does not hold back the ones after it.
            if (i < acks.size() && acknowledged(acks.get(i), timeout)) {
                published.add(id);
            } else {
                waiting.add(id);
                Exception why = failureOf(acks.get(Math.min(i, acks.size() - 1)));
                producerSuspect |= !refused(why);
                if (failure == null) {
                    failure = why;
                }
            }
        }
        if (!published.isEmpty()) {
            // The date only: an exact publish time next to a response's event would date the response.
            em.createNativeQuery("UPDATE outbox_event SET published_at = CAST(current_date AS timestamptz) WHERE id IN (:ids)")
                    .setParameter("ids", published)
                    .executeUpdate();
        }
        if (!waiting.isEmpty()) {
            em.createNativeQuery("UPDATE outbox_event SET attempts = attempts + 1 WHERE id IN (:ids)")
                    .setParameter("ids", waiting)
                    .executeUpdate();
            LOG.warnf("Outbox relay: %d of %d events not acknowledged by Kafka (%s); they wait for the next pass",
                    waiting.size(), rows.size(), describe(failure));
        }
        return new Pass(published.size(), waiting.size(), producerSuspect);
    }

    /** A record the broker will never take as it is; anything else may pass on a later try. */
    private static boolean refused(Exception failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidTopicException || failure instanceof SerializationException;
    }

    private static boolean acknowledged(Future<RecordMetadata> ack, long timeoutMillis) {
        try {
            ack.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static Exception failureOf(Future<RecordMetadata> ack) {
        try {
            ack.get(0, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof Exception cause ? cause : e;
        } catch (Exception e) {
            return e;
        }
    }

    /** The exception's class and message: enough to tell a down broker from a refused record. */
    private static String describe(Exception failure) {
        if (failure == null) {
            return "no answer";
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() != null ? ": " + failure.getMessage() : "");
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            producer = newProducer(bootstrapServers, (int) config.outbox().ackTimeout().toMillis());
        }
        return producer;
    }

    private synchronized void discardProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    /** A producer that waits for all in-sync replicas and gives up within {@code timeoutMillis}. */
    public static Producer<String, String> newProducer(String bootstrapServers, int timeoutMillis) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMillis);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMillis / 2));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMillis);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "survey-outbox-relay");
        return new KafkaProducer<>(props);
    }

    private static long toMillis(Object value) {
        if (value instanceof Timestamp t) {
            return t.getTime();
        }
        if (value instanceof java.time.Instant i) {
            return i.toEpochMilli();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant().toEpochMilli();
        }
        throw new IllegalStateException("Unexpected occurred_at type " + value.getClass());
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}
