-- Official results now reach activity-service on scores.changed (OfficialResultChanged), so its PDCA
-- loop follows them rather than a partial computed sheet. Results stored before are announced once
-- here, through the outbox like every other event (same envelope as th.go.ita.platform.outbox.Outbox).
INSERT INTO outbox_event (id, topic, event_key, type, payload, occurred_at)
SELECT o.id, 'scores.changed', o.unit_code, 'OfficialResultChanged',
       jsonb_build_object(
           'id', o.id::text, 'type', 'OfficialResultChanged', 'version', 1,
           'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
           'unitCode', o.unit_code, 'roundId', NULL,
           'payload', jsonb_build_object(
               'unitCode', o.unit_code, 'fiscalYear', o.fiscal_year, 'frameworkId', o.framework_id,
               'frameworkVersion', o.framework_version, 'total', o.total, 'rating', o.rating, 'passed', o.passed,
               'source', o.source, 'instruments', o.instruments, 'indicators', o.indicators)),
       now()
FROM (SELECT gen_random_uuid() AS id, r.* FROM official_result r) o;
