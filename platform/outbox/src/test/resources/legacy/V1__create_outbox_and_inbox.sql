-- Transactional outbox: an event row is written in the same transaction as the business change
-- it announces; a relay publishes it to Kafka and marks it sent, so nothing committed is lost
-- while Kafka is down.
CREATE TABLE outbox_event (
    id           UUID         PRIMARY KEY,
    topic        VARCHAR(100) NOT NULL,
    event_key    VARCHAR(100) NOT NULL,
    type         VARCHAR(100) NOT NULL,
    payload      JSONB        NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ,
    attempts     INTEGER      NOT NULL DEFAULT 0
);

-- The relay scans only what is still to be sent.
CREATE INDEX outbox_event_unpublished ON outbox_event (occurred_at) WHERE published_at IS NULL;

-- Inbox: ids of events this service has applied, so a redelivered event changes nothing.
CREATE TABLE processed_event (
    id           UUID         PRIMARY KEY,
    topic        VARCHAR(100) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
