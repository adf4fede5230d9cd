package th.go.ita.scoring.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed outbox rows to Kafka in the order they were written, and marks a row
 * published only after the broker acknowledged it (acks=all). If Kafka is down nothing is lost:
 * the rows wait and the next run tries again. Several instances may run: rows are claimed with
 * SKIP LOCKED.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private volatile KafkaProducer<String, String> producer;

    @Scheduled(every = "${ita.outbox.relay-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            relay();
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay could not publish now, will retry: %s", e.getMessage());
        }
    }

    /** @return how many events were published */
    @Transactional
    public int relay() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, topic, event_key, CAST(payload AS text) FROM outbox_event
                WHERE published_at IS NULL ORDER BY occurred_at, id LIMIT :batch FOR UPDATE SKIP LOCKED
                """).setParameter("batch", BATCH).getResultList();
        int published = 0;
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            try {
                producer().send(new ProducerRecord<>((String) row[1], (String) row[2], (String) row[3]))
                        .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                em.createNativeQuery("UPDATE outbox_event SET attempts = attempts + 1 WHERE id = :id")
                        .setParameter("id", id).executeUpdate();
                LOG.warnf("Outbox event %s not acknowledged by Kafka, will retry: %s", id, e.getMessage());
                // Stop here so that a unit's later events never overtake an earlier one.
                break;
            }
            em.createNativeQuery("UPDATE outbox_event SET published_at = now(), attempts = attempts + 1 WHERE id = :id")
                    .setParameter("id", id).executeUpdate();
            published++;
        }
        return published;
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 9000);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "scoring-outbox-relay");
                    producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(2));
        }
    }
}
