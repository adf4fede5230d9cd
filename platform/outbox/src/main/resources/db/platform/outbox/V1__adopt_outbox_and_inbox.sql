-- The platform's outbox and inbox. Every service created these tables in a migration of its own
-- (V1 or V2) before the platform existed; those stay as they were applied, and this migration, in
-- its own schema history (platform_outbox_schema_history), adopts the tables where they exist and
-- creates them where they do not.
CREATE TABLE IF NOT EXISTS outbox_event (
    id           UUID         PRIMARY KEY,
    topic        VARCHAR(100) NOT NULL,
    event_key    VARCHAR(100) NOT NULL,
    type         VARCHAR(100) NOT NULL,
    payload      JSONB        NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ,
    attempts     INTEGER      NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS processed_event (
    id           UUID         PRIMARY KEY,
    topic        VARCHAR(100) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- An event the broker refuses as it is (too large, a topic name it will not take) is parked with
-- the broker's reason instead of being tried forever: out of line, so it holds back nothing.
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS parked_at TIMESTAMPTZ;
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS park_reason TEXT;

-- The relay reads what is pending in the order it was written.
CREATE INDEX IF NOT EXISTS outbox_event_pending ON outbox_event (occurred_at, id)
    WHERE published_at IS NULL AND parked_at IS NULL;
DROP INDEX IF EXISTS outbox_event_unpublished;
CREATE INDEX IF NOT EXISTS outbox_event_parked ON outbox_event (parked_at) WHERE parked_at IS NOT NULL;
