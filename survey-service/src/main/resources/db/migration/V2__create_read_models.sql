-- Read models of scoring-service's compacted topics (ita.units, ita.frameworks, ita.rounds).
-- scoring owns these facts; this service keeps the latest copy it has seen, so it can render
-- questionnaires and check scopes without calling scoring at answer time.

CREATE TABLE unit (
    code               VARCHAR(50)  PRIMARY KEY,
    parent_code        VARCHAR(50),
    -- '/OBEC/KALASIN2/': root first, own code last, so a subtree is "path LIKE '/…/KALASIN2/%'".
    path               VARCHAR(1000) NOT NULL,
    type               VARCHAR(50),
    name_th            VARCHAR(300) NOT NULL,
    name_en            VARCHAR(300),
    staff_count        INTEGER      NOT NULL DEFAULT 0,
    service_population INTEGER      NOT NULL DEFAULT 0,
    active             BOOLEAN      NOT NULL DEFAULT TRUE,
    demo               BOOLEAN      NOT NULL DEFAULT FALSE
);

CREATE INDEX unit_path ON unit (path varchar_pattern_ops);

CREATE TABLE framework (
    id       VARCHAR(50) NOT NULL,
    version  INTEGER     NOT NULL,
    document JSONB       NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE round (
    id                VARCHAR(100) PRIMARY KEY,
    name              VARCHAR(300),
    fiscal_year       INTEGER,
    framework_id      VARCHAR(50)  NOT NULL,
    framework_version INTEGER      NOT NULL,
    scope_unit_code   VARCHAR(50)  NOT NULL,
    state             VARCHAR(20)  NOT NULL,
    survey_opens_at   TIMESTAMPTZ,
    survey_closes_at  TIMESTAMPTZ
);
