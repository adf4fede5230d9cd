package th.go.ita.platform.outbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

/**
 * What this service's consumers parked on their dead-letter topics, and the way back: once what
 * made an event unreadable is fixed (a unit added to a round, a consumer that learned a field),
 * a replay puts each parked record on the topic it came from, once. The dead-letter topic keeps
 * every record; a consumer group per service remembers how far replays went. Redelivery is safe,
 * consumers apply an event id once (inbox). Reasons and positions are shown, never a value: a
 * parked response step carries answers.
 */
@Path("/admin/dead-letters")
@Tag(name = "Service")
@RolesAllowed("system-admin")
public class DeadLetterResource {

    private static final Logger LOG = Logger.getLogger(DeadLetterResource.class);
    private static final String PREFIX = "mp.messaging.incoming.";
    private static final String SUFFIX = ".dead-letter-queue.topic";
    private static final Duration POLL = Duration.ofMillis(500);

    /** One consumer's dead-letter topic and the parked records no replay has put back yet. */
    public record DeadLetters(String channel, String topic, String deadLetterTopic, List<Parked> waiting) {
    }

    public record Parked(int partition, long offset, Instant parkedAt, String reason) {
    }

    public record Replay(String channel, String topic, int replayed) {
    }

    @Inject
    Config mp;

    @Inject
    OutboxRelay relay;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "ita")
    String application;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Each consumer's parked events not yet replayed, with the reason (at most 500 each)")
    public List<DeadLetters> list() {
        List<DeadLetters> all = new ArrayList<>();
        for (String channel : channels()) {
            List<Parked> waiting = new ArrayList<>();
            readWaiting(channel, record -> {
                if (waiting.size() < 500) {
                    waiting.add(new Parked(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                            header(record, "dead-letter-reason")));
                }
            });
            all.add(new DeadLetters(channel, topic(channel), deadLetterTopic(channel), waiting));
        }
        return all;
    }

    @POST
    @Path("/{channel}/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Put a consumer's parked events back on the topic they came from, each once")
    public Replay replay(@PathParam("channel") String channel) throws Exception {
        if (!channels().contains(channel)) {
            throw new NotFoundException();
        }
        String topic = topic(channel);
        List<Future<?>> sent = new ArrayList<>();
        Map<String, Object> producerConfig = relay.producerConfig();
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-dead-letter-replay");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            Map<TopicPartition, OffsetAndMetadata> done = readWaiting(channel, record ->
                    sent.add(producer.send(new ProducerRecord<>(topic, null, record.key(), record.value()))));
            producer.flush();
            for (Future<?> ack : sent) {
                ack.get();
            }
            // Committed only once every record is on its topic again: a failed replay is simply run again.
            commit(channel, done);
        }
        LOG.infof("Replayed %d parked events of %s onto %s", sent.size(), channel, topic);
        return new Replay(channel, topic, sent.size());
    }

    /** Channels with a dead-letter topic of their own in this service's configuration. */
    List<String> channels() {
        return StreamSupport.stream(mp.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith(PREFIX) && name.endsWith(SUFFIX))
                .map(name -> name.substring(PREFIX.length(), name.length() - SUFFIX.length()))
                .distinct().sorted().toList();
    }

    private String topic(String channel) {
        return mp.getOptionalValue(PREFIX + channel + ".topic", String.class).orElse(channel);
    }

    private String deadLetterTopic(String channel) {
        return mp.getValue(PREFIX + channel + SUFFIX, String.class);
    }

    /**
     * Hands each record after the replay group's position, up to the end as it is now, to {@code each}.
     * @return the positions a replay commits when all of them are back on their topic
     */
    private Map<TopicPartition, OffsetAndMetadata> readWaiting(String channel,
                                                               java.util.function.Consumer<ConsumerRecord<String, String>> each) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic(channel), POLL.multipliedBy(20)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
            if (partitions.isEmpty()) {
                return end;
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata from = committed.get(partition);
                if (from == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, from.offset());
                }
                end.put(partition, new OffsetAndMetadata(ends.get(partition)));
            }
            Instant giveUp = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("the dead-letter topic of " + channel + " could not be read to its end");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                }
            }
            return end;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            // A dead-letter topic nothing was ever parked on does not exist yet.
            LOG.debugf("No dead-letter topic for %s yet: %s", channel, e.getMessage());
            return Map.of();
        }
    }

    private void commit(String channel, Map<TopicPartition, OffsetAndMetadata> positions) {
        if (positions.isEmpty()) {
            return;
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            consumer.commitSync(positions);
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> props = OutboxRelay.clientConfig(kafkaConfig, ConsumerConfig.configNames());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, application + "-dead-letter-replay");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Looking must not create a dead-letter topic nothing was parked on yet.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return props;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
