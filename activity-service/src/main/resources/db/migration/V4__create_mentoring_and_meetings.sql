-- ระบบพี่เลี้ยง: a mentor (a person or a team) for a unit, or for one of its indicators.
CREATE TABLE mentor_assignment (
    id             UUID         PRIMARY KEY,
    unit_code      VARCHAR(50)  NOT NULL,
    mentor_name    VARCHAR(200) NOT NULL,
    mentor_kind    VARCHAR(10)  NOT NULL,
    indicator_code VARCHAR(20),
    started_on     DATE         NOT NULL,
    notes          TEXT,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX mentor_assignment_unit ON mentor_assignment (unit_code);

CREATE TABLE mentoring_log (
    id               UUID          PRIMARY KEY,
    assignment_id    UUID          NOT NULL REFERENCES mentor_assignment (id) ON DELETE CASCADE,
    held_on          DATE          NOT NULL,
    kind             VARCHAR(10)   NOT NULL,
    summary          TEXT          NOT NULL,
    follow_up        VARCHAR(1000),
    follow_up_due    DATE,
    follow_up_done_on DATE,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX mentoring_log_assignment ON mentoring_log (assignment_id, held_on);

-- Board meetings (the seed's office meets every Wednesday).
CREATE TABLE meeting (
    id              UUID         PRIMARY KEY,
    unit_code       VARCHAR(50)  NOT NULL,
    held_on         DATE         NOT NULL,
    title           VARCHAR(300) NOT NULL,
    attendees_count INTEGER      NOT NULL,
    agenda          JSONB        NOT NULL DEFAULT '[]',
    decisions       JSONB        NOT NULL DEFAULT '[]',
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX meeting_unit ON meeting (unit_code, held_on);

CREATE TABLE action_item (
    id          UUID          PRIMARY KEY,
    meeting_id  UUID          NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    unit_code   VARCHAR(50)   NOT NULL,
    description VARCHAR(1000) NOT NULL,
    owner       VARCHAR(200)  NOT NULL,
    due_on      DATE          NOT NULL,
    done_on     DATE
);
CREATE INDEX action_item_open ON action_item (unit_code, due_on) WHERE done_on IS NULL;
