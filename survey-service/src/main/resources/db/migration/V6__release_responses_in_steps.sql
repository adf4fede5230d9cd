-- Responses wait, unreleased, until ResponseRelease lets at least a step of them (or a finished
-- day's leftovers) of one unit and instrument go together; see README "Threat model". Responses
-- stored before this migration were published one by one already: they count as released.
ALTER TABLE survey_response ADD COLUMN released BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE survey_response ALTER COLUMN released SET DEFAULT FALSE;
CREATE INDEX survey_response_waiting ON survey_response (round_id, unit_code, instrument) WHERE NOT released;

-- An office's own survey follows the same rule: its results move in steps too.
ALTER TABLE own_survey_response ADD COLUMN released BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE own_survey_response ALTER COLUMN released SET DEFAULT FALSE;

-- The old one-by-one events, published long ago, kept each response's id beside its answers.
-- The relay now deletes what it has published (ita.outbox.keep-published=false).
DELETE FROM outbox_event WHERE type = 'ResponseSubmitted' AND published_at IS NOT NULL;
