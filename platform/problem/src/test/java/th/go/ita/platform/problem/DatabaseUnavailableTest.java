package th.go.ita.platform.problem;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import javax.transaction.xa.XAException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What a caller gets when the database is away, as the services' mappers answer it. The real
 * restart under load is the launcher's end-to-end test; here each kind of failure the JDBC driver
 * and the pool report is mapped without a database (the driver's exception, as Hibernate wraps it).
 */
class DatabaseUnavailableTest {

    final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aDatabaseThatIsRestartingOrOutOfConnectionsIs503WithRetryAfter() {
        for (String state : new String[]{"08006", "08001", "57P01", "57P03", "53300"}) {
            Response response = mappers.unexpected(new RuntimeException(new SQLException("gone", state)), null, null);
            assertEquals(503, response.getStatus(), state);
            assertEquals("5", response.getHeaderString("Retry-After"), state);
            Problem problem = (Problem) response.getEntity();
            assertEquals("urn:ita:problem:unavailable", problem.type(), state);
            assertEquals("application/problem+json", response.getMediaType().toString());
        }
        Response poolExhausted = mappers.unexpected(
                new RuntimeException(new SQLException("Sorry, acquisition timeout!")), null, null);
        assertEquals(503, poolExhausted.getStatus());
    }

    /**
     * A restart that lands between the last statement and the commit: Narayana throws a
     * RollbackException ("could not commit") and attaches what the resource said as suppressed
     * exceptions, not as the cause. Seen in CI as a 500 on a respondent's submission.
     */
    @Test
    void aCommitThatMetARestartingDatabaseIs503Too() {
        RuntimeException commitFailed = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        commitFailed.addSuppressed(new IllegalStateException(new SQLException("I/O error", "08006")));
        assertEquals(503, mappers.unexpected(new RuntimeException(commitFailed), null, null).getStatus());

        RuntimeException xaFailed = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        xaFailed.addSuppressed(new XAException(XAException.XA_RBCOMMFAIL));
        assertEquals(503, mappers.unexpected(xaFailed, null, null).getStatus());

        Response closedUnderUs = mappers.unexpected(new RuntimeException(new SQLException("Connection is closed")), null, null);
        assertEquals(503, closedUnderUs.getStatus());
    }

    @Test
    void anythingElseStaysWhatItWas() {
        Response tooLong = mappers.unexpected(new RuntimeException(new SQLException("too long", "22001")), null, null);
        assertEquals(400, tooLong.getStatus());
        Response bug = mappers.unexpected(new IllegalStateException("a bug"), null, null);
        assertEquals(500, bug.getStatus());
        assertNull(bug.getHeaderString("Retry-After"), "a bug is not fixed by waiting");
        RuntimeException selfSuppressing = new RuntimeException("loop");
        selfSuppressing.addSuppressed(new IllegalStateException(selfSuppressing));
        assertEquals(500, mappers.unexpected(selfSuppressing, null, null).getStatus(), "a cycle of causes ends");
    }
}
