package th.go.ita.activity.score;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import th.go.ita.activity.event.Topics;
import th.go.ita.platform.outbox.ConsumedEvents;
import th.go.ita.platform.outbox.EventEnvelope;
import th.go.ita.platform.outbox.Inbox;

/**
 * Keeps each framework's comparability group from {@code ita.frameworks}: scores of two years are
 * compared only when their frameworks are in the same group.
 */
@ApplicationScoped
public class FrameworksConsumer {

    @Inject
    ConsumedEvents consumed;

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Incoming(Topics.FRAMEWORKS_CHANNEL)
    @Blocking
    public void onFramework(String json) {
        consumed.apply(Topics.FRAMEWORKS, () -> applyFramework(json));
    }

    private void applyFramework(String json) {
        EventEnvelope event = EventEnvelope.parse(json);
        if (!"FrameworkPublished".equals(event.type())) {
            return;
        }
        String id = event.text("id");
        int version = EventEnvelope.integer(event.payload(), "version");
        JsonNode year = event.payload().get("fiscalYear");
        if (!inbox.firstDelivery(event.id(), Topics.FRAMEWORKS)) {
            return;
        }
        em.createNativeQuery("""
                        INSERT INTO framework_ref (id, version, fiscal_year, comparability_group)
                        VALUES (:id, :version, :year, :group)
                        ON CONFLICT (id, version) DO UPDATE SET fiscal_year = EXCLUDED.fiscal_year,
                            comparability_group = EXCLUDED.comparability_group
                        """)
                .setParameter("id", id)
                .setParameter("version", version)
                .setParameter("year", year == null || !year.canConvertToInt() ? null : year.asInt())
                .setParameter("group", event.optionalText("comparabilityGroup"))
                .executeUpdate();
    }

    /** The comparability group of a framework version, or null when unknown. */
    public static String groupOf(EntityManager em, String frameworkId, Integer version) {
        if (frameworkId == null || version == null) {
            return null;
        }
        java.util.List<?> rows = em.createNativeQuery("SELECT comparability_group FROM framework_ref WHERE id = :id AND version = :v")
                .setParameter("id", frameworkId).setParameter("v", version)
                .getResultList();
        return rows.isEmpty() || rows.get(0) == null ? null : rows.get(0).toString();
    }
}
