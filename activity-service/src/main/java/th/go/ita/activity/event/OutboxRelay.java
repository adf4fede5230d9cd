package th.go.ita.activity.event;

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

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Publishes what the outbox holds, oldest first, and marks a row published only after the broker
 * acknowledged it (acks=all, idempotent producer). When Kafka is down nothing is marked, and the
 * next run sends it again: consumers skip repeats by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager em;

    private volatile KafkaProducer<String, String> producer;

    @Scheduled(every = "${ita.outbox.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void relay() {
        try {
            publishPending();
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay: will retry (%s)", e.getMessage());
        }
    }

    /** @return how many events were published in this run */
    @Transactional
    @SuppressWarnings("unchecked")
    public int publishPending() {
        // SKIP LOCKED: two instances of the service never send the same row at the same time.
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, topic, event_key, CAST(payload AS text) FROM outbox_event
                        WHERE published_at IS NULL ORDER BY occurred_at LIMIT :batch FOR UPDATE SKIP LOCKED
                        """)
                .setParameter("batch", BATCH)
                .getResultList();
        int published = 0;
        Set<String> held = new HashSet<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            String key = (String) row[2];
            if (held.contains(key)) {
                continue;
            }
            try {
                producer().send(new ProducerRecord<>((String) row[1], (String) row[2], (String) row[3]))
                        .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                em.createNativeQuery("UPDATE outbox_event SET attempts = attempts + 1 WHERE id = :id")
                        .setParameter("id", id).executeUpdate();
                LOG.warnf("Outbox event %s not acknowledged yet: %s", id, e.getMessage());
                // Keep the order of this unit's events (same key): hold its later events until this
                // one is acknowledged; other units' events go on.
                held.add(key);
                continue;
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
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "9000");
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    producer = new KafkaProducer<>(props);
                }
            }
        }
        return producer;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
