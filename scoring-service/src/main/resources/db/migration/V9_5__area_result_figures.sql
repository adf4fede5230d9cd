-- The national dashboard must not pick and sum 30,000 units' results on every request (issue 18).
-- Two tables, kept current by triggers on every write that can change a result, whoever makes it
-- (a scoring step, an official entry or import, a round opened or published, a unit deactivated or moved):
--   unit_result_current: each unit's result of record for a year, UnitResults' rule (official, else a
--     published round's complete sheet, else a running round's sheet marked provisional);
--   area_child_figures: per parent and year, the figures of its active children's results (counts,
--     ratings, frameworks, indicator sums). An area's dashboard adds up the rows of the parents in its
--     subtree (31 for a 30,000-unit tree of 30 areas) instead of its units.
-- A change marks the parent in area_figures_stale; the figures of stale parents are recomputed (from
-- unit_result_current, a parent's children only) by the next dashboard that needs them, so an import of
-- 30,000 results recomputes each parent once, not once per line.

CREATE TABLE unit_result_current (
    unit_code   VARCHAR(32)   NOT NULL REFERENCES unit (code),
    fiscal_year INTEGER       NOT NULL,
    total       NUMERIC(7, 2),
    rating      VARCHAR(32),
    passed      BOOLEAN,
    provisional BOOLEAN       NOT NULL,
    source      VARCHAR(16)   NOT NULL,
    indicators  JSONB,
    fw          TEXT,
    PRIMARY KEY (unit_code, fiscal_year)
);

CREATE TABLE area_child_figures (
    parent_code VARCHAR(32)   NOT NULL,
    fiscal_year INTEGER       NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    key         TEXT          NOT NULL,
    n           BIGINT        NOT NULL,
    amount      NUMERIC,
    PRIMARY KEY (parent_code, fiscal_year, kind, key)
);

CREATE TABLE area_figures_stale (
    parent_code VARCHAR(32)   NOT NULL,
    fiscal_year INTEGER       NOT NULL,
    PRIMARY KEY (parent_code, fiscal_year)
);

-- The same choice as UnitResults.SHEET_CANDIDATE and SHEET_ORDER (and AreaDashboard before this
-- migration), for one unit and year.
CREATE FUNCTION ita_refresh_unit_result(p_unit VARCHAR, p_year INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM unit_result_current WHERE unit_code = p_unit AND fiscal_year = p_year;
    INSERT INTO unit_result_current (unit_code, fiscal_year, total, rating, passed, provisional, source, indicators, fw)
    SELECT p_unit, p_year, COALESCE(o.total, s.total), COALESCE(o.rating, s.rating), COALESCE(o.passed, s.passed),
           (o.unit_code IS NULL AND s.state IS NOT NULL AND s.state <> 'PUBLISHED'),
           CASE WHEN o.unit_code IS NOT NULL THEN 'OFFICIAL' WHEN s.state = 'PUBLISHED' THEN 'COMPUTED' ELSE 'PROVISIONAL' END,
           COALESCE(NULLIF(o.indicators, '{}'::jsonb), s.indicators),
           COALESCE(o.framework_id, s.framework_id) || '@' || COALESCE(o.framework_version, s.framework_version)
    FROM (SELECT 1) one
    LEFT JOIN official_result o ON o.unit_code = p_unit AND o.fiscal_year = p_year
    LEFT JOIN LATERAL (SELECT x.*, r.state FROM unit_score x JOIN assessment_round r ON r.id = x.round_id
                       WHERE x.unit_code = p_unit AND x.fiscal_year = p_year
                         AND ((r.state = 'PUBLISHED' AND NOT x.provisional) OR r.state IN ('OPEN', 'CLOSED'))
                       ORDER BY (r.state = 'PUBLISHED') DESC, r.updated_at DESC, x.computed_at DESC
                       LIMIT 1) s ON o.unit_code IS NULL
    WHERE o.unit_code IS NOT NULL OR s.unit_code IS NOT NULL;
    INSERT INTO area_figures_stale (parent_code, fiscal_year)
    SELECT parent_code, p_year FROM unit WHERE code = p_unit AND parent_code IS NOT NULL
    ON CONFLICT DO NOTHING;
END $$;

-- A parent's figures from its active children's results: the rows AreaDashboard adds up.
CREATE FUNCTION ita_refresh_area_figures(p_parent VARCHAR, p_year INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM area_child_figures WHERE parent_code = p_parent AND fiscal_year = p_year;
    INSERT INTO area_child_figures (parent_code, fiscal_year, kind, key, n, amount)
    WITH c AS MATERIALIZED (
        SELECT r.*, (r.total IS NOT NULL AND NOT r.provisional) AS counted
        FROM unit u JOIN unit_result_current r ON r.unit_code = u.code AND r.fiscal_year = p_year
        WHERE u.parent_code = p_parent AND u.active)
    SELECT p_parent, p_year, 'counted', '', count(*), CAST(NULL AS numeric) FROM c WHERE counted
    UNION ALL SELECT p_parent, p_year, 'provisional', '', count(*), NULL FROM c WHERE provisional
    UNION ALL SELECT p_parent, p_year, 'passed', '', count(*), NULL FROM c WHERE counted AND passed
    UNION ALL SELECT p_parent, p_year, 'fw', fw, count(*), NULL FROM c WHERE fw IS NOT NULL AND NOT provisional GROUP BY fw
    UNION ALL SELECT p_parent, p_year, 'rating', rating, count(*), max(total) FROM c
              WHERE counted AND rating IS NOT NULL GROUP BY rating
    UNION ALL SELECT p_parent, p_year, 'indicator', e.key, count(e.value), sum(CAST(e.value AS numeric))
              FROM c, jsonb_each_text(c.indicators) e WHERE counted GROUP BY e.key;
END $$;

CREATE FUNCTION ita_result_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM ita_refresh_unit_result(OLD.unit_code, OLD.fiscal_year);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR OLD.unit_code <> NEW.unit_code OR OLD.fiscal_year <> NEW.fiscal_year) THEN
        PERFORM ita_refresh_unit_result(NEW.unit_code, NEW.fiscal_year);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER official_result_changed AFTER INSERT OR UPDATE OR DELETE ON official_result
    FOR EACH ROW EXECUTE FUNCTION ita_result_changed();
CREATE TRIGGER unit_score_changed AFTER INSERT OR UPDATE OR DELETE ON unit_score
    FOR EACH ROW EXECUTE FUNCTION ita_result_changed();

-- A round opened, closed or published (or touched: the latest round wins) changes which sheet stands.
CREATE FUNCTION ita_round_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ita_refresh_unit_result(s.unit_code, s.fiscal_year) FROM unit_score s WHERE s.round_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER assessment_round_changed AFTER UPDATE ON assessment_round
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.updated_at IS DISTINCT FROM NEW.updated_at)
    EXECUTE FUNCTION ita_round_changed();

-- A unit deactivated, activated or moved leaves or joins its parents' figures.
CREATE FUNCTION ita_unit_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO area_figures_stale (parent_code, fiscal_year)
    SELECT p.code, r.fiscal_year FROM unit_result_current r,
         (SELECT OLD.parent_code AS code UNION SELECT NEW.parent_code) p
    WHERE r.unit_code = NEW.code AND p.code IS NOT NULL
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER unit_changed AFTER UPDATE ON unit
    FOR EACH ROW WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.parent_code IS DISTINCT FROM NEW.parent_code)
    EXECUTE FUNCTION ita_unit_changed();

-- What is stored already.
SELECT ita_refresh_unit_result(k.unit_code, k.fiscal_year)
FROM (SELECT unit_code, fiscal_year FROM official_result UNION SELECT unit_code, fiscal_year FROM unit_score) k;
