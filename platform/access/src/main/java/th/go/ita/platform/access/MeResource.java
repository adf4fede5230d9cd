package th.go.ita.platform.access;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;

@Path("/me")
@Tag(name = "Service")
@Authenticated
public class MeResource {

    public record Me(String username, Set<String> roles, String unitCode) {
    }

    @Inject
    Caller user;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who the bearer token says the caller is, as this service sees it")
    public Me me() {
        return new Me(user.username(), user.roles(), user.unitCode());
    }
}
