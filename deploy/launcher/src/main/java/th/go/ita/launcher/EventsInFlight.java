package th.go.ita.launcher;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Events one service has published and another has not consumed yet live only in Kafka, which a
 * backup does not hold. Before the copy starts, the backup waits (bounded) until every running
 * consumer has caught up, so such events are already in their consumer's database.
 */
final class EventsInFlight {

    private EventsInFlight() {
    }

    /** @return events still not consumed when the wait ended (0: none), or -1 when Kafka does not answer */
    static long awaitNone(int kafkaPort, Duration atMost, Consumer<String> progress) {
        try (java.net.Socket probe = new java.net.Socket()) {
            probe.connect(new java.net.InetSocketAddress("localhost", kafkaPort), 500);
        } catch (java.io.IOException notRunning) {
            return -1;
        }
        String bootstrapServers = "localhost:" + kafkaPort;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(props)) {
            long deadline = System.nanoTime() + atMost.toNanos();
            boolean told = false;
            while (true) {
                long lag = lag(admin);
                if (lag == 0 || System.nanoTime() > deadline) {
                    return lag;
                }
                if (!told) {
                    progress.accept("  waiting for " + lag + " event(s) in flight to reach their consumers");
                    told = true;
                }
                Thread.sleep(500);
            }
        } catch (Exception e) {
            return -1;
        }
    }

    /** Unconsumed records over every group with running members (parked dead letters wait for a person, not counted). */
    private static long lag(Admin admin) throws Exception {
        List<String> groups = admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS).stream()
                .map(ConsumerGroupListing::groupId).toList();
        long lag = 0;
        for (ConsumerGroupDescription group : admin.describeConsumerGroups(groups).all().get(5, TimeUnit.SECONDS).values()) {
            if (group.members().isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            group.members().forEach(m -> m.assignment().topicPartitions().forEach(tp -> latest.put(tp, OffsetSpec.latest())));
            for (var end : admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).entrySet()) {
                if (end.getKey().topic().contains(".dlq.")) {
                    continue;
                }
                OffsetAndMetadata at = committed.get(end.getKey());
                // No commit yet: a group that started at the end of an old topic commits nothing
                // until a new record comes, so there is nothing it is behind on.
                if (at != null) {
                    lag += Math.max(0, end.getValue().offset() - at.offset());
                }
            }
        }
        return lag;
    }
}
