package th.go.ita.scoring.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import th.go.ita.platform.problem.ProblemException;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

@Path("/frameworks")
@Tag(name = "Frameworks")
@Produces(MediaType.APPLICATION_JSON)
public class FrameworkResource {

    /**
     * {@code provenance.unverified} names the parts not checked against the sources, for the UI to flag;
     * {@code recommended} marks the edition an OBEC office's round of that fiscal year should use (the round
     * form's default), {@code recommendedWhy} says why.
     */
    public record Summary(String id, int version, int fiscalYear, Map<String, String> name, String ratingScheme,
                          String checksum, boolean inUse, OffsetDateTime createdAt, Provenance provenance,
                          boolean recommended, Map<String, String> recommendedWhy) {
    }

    @Inject
    FrameworkService frameworks;

    @Inject
    ObjectMapper mapper;

    @GET
    @Authenticated
    @Operation(summary = "Every stored framework version, newest fiscal year first")
    public List<Summary> list() {
        return FrameworkVersion.all().stream().map(this::summary).toList();
    }

    @GET
    @Path("/{id}/versions/{version}")
    @Authenticated
    @Operation(summary = "One framework document, exactly as stored")
    public Response get(@PathParam("id") String id, @PathParam("version") int version) {
        return Response.ok(frameworks.require(id, version).document, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}/versions/{version}/provenance")
    @Authenticated
    @Operation(summary = "What one framework version rests on and which of its parts are verified; a version that records nothing is unverified throughout")
    public Provenance provenance(@PathParam("id") String id, @PathParam("version") int version) {
        frameworks.require(id, version);
        return Provenance.of(frameworks.framework(id, version));
    }

    @POST
    @RolesAllowed(Roles.SYSTEM_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a framework document: validated against the schema; a version used by a round cannot change")
    public Response importDocument(String body) {
        JsonNode document;
        try {
            document = mapper.readTree(body);
        } catch (IOException e) {
            throw ProblemException.badRequest("malformed-json");
        }
        if (document == null || !document.isObject()) {
            throw ProblemException.badRequest("malformed-json");
        }
        FrameworkService.ImportResult result = frameworks.importDocument(document);
        int status = result.outcome() == FrameworkService.Outcome.UNCHANGED ? 200 : 201;
        return Response.status(status).entity(result).build();
    }

    private Summary summary(FrameworkVersion v) {
        Framework parsed = frameworks.framework(v.id, v.version);
        var recommendation = Recommended.of(v.id, v.version).filter(r -> r.fiscalYear() == v.fiscalYear);
        return new Summary(v.id, v.version, v.fiscalYear, parsed.name(), parsed.rating().scheme(), v.checksum,
                frameworks.isUsed(v.id, v.version), v.createdAt,
                Provenance.of(parsed), recommendation.isPresent(), recommendation.map(Recommended.Year::why).orElse(null));
    }
}
