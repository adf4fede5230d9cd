-- Read models of scoring-service's compacted topics (ita.units, ita.frameworks, ita.rounds).
-- scoring owns these facts; rows here are replaced whenever a newer event arrives.
CREATE TABLE unit (
    code        VARCHAR(50)  PRIMARY KEY,
    parent_code VARCHAR(50),
    -- "/OBEC/KALASIN2/": root first, own code last; a subtree is path LIKE '/…/CODE/%'.
    path        VARCHAR(500) NOT NULL,
    type        VARCHAR(50),
    name_th     VARCHAR(300) NOT NULL,
    name_en     VARCHAR(300),
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    demo        BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX unit_path ON unit (path varchar_pattern_ops);

CREATE TABLE framework (
    id          VARCHAR(50)  NOT NULL,
    version     INTEGER      NOT NULL,
    fiscal_year INTEGER      NOT NULL,
    name_th     VARCHAR(300),
    name_en     VARCHAR(300),
    PRIMARY KEY (id, version)
);

CREATE TABLE oit_item (
    framework_id       VARCHAR(50)  NOT NULL,
    framework_version  INTEGER      NOT NULL,
    code               VARCHAR(20)  NOT NULL,
    position           INTEGER      NOT NULL,
    indicator_code     VARCHAR(20)  NOT NULL,
    indicator_name_th  VARCHAR(300),
    indicator_name_en  VARCHAR(300),
    sub_indicator_code VARCHAR(20)  NOT NULL,
    sub_indicator_name_th VARCHAR(300),
    sub_indicator_name_en VARCHAR(300),
    title_th           TEXT         NOT NULL,
    title_en           TEXT,
    requirement_th     TEXT,
    requirement_en     TEXT,
    PRIMARY KEY (framework_id, framework_version, code),
    FOREIGN KEY (framework_id, framework_version) REFERENCES framework (id, version)
);

CREATE TABLE assessment_round (
    id                   VARCHAR(80)  PRIMARY KEY,
    name                 VARCHAR(300),
    fiscal_year          INTEGER      NOT NULL,
    framework_id         VARCHAR(50)  NOT NULL,
    framework_version    INTEGER      NOT NULL,
    scope_unit_code      VARCHAR(50)  NOT NULL,
    state                VARCHAR(20)  NOT NULL,
    oit_deadline         TIMESTAMPTZ,
    review_opens_at      TIMESTAMPTZ,
    review_closes_at     TIMESTAMPTZ,
    correction_closes_at TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Which auditor reviews which unit (managed by area-admin within their subtree, or system-admin).
CREATE TABLE auditor_assignment (
    auditor     VARCHAR(100) NOT NULL,
    unit_code   VARCHAR(50)  NOT NULL REFERENCES unit (code),
    assigned_by VARCHAR(100) NOT NULL,
    assigned_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (auditor, unit_code)
);

-- The state of one OIT item of one unit in one round. No row = EMPTY.
CREATE TABLE item_status (
    round_id     VARCHAR(80)  NOT NULL REFERENCES assessment_round (id),
    unit_code    VARCHAR(50)  NOT NULL REFERENCES unit (code),
    item_code    VARCHAR(20)  NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    updated_by   VARCHAR(100) NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    submitted_at TIMESTAMPTZ,
    PRIMARY KEY (round_id, unit_code, item_code)
);

-- Every link or uploaded file is a new, immutable version. Withdrawing only stamps withdrawn_at.
CREATE TABLE evidence (
    id            UUID         PRIMARY KEY,
    round_id      VARCHAR(80)  NOT NULL REFERENCES assessment_round (id),
    unit_code     VARCHAR(50)  NOT NULL REFERENCES unit (code),
    item_code     VARCHAR(20)  NOT NULL,
    version       INTEGER      NOT NULL,
    kind          VARCHAR(10)  NOT NULL CHECK (kind IN ('LINK', 'FILE')),
    url           VARCHAR(2000),
    label         VARCHAR(500),
    original_name VARCHAR(255),
    content_type  VARCHAR(200),
    size_bytes    BIGINT,
    sha256        CHAR(64),
    storage_key   VARCHAR(300),
    created_by    VARCHAR(100) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    -- Set when the item is submitted with this version in it: from then on it is public and kept.
    submitted_at  TIMESTAMPTZ,
    withdrawn_at  TIMESTAMPTZ,
    withdrawn_by  VARCHAR(100),
    demo          BOOLEAN      NOT NULL DEFAULT FALSE,
    UNIQUE (round_id, unit_code, item_code, version)
);
CREATE INDEX evidence_item ON evidence (round_id, unit_code, item_code);

CREATE TABLE review (
    id          UUID         PRIMARY KEY,
    round_id    VARCHAR(80)  NOT NULL REFERENCES assessment_round (id),
    unit_code   VARCHAR(50)  NOT NULL REFERENCES unit (code),
    item_code   VARCHAR(20)  NOT NULL,
    verdict     VARCHAR(10)  NOT NULL CHECK (verdict IN ('PASSED', 'FAILED')),
    comment     TEXT,
    final       BOOLEAN      NOT NULL,
    reviewer    VARCHAR(100) NOT NULL,
    reviewed_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX review_item ON review (round_id, unit_code, item_code, reviewed_at);

-- Append-only: who did what to which item, from which state to which state.
CREATE TABLE audit_entry (
    id          BIGSERIAL    PRIMARY KEY,
    round_id    VARCHAR(80)  NOT NULL,
    unit_code   VARCHAR(50)  NOT NULL,
    item_code   VARCHAR(20),
    actor       VARCHAR(100) NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    from_status VARCHAR(20),
    to_status   VARCHAR(20),
    detail      TEXT,
    at          TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX audit_entry_unit ON audit_entry (unit_code, round_id, at);

-- The database itself refuses to rewrite history, whoever asks.
CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();

-- The public disclosure of a unit for a round, frozen when the round's review closes.
CREATE TABLE public_snapshot (
    round_id    VARCHAR(80)  NOT NULL REFERENCES assessment_round (id),
    unit_code   VARCHAR(50)  NOT NULL REFERENCES unit (code),
    frozen_at   TIMESTAMPTZ  NOT NULL,
    document    JSONB        NOT NULL,
    PRIMARY KEY (round_id, unit_code)
);
