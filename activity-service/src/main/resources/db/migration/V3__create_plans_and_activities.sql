-- A unit's METTA/PDCA plan for one fiscal year (Buddhist era, e.g. 2566).
CREATE TABLE plan (
    id               UUID         PRIMARY KEY,
    unit_code        VARCHAR(50)  NOT NULL,
    fiscal_year      INTEGER      NOT NULL,
    title            VARCHAR(300) NOT NULL,
    goals            JSONB        NOT NULL DEFAULT '[]',
    -- The score every ITA indicator should reach; an indicator below it is "weak".
    indicator_target NUMERIC(5, 2) NOT NULL DEFAULT 95.00,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (unit_code, fiscal_year)
);

CREATE TABLE kpi (
    id              UUID          PRIMARY KEY,
    plan_id         UUID          NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    position        INTEGER       NOT NULL DEFAULT 0,
    name            VARCHAR(300)  NOT NULL,
    target          NUMERIC(14, 2) NOT NULL,
    unit_of_measure VARCHAR(50)   NOT NULL,
    -- Optional: the ITA indicator this KPI tracks ("TOTAL" for the overall score).
    indicator_code  VARCHAR(20)
);
CREATE INDEX kpi_plan ON kpi (plan_id);

CREATE TABLE kpi_actual (
    id          UUID          PRIMARY KEY,
    kpi_id      UUID          NOT NULL REFERENCES kpi (id) ON DELETE CASCADE,
    recorded_on DATE          NOT NULL,
    value       NUMERIC(14, 2) NOT NULL,
    note        VARCHAR(1000),
    recorded_at TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX kpi_actual_kpi ON kpi_actual (kpi_id, recorded_on);

CREATE TABLE activity (
    id                 UUID          PRIMARY KEY,
    plan_id            UUID          NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    unit_code          VARCHAR(50)   NOT NULL,
    template_code      VARCHAR(50),
    name               VARCHAR(300)  NOT NULL,
    description        TEXT,
    metta_elements     JSONB         NOT NULL DEFAULT '[]',
    pdca_phase         VARCHAR(10)   NOT NULL,
    indicator_codes    JSONB         NOT NULL DEFAULT '[]',
    oit_item_codes     JSONB         NOT NULL DEFAULT '[]',
    honest_traits      JSONB         NOT NULL DEFAULT '[]',
    owner              VARCHAR(200),
    participants_count INTEGER,
    starts_on          DATE,
    ends_on            DATE,
    budget             NUMERIC(14, 2),
    status             VARCHAR(20)   NOT NULL,
    notes              TEXT,
    evidence_links     JSONB         NOT NULL DEFAULT '[]',
    completed_on       DATE,
    created_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX activity_plan ON activity (plan_id);
CREATE INDEX activity_unit ON activity (unit_code);
