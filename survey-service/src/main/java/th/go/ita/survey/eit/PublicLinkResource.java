package th.go.ita.survey.eit;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Respondents")
// The EIT link is public by design: anyone with it may answer while the window is open.
@PermitAll
@Path("/links")
public class PublicLinkResource {

    @Inject
    EitLinkService links;

    @GET
    @Path("{token}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where a public EIT link leads (round and unit)")
    public EitLink resolve(@PathParam("token") String token) {
        return links.resolve(token);
    }

    @GET
    @Path("{token}/qr.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "QR code of a public EIT link, as SVG for posters")
    public Response svg(@PathParam("token") String token) {
        return Response.ok(QrImages.svg(links.resolve(token).url()))
                .header("Cache-Control", "public, max-age=86400").build();
    }

    @GET
    @Path("{token}/qr.png")
    @Produces("image/png")
    @Operation(summary = "QR code of a public EIT link, as PNG")
    public Response png(@PathParam("token") String token) {
        return Response.ok(QrImages.png(links.resolve(token).url(), 10))
                .header("Cache-Control", "public, max-age=86400").build();
    }

    @GET
    @Path("{token}/poster.pdf")
    @Produces("application/pdf")
    @Operation(summary = "A4 poster of a public EIT link: headline, why it matters, big QR and the link in text")
    public Response poster(@PathParam("token") String token) {
        EitLink link = links.resolve(token);
        return Response.ok(PosterPdf.render(links.targetOf(link), link))
                .header("Content-Disposition", "inline; filename=\"eit-poster-" + link.unitCode() + ".pdf\"")
                .header("Cache-Control", "public, max-age=3600")
                .build();
    }
}
