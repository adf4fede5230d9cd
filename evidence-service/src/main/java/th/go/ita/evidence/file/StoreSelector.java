package th.go.ita.evidence.file;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import th.go.ita.evidence.config.EvidenceConfig;

/** The store named by {@code ita.evidence.storage.type}: local files unless s3 is configured. */
@ApplicationScoped
public class StoreSelector {

    @Inject
    EvidenceConfig config;

    @Inject
    LocalFileStore local;

    @Inject
    S3FileStore s3;

    @Produces
    @ApplicationScoped
    EvidenceStore store() {
        String type = config.evidence().storage().type();
        return switch (type) {
            case "local" -> local;
            case "s3" -> s3;
            default -> throw new IllegalStateException("ita.evidence.storage.type must be local or s3, not " + type);
        };
    }
}
