-- The last result of checking each linked web page (the link checker runs on a schedule).
CREATE TABLE link_check (
    evidence_id UUID          PRIMARY KEY REFERENCES evidence (id),
    url         VARCHAR(2000) NOT NULL,
    checked_at  TIMESTAMPTZ   NOT NULL,
    ok          BOOLEAN       NOT NULL,
    status_code INTEGER,
    final_url   VARCHAR(2000),
    error       VARCHAR(500)
);
