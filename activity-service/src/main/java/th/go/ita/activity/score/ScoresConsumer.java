package th.go.ita.activity.score;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import th.go.ita.activity.event.Topics;
import th.go.ita.platform.outbox.ConsumedEvents;
import th.go.ita.platform.outbox.EventEnvelope;
import th.go.ita.platform.outbox.Inbox;
import th.go.ita.platform.outbox.UnreadableEventException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the latest scores per unit and round from {@code scores.changed}: computed sheets
 * ({@code UnitScoreChanged}) and official results ({@code OfficialResultChanged}, which win).
 */
@ApplicationScoped
public class ScoresConsumer {

    @Inject
    ConsumedEvents consumed;

    @Inject
    Inbox inbox;

    @Incoming(Topics.SCORES_CHANNEL)
    @Blocking
    public void onScores(String json) {
        consumed.apply(Topics.SCORES, () -> applyScores(json));
    }

    private void applyScores(String json) {
        EventEnvelope event = EventEnvelope.parse(json);
        boolean official = "OfficialResultChanged".equals(event.type());
        if (!official && !"UnitScoreChanged".equals(event.type())) {
            return;
        }
        String unitCode = event.text("unitCode");
        int year = EventEnvelope.integer(event.payload(), "fiscalYear");
        String roundId = official ? UnitScore.officialKey(year) : event.text("roundId");
        Map<String, BigDecimal> indicators = indicators(event.payload().get("indicators"));
        BigDecimal total = decimal(event.payload().get("total"), "total");
        if (!inbox.firstDelivery(event.id(), Topics.SCORES)) {
            return;
        }
        UnitScore score = UnitScore.findById(new UnitScore.Key(unitCode, roundId));
        // An event without its time is taken as the newest rather than refused: ordering is all it is for.
        Instant at = event.occurredAt() != null ? event.occurredAt() : Instant.now();
        var occurredAt = at.atOffset(ZoneOffset.UTC);
        if (score != null && score.occurredAt.isAfter(occurredAt)) {
            // Scores of a round are recomputed often; an older event arriving late changes nothing.
            return;
        }
        if (score == null) {
            score = new UnitScore();
            score.unitCode = unitCode;
            score.roundId = roundId;
        }
        score.fiscalYear = year;
        score.frameworkId = event.optionalText("frameworkId");
        JsonNode frameworkVersion = event.payload().get("frameworkVersion");
        score.frameworkVersion = frameworkVersion == null || !frameworkVersion.canConvertToInt() ? null : frameworkVersion.asInt();
        score.total = total;
        score.rating = event.optionalText("rating");
        JsonNode passed = event.payload().get("passed");
        score.passed = passed == null || passed.isNull() ? null : passed.asBoolean();
        JsonNode provisional = event.payload().get("provisional");
        score.provisional = !official && provisional != null && provisional.asBoolean(false);
        score.official = official;
        score.indicators = indicators;
        score.occurredAt = occurredAt;
        score.persist();
    }

    private static Map<String, BigDecimal> indicators(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new UnreadableEventException("indicators is not an object");
        }
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            result.put(field.getKey(), decimal(field.getValue(), "indicators." + field.getKey()));
        }
        return result;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new UnreadableEventException(field + " is not a number");
        }
        return node.decimalValue().setScale(2, RoundingMode.HALF_UP);
    }
}
