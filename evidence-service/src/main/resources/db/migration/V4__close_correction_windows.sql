-- Which rounds' correction windows have been closed for good, and at which closing time: a window
-- extended after it closed is closed again when the new time passes (CorrectionClose).
CREATE TABLE correction_close (
    round_id   VARCHAR(80) PRIMARY KEY REFERENCES assessment_round (id),
    closes_at  TIMESTAMPTZ NOT NULL,
    closed_at  TIMESTAMPTZ NOT NULL,
    verdicts   INTEGER     NOT NULL
);
