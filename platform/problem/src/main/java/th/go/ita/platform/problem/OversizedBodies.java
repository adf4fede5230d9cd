package th.go.ita.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is refused by the HTTP layer before any
 * JAX-RS mapper runs, with a bare 413 that a person cannot read. This answers first, from the
 * declared length, with the same 413 as problem+json in Thai and English (and closes the
 * connection, as the HTTP layer would, instead of reading the rest).
 */
@ApplicationScoped
public class OversizedBodies {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> limit;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        if (limit.isEmpty()) {
            return;
        }
        long max = limit.get().asLongValue();
        // Before the HTTP layer's own length check (order -2), which ends the request bare.
        router.route().order(-3).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length == null || !length.matches("\\d{1,18}") || Long.parseLong(length) <= max) {
                ctx.next();
                return;
            }
            String language = ctx.request().getHeader("Accept-Language");
            Problem problem = ProblemMappers.problem(413, "too-large", List.of(),
                    language != null && language.startsWith("en"), ctx.request().path());
            try {
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                ctx.fail(413, e);
            }
        });
    }
}
