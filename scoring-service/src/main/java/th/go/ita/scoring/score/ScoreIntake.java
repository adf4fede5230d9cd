package th.go.ita.scoring.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import th.go.ita.platform.outbox.EventEnvelope;
import th.go.ita.platform.outbox.Inbox;
import th.go.ita.platform.outbox.UnreadableEventException;
import th.go.ita.scoring.round.AssessmentRound;
import th.go.ita.scoring.unit.Unit;

import java.util.Objects;
import java.util.UUID;

/**
 * Applies one event from {@code survey.responses} (a step of released responses, or one response
 * of before the upgrade) or {@code oit.reviews}: once per envelope id
 * ({@link Inbox}), kept raw for rebuilds, folded into the aggregates, and the unit rescored, all
 * in one transaction. Unknown fields are ignored; an event that cannot be read throws
 * {@link UnreadableEventException} and changes nothing.
 */
@ApplicationScoped
public class ScoreIntake {

    @Inject
    EntityManager em;

    @Inject
    Inbox inbox;

    @Inject
    ScoreInputs inputs;

    @Inject
    UnitScores scores;

    /** @return false when the event had already been applied */
    @Transactional
    public boolean accept(String topic, String value) {
        EventEnvelope envelope = EventEnvelope.parse(value);
        JsonNode payload = envelope.payload();
        if (!ScoreInputs.RESPONSES.equals(topic) ? !"OitItemReviewed".equals(envelope.type())
                : !ScoreInputs.RELEASED.equals(envelope.type()) && !ScoreInputs.ONE_RESPONSE.equals(envelope.type())) {
            return true; // another type on the topic is not scoring's business
        }
        UUID roundId;
        try {
            roundId = UUID.fromString(payload.path("roundId").asText(Objects.requireNonNullElse(envelope.roundId(), "")));
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("roundId missing", e);
        }
        String unitCode = payload.path("unitCode").asText(Objects.requireNonNullElse(envelope.unitCode(), ""));
        AssessmentRound round = AssessmentRound.findById(roundId);
        if (round == null) {
            throw new UnreadableEventException("unknown round " + roundId);
        }
        Unit unit = Unit.findById(unitCode);
        Unit scope = Unit.findById(round.scopeUnitCode);
        if (unit == null || !unit.isWithin(scope)) {
            throw new UnreadableEventException("unit " + unitCode + " is not in round " + roundId);
        }
        scores.lock(roundId, unitCode);
        if (!inbox.firstDelivery(envelope.id(), topic)) {
            return false;
        }
        // Kept for rebuilds, but of responses nothing that orders or identifies one (README, threat
        // model): no response id (an old ResponseSubmitted still has one), no time, no sequence.
        // A review keeps its time, so a rebuild replays a unit's verdicts in the order given.
        boolean responses = ScoreInputs.RESPONSES.equals(topic);
        if (responses && payload instanceof ObjectNode fields) {
            fields.remove("responseId");
        }
        em.createNativeQuery("""
                INSERT INTO score_input_event (id, topic, round_id, unit_code, payload, reviewed_at)
                VALUES (:id, :topic, :round, :unit, CAST(:payload AS jsonb), CAST(:at AS timestamptz))
                """)
                .setParameter("id", envelope.id()).setParameter("topic", topic).setParameter("round", roundId)
                .setParameter("unit", unitCode).setParameter("payload", payload.toString())
                .setParameter("at", responses || envelope.occurredAt() == null ? null : envelope.occurredAt().toString()).executeUpdate();
        inputs.apply(topic, round, unitCode, payload);
        scores.recompute(round, unitCode);
        return true;
    }
}
