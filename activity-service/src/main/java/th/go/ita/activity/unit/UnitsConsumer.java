package th.go.ita.activity.unit;

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
import th.go.ita.platform.outbox.UnreadableEventException;

/** Keeps {@code unit_ref} in step with scoring's {@code ita.units} ({@code UnitUpserted}). */
@ApplicationScoped
public class UnitsConsumer {

    @Inject
    ConsumedEvents consumed;

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Incoming(Topics.UNITS_CHANNEL)
    @Blocking
    public void onUnit(String json) {
        consumed.apply(Topics.UNITS, () -> applyUnit(json));
    }

    private void applyUnit(String json) {
        EventEnvelope event = EventEnvelope.parse(json);
        if (!"UnitUpserted".equals(event.type())) {
            return;
        }
        String code = event.text("code");
        String path = event.text("path");
        if (!path.startsWith("/") || !path.endsWith("/" + code + "/")) {
            throw new UnreadableEventException("path " + path + " does not end with the unit's code");
        }
        if (!inbox.firstDelivery(event.id(), Topics.UNITS)) {
            return;
        }
        em.createNativeQuery("""
                        INSERT INTO unit_ref (code, parent_code, path, type, name_th, name_en, staff_count, active, demo, updated_at)
                        VALUES (:code, :parent, :path, :type, :nameTh, :nameEn, :staff, :active, :demo, now())
                        ON CONFLICT (code) DO UPDATE SET parent_code = EXCLUDED.parent_code, path = EXCLUDED.path,
                            type = EXCLUDED.type, name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en,
                            staff_count = EXCLUDED.staff_count, active = EXCLUDED.active, demo = EXCLUDED.demo,
                            updated_at = now()
                        """)
                .setParameter("code", code)
                .setParameter("parent", event.optionalText("parentCode"))
                .setParameter("path", path)
                .setParameter("type", event.optionalText("type"))
                .setParameter("nameTh", event.optionalText("nameTh"))
                .setParameter("nameEn", event.optionalText("nameEn"))
                .setParameter("staff", intOf(event.payload().get("staffCount")))
                .setParameter("active", !event.payload().has("active") || event.payload().get("active").asBoolean(true))
                .setParameter("demo", event.payload().has("demo") && event.payload().get("demo").asBoolean(false))
                .executeUpdate();
    }

    private static int intOf(JsonNode node) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.canConvertToInt()) {
            throw new UnreadableEventException("staffCount is not a number");
        }
        return node.asInt();
    }
}
