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
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import th.go.ita.survey.config.SurveyConfig;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
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
        publishPending(producer());
    }

    /** @return how many events were published in this pass */
    @Transactional
    public int publishPending(Producer<String, String> via) {
        // SKIP LOCKED: several instances of the service can relay side by side without doubling.
        List<?> rows = em.createNativeQuery("""
                SELECT id, topic, event_key, CAST(payload AS text), occurred_at FROM outbox_event
                WHERE published_at IS NULL ORDER BY occurred_at, id LIMIT :batch FOR UPDATE SKIP LOCKED
                """)
                .setParameter("batch", BATCH)
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<UUID> ids = new ArrayList<>();
        int published = 0;
        try {
            // The first record alone: when the broker is down, one wait tells, not one per row.
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                ids.add((UUID) r[0]);
                // The record's timestamp is the event's own (a day for responses), not the time of sending.
                acks.add(via.send(new ProducerRecord<>((String) r[1], null, toMillis(r[4]), (String) r[2], (String) r[3])));
                if (acks.size() == 1) {
                    acks.get(0).get(config.outbox().ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(config.outbox().ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
                published++;
            }
        } catch (Exception e) {
            LOG.warnf("Outbox relay: broker unavailable (%s); %d events wait for the next pass",
                    e.getClass().getSimpleName(), rows.size() - published);
        }
        if (published > 0) {
            // The date only: an exact publish time next to a response's event would date the response.
            em.createNativeQuery("UPDATE outbox_event SET published_at = CAST(current_date AS timestamptz) WHERE id IN (:ids)")
                    .setParameter("ids", ids.subList(0, published))
                    .executeUpdate();
        }
        if (published < rows.size()) {
            List<UUID> waiting = new ArrayList<>();
            for (int i = published; i < rows.size(); i++) {
                waiting.add((UUID) ((Object[]) rows.get(i))[0]);
            }
            em.createNativeQuery("UPDATE outbox_event SET attempts = attempts + 1 WHERE id IN (:ids)")
                    .setParameter("ids", waiting)
                    .executeUpdate();
        }
        return published;
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            producer = newProducer(bootstrapServers, (int) config.outbox().ackTimeout().toMillis());
        }
        return producer;
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
        }
    }
}
