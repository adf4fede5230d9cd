package th.go.ita.activity.template;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/templates")
@Tag(name = "Templates")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    @Inject
    TemplateCatalog catalog;

    @GET
    @Operation(summary = "Built-in plan templates (the seed office's METTA activity set)")
    public List<PlanTemplate> list() {
        return catalog.all();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One plan template")
    public PlanTemplate get(@PathParam("code") String code) {
        return catalog.require(code);
    }
}
