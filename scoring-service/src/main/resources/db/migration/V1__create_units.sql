-- The office tree: national office -> area offices (สพป./สพม.) -> schools.
-- path is the materialised chain of codes ('/OBEC/KALASIN2/'), so "everything under an area" is one
-- indexed prefix scan even over tens of thousands of units.
CREATE TABLE unit (
    code               VARCHAR(32)  PRIMARY KEY,
    parent_code        VARCHAR(32)  REFERENCES unit (code),
    path               TEXT         NOT NULL,
    type               VARCHAR(24)  NOT NULL,
    name_th            TEXT         NOT NULL,
    name_en            TEXT,
    staff_count        INTEGER      NOT NULL DEFAULT 0 CHECK (staff_count >= 0),
    service_population INTEGER      NOT NULL DEFAULT 0 CHECK (service_population >= 0),
    active             BOOLEAN      NOT NULL DEFAULT TRUE,
    -- Made-up demo data is marked so that nobody mistakes it for an office's real figures.
    demo               BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT unit_type_known CHECK (type IN ('NATIONAL', 'AREA_PRIMARY', 'AREA_SECONDARY', 'SCHOOL', 'OTHER'))
);

CREATE INDEX unit_path_prefix ON unit (path text_pattern_ops);
CREATE INDEX unit_parent ON unit (parent_code);
