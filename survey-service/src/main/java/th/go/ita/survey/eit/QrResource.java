package th.go.ita.survey.eit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.platform.access.Roles;

import java.util.List;

/**
 * QR images for the code slips of a fresh batch. The texts (links with a code in the fragment) come
 * in the body, never in the URL, so no access log ever holds a code; nothing is stored.
 */
@Path("/qr")
@Tag(name = "IIT access codes")
@RolesAllowed({Roles.UNIT_ADMIN, Roles.AREA_ADMIN, Roles.SYSTEM_ADMIN})
public class QrResource {

    public record QrRequest(@NotNull @Size(min = 1, max = 2000) List<@NotNull @Size(max = 300) String> texts) {
    }

    public record QrImagesView(List<String> svgs) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "SVG QR codes for the given texts (for printing code slips)")
    public QrImagesView svgs(@Valid @NotNull QrRequest request) {
        return new QrImagesView(request.texts().stream().map(QrImages::svg).toList());
    }
}
