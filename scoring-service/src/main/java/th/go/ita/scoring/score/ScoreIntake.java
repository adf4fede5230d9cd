package th.go.ita.scoring.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import th.go.ita.scoring.round.AssessmentRound;
import th.go.ita.scoring.unit.Unit;

import java.util.UUID;

/**
 * Applies one event from {@code survey.responses} or {@code oit.reviews}: once per envelope id
 * (processed_event), kept raw for rebuilds, folded into the aggregates, and the unit rescored, all
 * in one transaction. Unknown fields are ignored; an event that cannot be read throws
 * {@link UnreadableEventException} and changes nothing.
 */
@ApplicationScoped
public class ScoreIntake {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    ScoreInputs inputs;

    @Inject
    UnitScores scores;

    /** @return false when the event had already been applied */
    @Transactional
    public boolean accept(String topic, String value) {
        JsonNode envelope;
        UUID id;
        try {
            envelope = mapper.readTree(value);
            id = UUID.fromString(envelope.path("id").asText());
        } catch (Exception e) {
            throw new UnreadableEventException("not an event envelope", e);
        }
        JsonNode payload = envelope.path("payload");
        if (!payload.isObject()) {
            throw new UnreadableEventException("payload missing");
        }
        String expected = ScoreInputs.RESPONSES.equals(topic) ? "ResponseSubmitted" : "OitItemReviewed";
        int fresh = em.createNativeQuery("INSERT INTO processed_event (id, topic) VALUES (:id, :topic) ON CONFLICT DO NOTHING")
                .setParameter("id", id).setParameter("topic", topic).executeUpdate();
        if (fresh == 0) {
            return false;
        }
        if (!expected.equals(envelope.path("type").asText())) {
            return true; // another type on the topic is not scoring's business
        }
        UUID roundId;
        try {
            roundId = UUID.fromString(payload.path("roundId").asText(envelope.path("roundId").asText()));
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("roundId missing", e);
        }
        String unitCode = payload.path("unitCode").asText(envelope.path("unitCode").asText());
        AssessmentRound round = AssessmentRound.findById(roundId);
        if (round == null) {
            throw new UnreadableEventException("unknown round " + roundId);
        }
        Unit unit = Unit.findById(unitCode);
        Unit scope = Unit.findById(round.scopeUnitCode);
        if (unit == null || !unit.isWithin(scope)) {
            throw new UnreadableEventException("unit " + unitCode + " is not in round " + roundId);
        }
        em.createNativeQuery("""
                INSERT INTO score_input_event (id, topic, round_id, unit_code, payload)
                VALUES (:id, :topic, :round, :unit, CAST(:payload AS jsonb))
                """)
                .setParameter("id", id).setParameter("topic", topic).setParameter("round", roundId)
                .setParameter("unit", unitCode).setParameter("payload", payload.toString()).executeUpdate();
        inputs.apply(topic, round, unitCode, payload);
        scores.recompute(round, unitCode);
        return true;
    }
}
