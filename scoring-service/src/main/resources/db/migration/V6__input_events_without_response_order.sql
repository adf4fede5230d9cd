-- Anonymity (survey-service README, threat model): the input events kept for rebuilds held each
-- response with its id, a sequence and the second it arrived. The table is rewritten without them,
-- in a random physical order, so neither a column nor the order of the rows on disk tells which
-- response came when. A review keeps its time (reviewed_at), so a rebuild still replays a unit's
-- verdicts in the order they were given; a response needs no order, tallies are sums.
CREATE TABLE score_input_event_new (
    id          UUID         PRIMARY KEY,
    topic       VARCHAR(100) NOT NULL,
    round_id    UUID         NOT NULL,
    unit_code   VARCHAR(32)  NOT NULL,
    payload     JSONB        NOT NULL,
    reviewed_at TIMESTAMPTZ,
    CHECK (topic <> 'survey.responses' OR reviewed_at IS NULL)
);
INSERT INTO score_input_event_new (id, topic, round_id, unit_code, payload, reviewed_at)
SELECT id, topic, round_id, unit_code,
       CASE WHEN topic = 'survey.responses' THEN payload - 'responseId' ELSE payload END,
       CASE WHEN topic = 'survey.responses' THEN NULL ELSE received_at END
FROM score_input_event ORDER BY random();
DROP TABLE score_input_event;
ALTER TABLE score_input_event_new RENAME TO score_input_event;
ALTER TABLE score_input_event RENAME CONSTRAINT score_input_event_new_pkey TO score_input_event_pkey;
CREATE INDEX score_input_event_unit ON score_input_event (round_id, unit_code);

-- Every UnitScoreChanged published so far, kept for good: two in a row differed by one response.
-- Those already on the topic need no copy here.
DELETE FROM outbox_event WHERE type = 'UnitScoreChanged' AND published_at IS NOT NULL;

-- The inbox kept the second each response's event was applied (ita.outbox.time-precision=day now).
UPDATE processed_event SET processed_at = date_trunc('day', processed_at) WHERE topic = 'survey.responses';
