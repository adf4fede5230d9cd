package th.go.ita.evidence.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import th.go.ita.evidence.config.EvidenceConfig;

import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows in the order they were written, one at a time, and marks a row published
 * only after the broker has acknowledged it to all in-sync replicas. A failure stops the batch (so
 * order is kept) and the next run tries again: at-least-once, which consumers absorb by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager em;

    @Inject
    EvidenceConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String defaultBootstrapServers;

    private volatile String bootstrapServers;
    private Producer<String, String> producer;

    @Scheduled(every = "${ita.evidence.outbox.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            publishPending();
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay: %s (will retry)", e.getMessage());
        }
    }

    /**
     * Points the relay at another broker (an operator moving clusters; tests use a closed port to
     * play a broker outage). Takes effect on the next run.
     */
    public synchronized void useBootstrapServers(String servers) {
        bootstrapServers = servers;
        closeProducer();
    }

    public synchronized void useDefaultBootstrapServers() {
        useBootstrapServers(defaultBootstrapServers);
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrapServers != null ? bootstrapServers : defaultBootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            int timeout = (int) config.evidence().outbox().sendTimeout().toMillis();
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeout / 2));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(1));
            producer = null;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        closeProducer();
    }

    /** @return how many events were published */
    @Transactional
    public synchronized int publishPending() {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        SELECT id, topic, event_key, CAST(payload AS text) AS payload FROM outbox_event
                        WHERE published_at IS NULL ORDER BY occurred_at, id LIMIT 200 FOR UPDATE SKIP LOCKED""",
                        Tuple.class)
                .getResultList();
        int published = 0;
        for (Tuple row : rows) {
            UUID id = (UUID) row.get("id");
            try {
                producer().send(new ProducerRecord<>(row.get("topic").toString(), row.get("event_key").toString(),
                                row.get("payload").toString()))
                        .get(config.evidence().outbox().sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                em.createNativeQuery("UPDATE outbox_event SET attempts = attempts + 1 WHERE id = :id")
                        .setParameter("id", id).executeUpdate();
                LOG.warnf("Outbox event %s not published yet: %s", id, e.getMessage());
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                break;
            }
            em.createNativeQuery("UPDATE outbox_event SET published_at = now() WHERE id = :id")
                    .setParameter("id", id).executeUpdate();
            published++;
        }
        return published;
    }
}
