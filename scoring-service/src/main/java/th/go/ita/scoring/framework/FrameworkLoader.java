package th.go.ita.scoring.framework;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import th.go.ita.platform.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Loads the framework documents shipped with the service at every start. Idempotent: an unchanged
 * document adds nothing; a shipped document that differs from a version already used by a round is
 * left as stored (old results never change) and logged, since it should have been a new version.
 */
@ApplicationScoped
public class FrameworkLoader {

    private static final Logger LOG = Logger.getLogger(FrameworkLoader.class);

    /**
     * Shipped editions, oldest first. A correction is a new version in its own file: the old version's file
     * stays exactly as it was, so installations whose rounds used it keep scoring and showing them the same.
     */
    public static final List<String> BUNDLED = List.of("frameworks/OBEC-2566.json", "frameworks/OBEC-2566-v2.json",
            "frameworks/NACC-2566.json", "frameworks/NACC-2567.json", "frameworks/NACC-2567-v2.json",
            "frameworks/NACC-2568.json", "frameworks/NACC-2569.json");

    /**
     * Shipped before every document had to record its sources and verification. They are immutable (rounds
     * may have used them), so they stay without those fields and the API shows them as unverified.
     */
    public static final Set<String> RECORDED_BEFORE_PROVENANCE = Set.of("frameworks/OBEC-2566.json", "frameworks/NACC-2567.json");

    @Inject
    FrameworkService frameworks;

    @Inject
    ObjectMapper mapper;

    // Before the demo data, whose rounds and results refer to these frameworks.
    void onStart(@Observes @Priority(1) StartupEvent event) {
        List<FrameworkService.ImportResult> results = load();
        LOG.infof("Frameworks: %s", results);
    }

    public List<FrameworkService.ImportResult> load() {
        List<FrameworkService.ImportResult> results = new ArrayList<>();
        for (String resource : BUNDLED) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                results.add(frameworks.importDocument(mapper.readTree(in), RECORDED_BEFORE_PROVENANCE.contains(resource)
                        ? FrameworkValidator.Mode.RECORDED_BEFORE_PROVENANCE : FrameworkValidator.Mode.CURRENT));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ProblemException e) {
                if (!"framework-in-use".equals(e.code())) {
                    throw new IllegalStateException("shipped framework " + resource + " is invalid: " + e.errors(), e);
                }
                LOG.warnf("Shipped %s differs from the stored version that rounds use; kept the stored one", resource);
            }
        }
        return results;
    }
}
