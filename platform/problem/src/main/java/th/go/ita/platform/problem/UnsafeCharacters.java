package th.go.ita.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * PostgreSQL cannot store a NUL byte in text and fails the whole statement on one: refused at the
 * door instead, in a path or query parameter (400 before any resource runs) and in a JSON string
 * field (400 naming the field), so such a request never reaches the database as a 500.
 */
public class UnsafeCharacters {

    @ServerRequestFilter(preMatching = true)
    public Response refuseNulInAddress(ContainerRequestContext request, HttpHeaders headers) {
        if (hasNul(request.getUriInfo().getPath()) || hasNul(request.getUriInfo().getQueryParameters())) {
            return ProblemMappers.respond(400, "invalid-characters", List.of(), headers, null);
        }
        return null;
    }

    private static boolean hasNul(MultivaluedMap<String, String> parameters) {
        for (var entry : parameters.entrySet()) {
            if (hasNul(entry.getKey()) || entry.getValue().stream().anyMatch(UnsafeCharacters::hasNul)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /** Every string a service reads from JSON passes this check. */
    @Singleton
    public static class JsonStrings implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.registerModule(new SimpleModule("ita-unsafe-characters")
                    .addDeserializer(String.class, new NulFreeStringDeserializer()));
        }
    }

    static final class NulFreeStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (hasNul(value)) {
                throw new InvalidFormatException(p, "NUL byte in a text value", value, String.class);
            }
            return value;
        }
    }
}
