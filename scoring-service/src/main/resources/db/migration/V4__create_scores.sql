-- Every input event scoring applied, exactly as received (already anonymous by contract: no
-- respondent, code or device, the date only), so a unit's figures can be rebuilt from scratch.
CREATE TABLE score_input_event (
    seq          BIGSERIAL    PRIMARY KEY,
    id           UUID         NOT NULL UNIQUE,
    topic        VARCHAR(100) NOT NULL,
    round_id     UUID         NOT NULL,
    unit_code    VARCHAR(32)  NOT NULL,
    payload      JSONB        NOT NULL,
    received_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX score_input_event_unit ON score_input_event (round_id, unit_code, seq);

-- Per unit and round: how many chose each option of each question and the points that earned.
CREATE TABLE answer_tally (
    round_id      UUID         NOT NULL,
    unit_code     VARCHAR(32)  NOT NULL,
    question_code VARCHAR(32)  NOT NULL,
    option_code   VARCHAR(32)  NOT NULL,
    answers       BIGINT       NOT NULL,
    points_sum    NUMERIC(16, 4) NOT NULL,
    PRIMARY KEY (round_id, unit_code, question_code, option_code)
);

CREATE TABLE respondent_tally (
    round_id            UUID        NOT NULL,
    unit_code           VARCHAR(32) NOT NULL,
    instrument          VARCHAR(8)  NOT NULL,
    respondent_category VARCHAR(40) NOT NULL DEFAULT '',
    respondents         BIGINT      NOT NULL,
    PRIMARY KEY (round_id, unit_code, instrument, respondent_category)
);

-- The latest final auditor verdict per OIT item.
CREATE TABLE oit_verdict (
    round_id     UUID        NOT NULL,
    unit_code    VARCHAR(32) NOT NULL,
    item_code    VARCHAR(32) NOT NULL,
    passed       BOOLEAN     NOT NULL,
    reviewed_on  DATE,
    PRIMARY KEY (round_id, unit_code, item_code)
);

-- A unit's computed figures for a round, with the framework version they were computed under.
CREATE TABLE unit_score (
    round_id          UUID         NOT NULL REFERENCES assessment_round (id),
    unit_code         VARCHAR(32)  NOT NULL REFERENCES unit (code),
    fiscal_year       INTEGER      NOT NULL,
    framework_id      VARCHAR(64)  NOT NULL,
    framework_version INTEGER      NOT NULL,
    indicators        JSONB        NOT NULL,
    instruments       JSONB        NOT NULL,
    sheet             JSONB        NOT NULL,
    total             NUMERIC(7, 2) NOT NULL,
    rating            VARCHAR(32)  NOT NULL,
    passed            BOOLEAN      NOT NULL,
    provisional       BOOLEAN      NOT NULL,
    computed_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (round_id, unit_code)
);
CREATE INDEX unit_score_unit_year ON unit_score (unit_code, fiscal_year);
