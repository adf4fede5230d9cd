-- IIT access codes and anonymous responses. The tables are designed so that nothing stored can
-- link a response to the code (or person) that submitted it; see README "Threat model".

-- Who generated how many codes and when (the codes themselves are never stored in clear).
CREATE TABLE access_code_batch (
    id         UUID         PRIMARY KEY,
    round_id   VARCHAR(100) NOT NULL,
    unit_code  VARCHAR(50)  NOT NULL,
    size       INTEGER      NOT NULL,
    created_on DATE         NOT NULL,
    created_by VARCHAR(200) NOT NULL
);

-- A code is only its keyed hash (HMAC-SHA256 with a server secret). "used" is a bare flag: no
-- time, no response id, so it cannot be matched to the response it allowed.
CREATE TABLE access_code (
    code_hash BYTEA        PRIMARY KEY,
    batch_id  UUID         NOT NULL REFERENCES access_code_batch (id),
    round_id  VARCHAR(100) NOT NULL,
    unit_code VARCHAR(50)  NOT NULL,
    used      BOOLEAN      NOT NULL DEFAULT FALSE,
    void      BOOLEAN      NOT NULL DEFAULT FALSE
);

CREATE INDEX access_code_by_batch ON access_code (batch_id);
CREATE INDEX access_code_by_round_unit ON access_code (round_id, unit_code);

-- A response: random id (no sequence, so ids say nothing about order), the date only.
CREATE TABLE survey_response (
    id                  UUID         PRIMARY KEY,
    round_id            VARCHAR(100) NOT NULL,
    unit_code           VARCHAR(50)  NOT NULL,
    instrument          VARCHAR(3)   NOT NULL,
    framework_id        VARCHAR(50)  NOT NULL,
    framework_version   INTEGER      NOT NULL,
    respondent_category VARCHAR(50),
    answers             JSONB        NOT NULL,
    submitted_on        DATE         NOT NULL
);

CREATE INDEX survey_response_by_round_unit ON survey_response (round_id, unit_code, instrument);

-- Submission ids already accepted, as keyed hashes, so a retry is counted once. No link to the
-- response it produced.
CREATE TABLE submission_seen (
    submission_hash BYTEA PRIMARY KEY,
    seen_on         DATE  NOT NULL
);
