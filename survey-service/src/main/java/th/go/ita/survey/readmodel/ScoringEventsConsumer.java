package th.go.ita.survey.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import th.go.ita.platform.outbox.ConsumedEvents;
import th.go.ita.platform.outbox.EventEnvelope;
import th.go.ita.platform.outbox.Inbox;
import th.go.ita.platform.outbox.UnreadableEventException;
import th.go.ita.survey.questionnaire.FrameworkCatalog;

import java.time.Instant;

/**
 * Keeps the local copies of scoring-service's units, frameworks and rounds. Each event is applied
 * once (inbox) in one transaction; an event that cannot be read throws, and the channel's
 * dead-letter strategy moves it to {@code <topic>.dlq.survey} instead of stopping the stream.
 */
@ApplicationScoped
public class ScoringEventsConsumer {

    @Inject
    ConsumedEvents consumed;

    public static final String UNITS = "units";
    public static final String FRAMEWORKS = "frameworks";
    public static final String ROUNDS = "rounds";

    @Inject
    EntityManager em;

    @Inject
    Inbox inbox;

    @Inject
    FrameworkCatalog frameworks;

    @Incoming(UNITS)
    @Blocking
    public void onUnit(String message) {
        consumed.apply("ita.units", () -> applyUnit(message));
    }

    private void applyUnit(String message) {
        EventEnvelope event = EventEnvelope.parse(message, "UnitUpserted");
        JsonNode p = event.payload();
        String code = EventEnvelope.text(p, "code");
        String path = EventEnvelope.text(p, "path");
        String nameTh = EventEnvelope.text(p, "nameTh");
        if (!path.startsWith("/") || !path.endsWith("/" + code + "/")) {
            throw new UnreadableEventException("path does not end with the unit's code");
        }
        if (!inbox.firstDelivery(event.id(), "ita.units")) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO unit (code, parent_code, path, type, name_th, name_en, staff_count, service_population, active, demo)
                VALUES (:code, CAST(:parent AS VARCHAR), :path, CAST(:type AS VARCHAR), :nameTh, CAST(:nameEn AS VARCHAR), :staff, :population, :active, :demo)
                ON CONFLICT (code) DO UPDATE SET parent_code = EXCLUDED.parent_code, path = EXCLUDED.path,
                    type = EXCLUDED.type, name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en,
                    staff_count = EXCLUDED.staff_count, service_population = EXCLUDED.service_population,
                    active = EXCLUDED.active, demo = EXCLUDED.demo
                """)
                .setParameter("code", code)
                .setParameter("parent", EventEnvelope.optionalText(p, "parentCode"))
                .setParameter("path", path)
                .setParameter("type", EventEnvelope.optionalText(p, "type"))
                .setParameter("nameTh", nameTh)
                .setParameter("nameEn", EventEnvelope.optionalText(p, "nameEn"))
                .setParameter("staff", p.path("staffCount").asInt(0))
                .setParameter("population", p.path("servicePopulation").asInt(0))
                .setParameter("active", p.path("active").asBoolean(true))
                .setParameter("demo", p.path("demo").asBoolean(false))
                .executeUpdate();
    }

    @Incoming(FRAMEWORKS)
    @Blocking
    public void onFramework(String message) {
        consumed.apply("ita.frameworks", () -> applyFramework(message));
    }

    private void applyFramework(String message) {
        EventEnvelope event = EventEnvelope.parse(message, "FrameworkPublished");
        JsonNode doc = event.payload();
        String id = EventEnvelope.text(doc, "id");
        if (!doc.path("version").canConvertToInt() || !doc.path("instruments").isArray()) {
            throw new UnreadableEventException("framework without version or instruments");
        }
        if (!inbox.firstDelivery(event.id(), "ita.frameworks")) {
            return;
        }
        // A version is immutable once published: a repeat of the same id@version keeps the first.
        em.createNativeQuery("""
                INSERT INTO framework (id, version, document) VALUES (:id, :version, CAST(:doc AS jsonb))
                ON CONFLICT (id, version) DO NOTHING
                """)
                .setParameter("id", id)
                .setParameter("version", doc.get("version").asInt())
                .setParameter("doc", doc.toString())
                .executeUpdate();
        frameworks.forget(id, doc.get("version").asInt());
    }

    @Incoming(ROUNDS)
    @Blocking
    public void onRound(String message) {
        consumed.apply("ita.rounds", () -> applyRound(message));
    }

    private void applyRound(String message) {
        EventEnvelope event = EventEnvelope.parse(message, "RoundUpserted");
        JsonNode p = event.payload();
        String id = EventEnvelope.text(p, "id");
        String state = EventEnvelope.text(p, "state");
        if (!state.matches("DRAFT|OPEN|CLOSED|PUBLISHED")) {
            throw new UnreadableEventException("unknown round state");
        }
        if (!p.path("frameworkVersion").canConvertToInt()) {
            throw new UnreadableEventException("no framework version");
        }
        String opens = instant(p, "surveyOpensAt");
        String closes = instant(p, "surveyClosesAt");
        if (!inbox.firstDelivery(event.id(), "ita.rounds")) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO round (id, name, fiscal_year, framework_id, framework_version, scope_unit_code, state,
                                   survey_opens_at, survey_closes_at)
                VALUES (:id, CAST(:name AS VARCHAR), CAST(:fy AS INTEGER), :fwId, :fwVersion, :scope, :state,
                        CAST(:opens AS TIMESTAMPTZ), CAST(:closes AS TIMESTAMPTZ))
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, fiscal_year = EXCLUDED.fiscal_year,
                    framework_id = EXCLUDED.framework_id, framework_version = EXCLUDED.framework_version,
                    scope_unit_code = EXCLUDED.scope_unit_code, state = EXCLUDED.state,
                    survey_opens_at = EXCLUDED.survey_opens_at, survey_closes_at = EXCLUDED.survey_closes_at
                """)
                .setParameter("id", id)
                .setParameter("name", EventEnvelope.optionalText(p, "name"))
                .setParameter("fy", p.path("fiscalYear").canConvertToInt() ? String.valueOf(p.get("fiscalYear").asInt()) : null)
                .setParameter("fwId", EventEnvelope.text(p, "frameworkId"))
                .setParameter("fwVersion", p.get("frameworkVersion").asInt())
                .setParameter("scope", EventEnvelope.text(p, "scopeUnitCode"))
                .setParameter("state", state)
                .setParameter("opens", opens)
                .setParameter("closes", closes)
                .executeUpdate();
    }

    /** The instant as ISO text (null when absent), checked here so a bad one goes to the DLQ. */
    private static String instant(JsonNode node, String field) {
        Instant at = EventEnvelope.optionalInstant(node, field);
        return at == null ? null : at.toString();
    }
}
