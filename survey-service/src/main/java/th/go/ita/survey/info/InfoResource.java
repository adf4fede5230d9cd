package th.go.ita.survey.info;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

@Path("/info")
@Tag(name = "Service")
@PermitAll
public class InfoResource {

    @ConfigProperty(name = "quarkus.application.version")
    String version;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Name and version of this service")
    public ServiceInfo info() {
        return new ServiceInfo("survey-service", version, Map.of(
                "th", "ระบบแบบวัด IIT และ EIT",
                "en", "IIT and EIT surveys"));
    }
}
