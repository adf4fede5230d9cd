-- A unit's official published figures for a year, entered or imported, kept beside the computed
-- ones so that history starts before the platform did. Years before any framework document
-- exists may carry only the total, rating and pass/fail.
CREATE TABLE official_result (
    unit_code         VARCHAR(32)   NOT NULL REFERENCES unit (code),
    fiscal_year       INTEGER       NOT NULL,
    framework_id      VARCHAR(64),
    framework_version INTEGER,
    indicators        JSONB         NOT NULL DEFAULT '{}',
    instruments       JSONB         NOT NULL DEFAULT '{}',
    total             NUMERIC(7, 2) NOT NULL CHECK (total >= 0 AND total <= 100),
    rating            VARCHAR(32)   NOT NULL,
    passed            BOOLEAN       NOT NULL,
    source            TEXT          NOT NULL,
    entered_by        TEXT          NOT NULL,
    entered_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (unit_code, fiscal_year),
    FOREIGN KEY (framework_id, framework_version) REFERENCES framework (id, version)
);
CREATE INDEX official_result_year ON official_result (fiscal_year);
