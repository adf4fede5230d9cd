-- Read models of scoring-service's topics: this service never reads scoring's database.

-- ita.units: the office tree, so unit scope (own unit, an area's subtree) is decided locally.
CREATE TABLE unit_ref (
    code        VARCHAR(50)  PRIMARY KEY,
    parent_code VARCHAR(50),
    path        VARCHAR(500) NOT NULL,
    type        VARCHAR(50),
    name_th     VARCHAR(300),
    name_en     VARCHAR(300),
    staff_count INTEGER      NOT NULL DEFAULT 0,
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    demo        BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX unit_ref_path ON unit_ref (path varchar_pattern_ops);

-- scores.changed: the latest scores of a unit in a round (a newer event replaces an older one).
CREATE TABLE unit_score (
    unit_code     VARCHAR(50)  NOT NULL,
    round_id      VARCHAR(100) NOT NULL,
    fiscal_year   INTEGER      NOT NULL,
    framework_id  VARCHAR(100),
    total         NUMERIC(7, 2),
    rating        VARCHAR(20),
    passed        BOOLEAN,
    provisional   BOOLEAN      NOT NULL DEFAULT FALSE,
    indicators    JSONB        NOT NULL DEFAULT '{}',
    occurred_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (unit_code, round_id)
);
CREATE INDEX unit_score_unit_year ON unit_score (unit_code, fiscal_year);
