-- An office's own surveys (e.g. satisfaction with its work areas): built and published by its
-- unit-admin, answered anonymously through a public link, under the same rules as EIT responses.

-- The questions are one JSON document: they change only together, and only while DRAFT.
CREATE TABLE own_survey (
    id             UUID         PRIMARY KEY,
    unit_code      VARCHAR(50)  NOT NULL,
    public_token   VARCHAR(40)  NOT NULL UNIQUE,
    title_th       VARCHAR(300) NOT NULL,
    title_en       VARCHAR(300),
    intro_th       VARCHAR(2000),
    intro_en       VARCHAR(2000),
    questions      JSONB        NOT NULL,
    state          VARCHAR(10)  NOT NULL CHECK (state IN ('DRAFT', 'OPEN', 'CLOSED')),
    results_public BOOLEAN      NOT NULL DEFAULT FALSE,
    created_on     DATE         NOT NULL,
    created_by     VARCHAR(200) NOT NULL
);

CREATE INDEX own_survey_by_unit ON own_survey (unit_code);

-- A response: random id, the answers and the date only (no address, identity or time of day).
CREATE TABLE own_survey_response (
    id           UUID  PRIMARY KEY,
    survey_id    UUID  NOT NULL REFERENCES own_survey (id),
    answers      JSONB NOT NULL,
    submitted_on DATE  NOT NULL
);

CREATE INDEX own_survey_response_by_survey ON own_survey_response (survey_id);

-- Keyed hashes of accepted submission ids, so a retry is counted once; no link to the response.
CREATE TABLE own_submission_seen (
    submission_hash BYTEA PRIMARY KEY,
    seen_on         DATE  NOT NULL
);
