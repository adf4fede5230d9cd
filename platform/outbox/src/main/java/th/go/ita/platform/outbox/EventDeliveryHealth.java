package th.go.ita.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Instant;

/**
 * Says in readiness how event delivery stands, and stays UP while Kafka is away: the outbox exists
 * so a service takes answers and reviews through a broker outage, and a readiness that failed with
 * Kafka would take it off the load balancer exactly then. (Kafka's own readiness check is off in
 * every service for that reason.) A database that does not answer fails this check, as it should.
 */
@Readiness
@ApplicationScoped
public class EventDeliveryHealth implements HealthCheck {

    @Inject
    EntityManager em;

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        Object[] counts = (Object[]) em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE parked_at IS NULL), count(*) FILTER (WHERE parked_at IS NOT NULL)
                FROM outbox_event WHERE published_at IS NULL""").getSingleResult();
        Instant silentSince = relay.brokerSilentSince();
        return HealthCheckResponse.named("Event delivery (outbox)").up()
                .withData("broker", silentSince == null ? "answering" : "not answering since " + silentSince)
                .withData("waiting", ((Number) counts[0]).longValue())
                .withData("parked", ((Number) counts[1]).longValue())
                .build();
    }
}
