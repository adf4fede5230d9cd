-- ita.frameworks: only what decides whether two years' scores may be compared.
CREATE TABLE framework_ref (
    id                  VARCHAR(100) NOT NULL,
    version             INTEGER      NOT NULL,
    fiscal_year         INTEGER,
    comparability_group VARCHAR(100),
    PRIMARY KEY (id, version)
);

ALTER TABLE unit_score ADD COLUMN framework_version INTEGER;
