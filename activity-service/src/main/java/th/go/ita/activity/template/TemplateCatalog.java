package th.go.ita.activity.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import th.go.ita.platform.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The built-in plan templates, shipped as resources under {@code templates/}. */
@ApplicationScoped
@Startup
public class TemplateCatalog {

    static final List<String> RESOURCES = List.of("templates/metta-seed.json");

    @Inject
    ObjectMapper mapper;

    private List<PlanTemplate> templates;

    public synchronized List<PlanTemplate> all() {
        if (templates == null) {
            templates = RESOURCES.stream().map(this::read).toList();
        }
        return templates;
    }

    public Optional<PlanTemplate> find(String code) {
        return all().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public PlanTemplate require(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("template-not-found", code));
    }

    private PlanTemplate read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing template resource " + resource);
            }
            return mapper.readValue(in, PlanTemplate.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
