package th.go.ita.scoring.score;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A scoring database as it was before responses were released in steps (migrations V1–V5, one
 * input event per response with its id, sequence and second of arrival): migration V6 leaves
 * nothing that orders or identifies a response, and keeps what rebuilds need.
 */
@QuarkusTest
class InputEventsUpgradeTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void oldInputEventsLoseResponseIdsTimesAndOrderButKeepTheirAnswersAndReviewOrder() throws Exception {
        String database = "scoring_v5_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = dataSource(jdbcUrl).getConnection(); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        PGSimpleDataSource old = dataSource(jdbcUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"));
        Flyway.configure().dataSource(old).locations("classpath:db/migration").target("5").load().migrate();
        UUID round = UUID.randomUUID();
        try (Connection c = old.getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < 3; i++) {
                s.execute("INSERT INTO score_input_event (id, topic, round_id, unit_code, payload, received_at) VALUES ('"
                        + UUID.randomUUID() + "', 'survey.responses', '" + round + "', 'U1', '{\"responseId\": \""
                        + UUID.randomUUID() + "\", \"instrument\": \"IIT\", \"answers\": {\"i1\": \"" + (i + 1) + "\"}}', "
                        + "now() - interval '" + i + " minutes')");
                s.execute("INSERT INTO processed_event (id, topic, processed_at) VALUES ('" + UUID.randomUUID()
                        + "', 'survey.responses', now() - interval '" + i + " minutes')");
            }
            s.execute("INSERT INTO score_input_event (id, topic, round_id, unit_code, payload, received_at) VALUES ('"
                    + UUID.randomUUID() + "', 'oit.reviews', '" + round + "', 'U1', '{\"itemCode\": \"O1\"}', '2026-11-20T03:04:05Z')");
            s.execute("INSERT INTO outbox_event (id, topic, event_key, type, payload, published_at) VALUES ('"
                    + UUID.randomUUID() + "', 'scores.changed', 'U1', 'UnitScoreChanged', '{}', now())");
            s.execute("INSERT INTO outbox_event (id, topic, event_key, type, payload) VALUES ('"
                    + UUID.randomUUID() + "', 'scores.changed', 'U1', 'UnitScoreChanged', '{}')");
        }

        Flyway.configure().dataSource(old).locations("classpath:db/migration").load().migrate();

        try (Connection c = old.getConnection(); Statement s = c.createStatement()) {
            List<String> columns = new ArrayList<>();
            ResultSet cols = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = 'score_input_event'");
            while (cols.next()) {
                columns.add(cols.getString(1));
            }
            assertEquals(new java.util.TreeSet<>(List.of("id", "topic", "round_id", "unit_code", "payload", "reviewed_at")),
                    new java.util.TreeSet<>(columns), "no sequence, no time of arrival");
            ResultSet responses = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE payload->>'responseId' IS NOT NULL), "
                    + "count(*) FILTER (WHERE reviewed_at IS NOT NULL), string_agg(payload->'answers'->>'i1', '' ORDER BY payload->'answers'->>'i1') "
                    + "FROM score_input_event WHERE topic = 'survey.responses'");
            responses.next();
            assertEquals(3, responses.getInt(1), "every answer set kept for rebuilds");
            assertEquals(0, responses.getInt(2), "response ids");
            assertEquals(0, responses.getInt(3), "times beside responses");
            assertEquals("123", responses.getString(4), "every answer as it was");
            ResultSet review = s.executeQuery("SELECT reviewed_at FROM score_input_event WHERE topic = 'oit.reviews'");
            review.next();
            assertEquals(java.time.Instant.parse("2026-11-20T03:04:05Z"), review.getObject(1, java.time.OffsetDateTime.class).toInstant(), "a review keeps its time, so verdicts replay in order");
            ResultSet inbox = s.executeQuery("SELECT count(*) FROM processed_event WHERE topic = 'survey.responses' "
                    + "AND processed_at <> date_trunc('day', processed_at)");
            inbox.next();
            assertEquals(0, inbox.getInt(1), "inbox times finer than the day");
            ResultSet outbox = s.executeQuery("SELECT count(*) FILTER (WHERE published_at IS NOT NULL), count(*) FROM outbox_event");
            outbox.next();
            assertEquals(0, outbox.getInt(1), "published score changes, one per response, kept for good");
            assertEquals(1, outbox.getInt(2), "a pending one still goes out");
        }
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser("postgres");
        return ds;
    }
}
