package th.go.ita.platform.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The events the broker refused, for an operator: what they are and why, never their payload (an
 * answer's content stays in the database). Released, an event goes back in line for the relay,
 * after whatever was fixed (a topic's size limit, say).
 */
@Path("/outbox/parked")
@Tag(name = "Service")
// The realm's system-admin role: operating a service's event delivery is no office's business.
@RolesAllowed("system-admin")
public class ParkedEventsResource {

    public record ParkedEvent(UUID id, String topic, String key, String type, String reason,
                              OffsetDateTime parkedAt, int attempts) {
    }

    @Inject
    EntityManager em;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Events the broker refused, oldest first (at most 500)")
    @SuppressWarnings("unchecked")
    public List<ParkedEvent> list() {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, topic, event_key, type, park_reason, parked_at, attempts FROM outbox_event
                WHERE parked_at IS NOT NULL ORDER BY parked_at, occurred_at, id LIMIT 500""").getResultList();
        return rows.stream().map(r -> new ParkedEvent((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], toOffset(r[5]), ((Number) r[6]).intValue())).toList();
    }

    @POST
    @Path("/{id}/release")
    @Transactional
    @Operation(summary = "Put a parked event back in line for the relay")
    public void release(@PathParam("id") UUID id) {
        int released = em.createNativeQuery(
                        "UPDATE outbox_event SET parked_at = NULL, park_reason = NULL WHERE id = :id AND parked_at IS NOT NULL")
                .setParameter("id", id).executeUpdate();
        if (released == 0) {
            throw new NotFoundException();
        }
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
