package th.go.ita.scoring.unit;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/units")
@Tag(name = "Units")
@Authenticated
public class UnitResource {

    @Inject
    UnitScope scope;

    @GET
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One unit of the office tree, if it is within the caller's scope")
    public UnitView get(@PathParam("code") String code) {
        return UnitView.of(scope.require(code));
    }
}
