package th.go.ita.scoring.user;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.platform.access.Roles;

import java.util.List;
import java.util.Set;

@Path("/units/{code}/users")
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN, Roles.UNIT_ADMIN})
public class UnitUserResource {

    public record Grantable(Set<String> roles) {
    }

    @Inject
    UserAccounts accounts;

    @GET
    @Operation(summary = "User accounts whose unit_code is this unit (in the caller's scope)")
    public List<UserView> list(@PathParam("code") String code) {
        return accounts.list(code);
    }

    @GET
    @Path("/grantable-roles")
    @Operation(summary = "The roles the caller may give in an invitation")
    public Grantable grantable(@PathParam("code") String code) {
        return new Grantable(accounts.grantable(code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite a user to this unit with one role; the answer holds a one-time temporary password")
    public Response invite(@PathParam("code") String code, @Valid @NotNull Invitation invitation) {
        Invited invited = accounts.invite(code, invitation);
        // The password must not linger in a proxy or the browser's cache.
        return Response.status(201).header("Cache-Control", "no-store").entity(invited).build();
    }

    @POST
    @Path("/{userId}/disable")
    @Operation(summary = "Disable a user of this unit and end their sessions")
    public UserView disable(@PathParam("code") String code, @PathParam("userId") String userId) {
        return accounts.disable(code, userId);
    }

    @POST
    @Path("/{userId}/enable")
    @Operation(summary = "Let a disabled user of this unit log in again")
    public UserView enable(@PathParam("code") String code, @PathParam("userId") String userId) {
        return accounts.enable(code, userId);
    }
}
