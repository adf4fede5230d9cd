package th.go.ita.evidence.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.evidence.access.UnitAccess;
import th.go.ita.platform.access.Roles;

import java.util.List;

@Path("/reviews/queue")
@Tag(name = "Review")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewQueueResource {

    @Inject
    UnitAccess access;

    @Inject
    ReviewService reviews;

    @GET
    @Transactional
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Submitted items of the units assigned to the calling auditor, oldest first")
    public List<ReviewService.QueueEntry> queue() {
        return reviews.queue(access.username());
    }
}
