package th.go.ita.evidence.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.evidence.access.Directory;
import th.go.ita.evidence.access.UnitAccess;
import th.go.ita.evidence.access.UnitRef;
import th.go.ita.platform.access.Roles;


@Path("/units/{unitCode}/rounds/{roundId}/items/{itemCode}/review")
@Tag(name = "Review")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    public enum Verdict { PASSED, FAILED }

    public record VerdictRequest(@NotNull Verdict verdict, @Size(max = 4000) String comment) {
    }

    @Inject
    UnitAccess access;

    @Inject
    Directory directory;

    @Inject
    ReviewService reviews;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Pass, or fail with a comment, a submitted item of an assigned unit")
    public ReviewService.Review review(@PathParam("unitCode") String unitCode, @PathParam("roundId") String roundId,
                                       @PathParam("itemCode") String itemCode, @Valid @NotNull VerdictRequest body) {
        UnitRef unit = access.review(unitCode);
        return reviews.review(unit, directory.roundOf(unit, roundId), itemCode, body.verdict().name(), body.comment(),
                access.username());
    }
}
