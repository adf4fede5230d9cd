package th.go.ita.evidence.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import th.go.ita.platform.outbox.EventEnvelope;
import th.go.ita.platform.outbox.Inbox;
import th.go.ita.platform.outbox.UnreadableEventException;

import java.time.Instant;
import java.util.Set;

import static th.go.ita.evidence.access.Rows.ts;
import static th.go.ita.platform.outbox.EventEnvelope.integer;
import static th.go.ita.platform.outbox.EventEnvelope.optionalInstant;
import static th.go.ita.platform.outbox.EventEnvelope.optionalText;
import static th.go.ita.platform.outbox.EventEnvelope.text;

/** Applies scoring's events to the local tables, each event once (the platform's {@link Inbox}). */
@ApplicationScoped
public class ReadModelUpdater {

    private static final Set<String> ROUND_STATES = Set.of("DRAFT", "OPEN", "CLOSED", "PUBLISHED");

    @Inject
    EntityManager em;

    @Inject
    Inbox inbox;

    @Transactional
    public void applyUnit(EventEnvelope event) {
        JsonNode p = event.payload();
        String code = text(p, "code");
        String path = text(p, "path");
        if (!path.startsWith("/") || !path.endsWith("/" + code + "/")) {
            throw new UnreadableEventException("path " + path + " does not end with the unit's code");
        }
        if (!inbox.firstDelivery(event.id(), "ita.units")) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO unit (code, parent_code, path, type, name_th, name_en, active, demo, updated_at)
                VALUES (:code, :parent, :path, :type, :nameTh, :nameEn, :active, :demo, now())
                ON CONFLICT (code) DO UPDATE SET parent_code = EXCLUDED.parent_code, path = EXCLUDED.path,
                    type = EXCLUDED.type, name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en,
                    active = EXCLUDED.active, demo = EXCLUDED.demo, updated_at = now()
                """)
                .setParameter("code", code)
                .setParameter("parent", optionalText(p, "parentCode"))
                .setParameter("path", path)
                .setParameter("type", optionalText(p, "type"))
                .setParameter("nameTh", text(p, "nameTh"))
                .setParameter("nameEn", optionalText(p, "nameEn"))
                .setParameter("active", !p.has("active") || p.get("active").asBoolean(true))
                .setParameter("demo", p.path("demo").asBoolean(false))
                .executeUpdate();
    }

    @Transactional
    public void applyFramework(EventEnvelope event) {
        JsonNode p = event.payload();
        String id = text(p, "id");
        int version = integer(p, "version");
        int fiscalYear = integer(p, "fiscalYear");
        JsonNode oit = null;
        for (JsonNode instrument : p.path("instruments")) {
            if ("OIT".equals(instrument.path("code").asText())) {
                oit = instrument;
            }
        }
        if (oit == null) {
            throw new UnreadableEventException("framework " + id + " has no OIT instrument");
        }
        if (!inbox.firstDelivery(event.id(), "ita.frameworks")) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO framework (id, version, fiscal_year, name_th, name_en)
                VALUES (:id, :version, :fy, :th, :en)
                ON CONFLICT (id, version) DO UPDATE SET fiscal_year = EXCLUDED.fiscal_year,
                    name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en
                """)
                .setParameter("id", id).setParameter("version", version).setParameter("fy", fiscalYear)
                .setParameter("th", optionalText(p.path("name"), "th"))
                .setParameter("en", optionalText(p.path("name"), "en"))
                .executeUpdate();
        // A published framework version is immutable, but a replay must still leave one copy.
        em.createNativeQuery("DELETE FROM oit_item WHERE framework_id = :id AND framework_version = :version")
                .setParameter("id", id).setParameter("version", version).executeUpdate();
        int position = 0;
        for (JsonNode indicator : oit.path("indicators")) {
            for (JsonNode sub : indicator.path("subIndicators")) {
                for (JsonNode item : sub.path("items")) {
                    em.createNativeQuery("""
                            INSERT INTO oit_item (framework_id, framework_version, code, position,
                                indicator_code, indicator_name_th, indicator_name_en,
                                sub_indicator_code, sub_indicator_name_th, sub_indicator_name_en,
                                title_th, title_en, requirement_th, requirement_en)
                            VALUES (:id, :version, :code, :position, :ind, :indTh, :indEn, :sub, :subTh, :subEn,
                                :titleTh, :titleEn, :reqTh, :reqEn)
                            """)
                            .setParameter("id", id).setParameter("version", version)
                            .setParameter("code", text(item, "code"))
                            .setParameter("position", ++position)
                            .setParameter("ind", text(indicator, "code"))
                            .setParameter("indTh", optionalText(indicator.path("name"), "th"))
                            .setParameter("indEn", optionalText(indicator.path("name"), "en"))
                            .setParameter("sub", text(sub, "code"))
                            .setParameter("subTh", optionalText(sub.path("name"), "th"))
                            .setParameter("subEn", optionalText(sub.path("name"), "en"))
                            .setParameter("titleTh", text(item.path("title"), "th"))
                            .setParameter("titleEn", optionalText(item.path("title"), "en"))
                            .setParameter("reqTh", optionalText(item.path("requirement"), "th"))
                            .setParameter("reqEn", optionalText(item.path("requirement"), "en"))
                            .executeUpdate();
                }
            }
        }
    }

    @Transactional
    public void applyRound(EventEnvelope event) {
        JsonNode p = event.payload();
        String id = text(p, "id");
        String state = text(p, "state");
        if (!ROUND_STATES.contains(state)) {
            throw new UnreadableEventException("unknown round state " + state);
        }
        int fiscalYear = integer(p, "fiscalYear");
        String frameworkId = text(p, "frameworkId");
        int frameworkVersion = integer(p, "frameworkVersion");
        String scope = text(p, "scopeUnitCode");
        Instant oitDeadline = optionalInstant(p, "oitDeadline");
        Instant reviewOpens = optionalInstant(p, "reviewOpensAt");
        Instant reviewCloses = optionalInstant(p, "reviewClosesAt");
        Instant correctionCloses = optionalInstant(p, "correctionClosesAt");
        if (!inbox.firstDelivery(event.id(), "ita.rounds")) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO assessment_round (id, name, fiscal_year, framework_id, framework_version,
                    scope_unit_code, state, oit_deadline, review_opens_at, review_closes_at,
                    correction_closes_at, updated_at)
                VALUES (:id, :name, :fy, :fw, :fwv, :scope, :state, :deadline, :ro, :rc, :cc, now())
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, fiscal_year = EXCLUDED.fiscal_year,
                    framework_id = EXCLUDED.framework_id, framework_version = EXCLUDED.framework_version,
                    scope_unit_code = EXCLUDED.scope_unit_code, state = EXCLUDED.state,
                    oit_deadline = EXCLUDED.oit_deadline, review_opens_at = EXCLUDED.review_opens_at,
                    review_closes_at = EXCLUDED.review_closes_at,
                    correction_closes_at = EXCLUDED.correction_closes_at, updated_at = now()
                """)
                .setParameter("id", id)
                .setParameter("name", optionalText(p, "name"))
                .setParameter("fy", fiscalYear)
                .setParameter("fw", frameworkId)
                .setParameter("fwv", frameworkVersion)
                .setParameter("scope", scope)
                .setParameter("state", state)
                .setParameter("deadline", ts(oitDeadline))
                .setParameter("ro", ts(reviewOpens))
                .setParameter("rc", ts(reviewCloses))
                .setParameter("cc", ts(correctionCloses))
                .executeUpdate();
    }
}
