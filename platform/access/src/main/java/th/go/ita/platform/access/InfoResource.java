package th.go.ita.platform.access;

import io.smallrye.config.ConfigMapping;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/**
 * What this service is and which build runs, for the web app's status panel and for operators,
 * without login: the name and version Quarkus knows, the title each service configures
 * ({@code ita.info.title.th}, {@code ita.info.title.en}).
 */
@Path("/info")
@Tag(name = "Service")
@PermitAll
public class InfoResource {

    public record ServiceInfo(String service, String version, Map<String, String> title) {
    }

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "quarkus.application.version")
    String version;

    @Inject
    Title title;

    /** The service's title in Thai and English, under {@code ita.info.title.*}. */
    @ConfigMapping(prefix = "ita.info.title")
    public interface Title {
        String th();

        String en();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Name and version of this service")
    public ServiceInfo info() {
        return new ServiceInfo(service, version, Map.of("th", title.th(), "en", title.en()));
    }
}
