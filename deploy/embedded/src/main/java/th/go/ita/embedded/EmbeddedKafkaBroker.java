package th.go.ita.embedded;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real Kafka broker in KRaft mode (one combined broker + controller node) inside this JVM,
 * built with Kafka's own test kit so it is the same server code that runs in production.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /** Fixed so that a kept data directory is recognised as the same cluster on the next run. */
    private static final String CLUSTER_ID = "aXRhLW9ubGluZS1rYWZrYQ";

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /**
     * @param baseDirectory where logs and metadata live; kept between runs when not null
     */
    public static EmbeddedKafkaBroker start(Path baseDirectory) throws Exception {
        TestKitNodes.Builder nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setClusterId(CLUSTER_ID);
        boolean alreadyFormatted = false;
        if (baseDirectory != null) {
            Files.createDirectories(baseDirectory);
            nodes.setBaseDirectory(baseDirectory);
            try (var files = Files.walk(baseDirectory)) {
                alreadyFormatted = files.anyMatch(p -> p.getFileName().toString().equals("meta.properties"));
            }
        }
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes.build())
                .setDeleteOnClose(baseDirectory == null)
                // One broker: internal topics cannot have more replicas than that.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("auto.create.topics.enable", "true")
                .setConfigProp("num.partitions", "3")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        if (!alreadyFormatted) {
            cluster.format();
        }
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new EmbeddedKafkaBroker(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
