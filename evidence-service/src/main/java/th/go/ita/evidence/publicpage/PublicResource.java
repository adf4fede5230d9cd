package th.go.ita.evidence.publicpage;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.evidence.access.Rows;
import th.go.ita.evidence.file.EvidenceStore;
import th.go.ita.evidence.file.EvidenceVersion;
import th.go.ita.evidence.file.FileResponses;
import th.go.ita.platform.problem.ProblemException;

import java.io.IOException;
import java.util.UUID;

/**
 * The public disclosure, without login. The HTML pages live at {@code /oit/…} at this service's
 * root, the permanent addresses offices print (the gateway routes {@code /oit/*} here unchanged).
 */
@Path("/")
@Tag(name = "Public disclosure")
@PermitAll
public class PublicResource {

    private static final String HTML = "text/html; charset=utf-8";

    @Inject
    DisclosureService disclosures;

    @Inject
    EvidenceStore store;

    @GET
    @Path("public/units/{unitCode}/years/{fiscalYear: [0-9]{4}}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A unit's OIT items of a fiscal year with their public evidence and review status")
    public Response json(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear) {
        return shortCached(Response.ok(disclosures.disclosure(unitCode, fiscalYear)));
    }

    @GET
    @Path("oit/{unitCode}/{fiscalYear: [0-9]{4}}")
    @Produces(HTML)
    @Operation(summary = "The public disclosure page (plain HTML, Thai first, printable)")
    public Response yearPage(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear) {
        return shortCached(Response.ok(DisclosurePage.year(disclosures.disclosure(unitCode, fiscalYear)), HTML));
    }

    @GET
    @Path("oit/{unitCode}/{fiscalYear: [0-9]{4}}/{itemCode}")
    @Produces(HTML)
    @Operation(summary = "The public page of one OIT item (plain HTML)")
    public Response itemPage(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear,
                             @PathParam("itemCode") String itemCode) {
        Disclosure d = disclosures.disclosure(unitCode, fiscalYear);
        for (Disclosure.SubIndicator sub : d.subIndicators()) {
            for (Disclosure.Item item : sub.items()) {
                if (item.code().equals(itemCode)) {
                    return shortCached(Response.ok(DisclosurePage.item(d, item, sub), HTML));
                }
            }
        }
        throw ProblemException.notFound("item-not-found", itemCode);
    }

    @GET
    @Path("oit/files/{evidenceId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a published file version")
    public Response file(@PathParam("evidenceId") UUID evidenceId) throws IOException {
        Tuple t = disclosures.publishedFile(evidenceId);
        return FileResponses.attachment(store.open(Rows.str(t, "storage_key")), EvidenceVersion.of(t));
    }

    @GET
    @Path("public/files/{evidenceId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a published file version (same as /oit/files/{id})")
    public Response publicFile(@PathParam("evidenceId") UUID evidenceId) throws IOException {
        return file(evidenceId);
    }

    /** Every public answer may be cached by browsers and proxies for a minute. */
    private static Response shortCached(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "public, max-age=60").build();
    }
}
