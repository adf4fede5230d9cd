package th.go.ita.platform.outbox;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import th.go.ita.embedded.ItaTestStack;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database as every service has it today (their own outbox/inbox migration applied, events
 * pending): the platform's migrations adopt it without touching what is stored.
 */
@QuarkusTest
@WithTestResource(value = ItaTestStack.class, initArgs = @ResourceArg(name = "database", value = "platform_outbox"))
class OutboxSchemaUpgradeTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void todaysOutboxIsAdoptedWithItsPendingEventsAndAppliedIdsKept() throws Exception {
        String database = "legacy_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = dataSource(jdbcUrl).getConnection(); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        PGSimpleDataSource legacy = dataSource(jdbcUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"));
        UUID pending = UUID.randomUUID();
        UUID applied = UUID.randomUUID();
        try (Connection c = legacy.getConnection(); Statement s = c.createStatement()) {
            s.execute(new String(getClass().getResourceAsStream("/legacy/V1__create_outbox_and_inbox.sql").readAllBytes(),
                    StandardCharsets.UTF_8));
            s.execute("INSERT INTO outbox_event (id, topic, event_key, type, payload, attempts) VALUES ('" + pending
                    + "', 'survey.responses', 'U1', 'ResponseSubmitted', '{\"n\": 1}', 2)");
            s.execute("INSERT INTO processed_event (id, topic) VALUES ('" + applied + "', 'ita.units')");
        }

        OutboxSchema.migrate(legacy);
        OutboxSchema.migrate(legacy); // a second start changes nothing

        try (Connection c = legacy.getConnection(); Statement s = c.createStatement()) {
            ResultSet row = s.executeQuery("SELECT attempts, payload->>'n', published_at, parked_at, park_reason FROM outbox_event WHERE id = '" + pending + "'");
            assertTrue(row.next(), "the pending event is still there");
            assertEquals(2, row.getInt(1));
            assertEquals("1", row.getString(2));
            assertEquals(null, row.getObject(3), "still pending: the relay will send it");
            assertEquals(null, row.getObject(4), "not parked");
            ResultSet inbox = s.executeQuery("SELECT count(*) FROM processed_event WHERE id = '" + applied + "'");
            inbox.next();
            assertEquals(1, inbox.getInt(1), "an applied event stays applied: no redelivery is applied twice");
            ResultSet history = s.executeQuery("SELECT count(*) FROM platform_outbox_schema_history WHERE success AND version = '1'");
            history.next();
            assertEquals(1, history.getInt(1));
            ResultSet index = s.executeQuery("SELECT count(*) FROM pg_indexes WHERE indexname = 'outbox_event_pending'");
            index.next();
            assertEquals(1, index.getInt(1));
        }
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser("postgres");
        return ds;
    }
}
