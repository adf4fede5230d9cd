-- Framework documents: one per fiscal year and edition, kept whole as data. A version is never
-- changed once a round uses it; results keep the version they were computed with.
CREATE TABLE framework (
    id           VARCHAR(64)  NOT NULL,
    version      INTEGER      NOT NULL CHECK (version >= 1),
    fiscal_year  INTEGER      NOT NULL,
    document     JSONB        NOT NULL,
    -- SHA-256 of the document as stored, so loading the same file again is recognised as no change.
    checksum     CHAR(64)     NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (id, version)
);

CREATE INDEX framework_fiscal_year ON framework (fiscal_year);

-- An assessment round: one fiscal year under one framework version, for a unit and everything below it.
CREATE TABLE assessment_round (
    id                    UUID         PRIMARY KEY,
    name                  TEXT         NOT NULL,
    fiscal_year           INTEGER      NOT NULL,
    framework_id          VARCHAR(64)  NOT NULL,
    framework_version     INTEGER      NOT NULL,
    scope_unit_code       VARCHAR(32)  NOT NULL REFERENCES unit (code),
    state                 VARCHAR(16)  NOT NULL DEFAULT 'DRAFT',
    survey_opens_at       TIMESTAMPTZ,
    survey_closes_at      TIMESTAMPTZ,
    oit_deadline          TIMESTAMPTZ,
    review_opens_at       TIMESTAMPTZ,
    review_closes_at      TIMESTAMPTZ,
    correction_closes_at  TIMESTAMPTZ,
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    FOREIGN KEY (framework_id, framework_version) REFERENCES framework (id, version),
    CONSTRAINT round_state_known CHECK (state IN ('DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED'))
);

CREATE INDEX assessment_round_framework ON assessment_round (framework_id, framework_version);
CREATE INDEX assessment_round_scope ON assessment_round (scope_unit_code);
