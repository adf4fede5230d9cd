package th.go.ita.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedStackTest {

    @TempDir
    Path dir;

    @Test
    void postgresKeepsDataAcrossRestartsAndGivesEachServiceItsOwnDatabase() throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("pg"), 0)) {
            pg.ensureDatabase("scoring");
            pg.ensureDatabase("scoring"); // second call on an existing database must not fail
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("scoring"), "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE unit (code text primary key, name_th text)");
                s.execute("INSERT INTO unit VALUES ('KALASIN2', 'สพป.กาฬสินธุ์ เขต 2')");
                try (ResultSet rs = s.executeQuery("SHOW server_version")) {
                    rs.next();
                    assertTrue(rs.getString(1).startsWith("17."), "PostgreSQL 17 expected: " + rs.getString(1));
                }
            }
        }
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("pg"), 0);
             Connection c = DriverManager.getConnection(pg.jdbcUrl("scoring"), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name_th FROM unit WHERE code = 'KALASIN2'")) {
            assertTrue(rs.next(), "row written before the restart is still there");
            assertEquals("สพป.กาฬสินธุ์ เขต 2", rs.getString(1));
        }
    }

    @Test
    void aTakenPortIsReportedByName() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            var e = assertThrows(PortCheck.PortInUseException.class,
                    () -> EmbeddedPostgresServer.start(dir.resolve("pg2"), taken.getLocalPort()));
            assertTrue(e.getMessage().contains("PostgreSQL") && e.getMessage().contains(String.valueOf(taken.getLocalPort())));
        }
    }

    @Test
    void aRecordSentWhileKafkaIsDownIsDeliveredWhenItIsBackAtTheSameAddress() throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(null)) {
            Map<String, Object> config = Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                    // send() itself may block while the producer waits for metadata of a topic whose
                    // leader went away; both limits outlast the outage so the record waits, not fails.
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 120000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120000);
            try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("survey.responses", "KALASIN2", "before")).get();
                kafka.stop();
                CompletableFuture<RecordMetadata> duringOutage = CompletableFuture.supplyAsync(() -> {
                    try {
                        return producer.send(new ProducerRecord<>("survey.responses", "KALASIN2", "during")).get();
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                });
                Thread.sleep(2000);
                assertFalse(duringOutage.isDone(), "nothing can be acknowledged while Kafka is down");
                kafka.restart();
                assertEquals(1, duringOutage.get(100, TimeUnit.SECONDS).offset(), "delivered after the restart, in order");
            }
        }
    }

    @Test
    void kafkaBrokerAcceptsTopicsAndKeepsThemAcrossRestarts() throws Exception {
        Path kafkaDir = dir.resolve("kafka");
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(kafkaDir);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("ita.units", 1, (short) 1))).all().get();
        }
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(kafkaDir);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get();
            assertTrue(topics.contains("ita.units"), "topic survives a restart: " + topics);
        }
    }
}
