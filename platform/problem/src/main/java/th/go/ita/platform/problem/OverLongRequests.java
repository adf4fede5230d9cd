package th.go.ita.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;

/**
 * An address or headers too long are refused by Vert.x while it decodes the request, before any
 * route, with a bare 414 or 431 (Quarkus gives no hook for that answer). So the platform raises
 * Vert.x' own limits far up ({@code META-INF/microprofile-config.properties}: 64 KB) and refuses
 * at the usual ones here, as the first route, with problem+json in Thai and English. Only a
 * request past the raised limits still gets Vert.x' bare answer.
 */
@ApplicationScoped
public class OverLongRequests {

    /** The longest address (path and query) a service answers, as Vert.x' default initial line. */
    @ConfigProperty(name = "ita.http.max-uri-length", defaultValue = "4096")
    int maxUriLength;

    /** All header names and values together, as Vert.x' default header size. */
    @ConfigProperty(name = "ita.http.max-header-size", defaultValue = "20K")
    MemorySize maxHeaderSize;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        long maxHeaders = maxHeaderSize.asLongValue();
        router.route().order(-4).handler(ctx -> {
            if (ctx.request().uri().length() > maxUriLength) {
                refuse(ctx, json, 414, "uri-too-long");
            } else if (headerSize(ctx.request().headers()) > maxHeaders) {
                refuse(ctx, json, 431, "headers-too-large");
            } else {
                ctx.next();
            }
        });
    }

    private static long headerSize(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    /** Answers a problem from below JAX-RS and closes the connection, as Vert.x would have. */
    static void refuse(RoutingContext ctx, ObjectMapper json, int status, String code) {
        String language = ctx.request().getHeader("Accept-Language");
        // The path alone: the query may be what was too long.
        String path = ctx.request().path();
        Problem problem = ProblemMappers.problem(status, code, List.of(),
                language != null && language.startsWith("en"), path.length() > 200 ? path.substring(0, 200) : path);
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(status, e);
        }
    }
}
