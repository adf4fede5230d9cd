-- Official results arrive on scores.changed (OfficialResultChanged) beside the computed sheets of
-- rounds: kept in the same table, one row per unit and year (round_id 'official:<year>'), and chosen
-- before any computed sheet of that year (scoring-service README, "One score of record").
ALTER TABLE unit_score ADD COLUMN official BOOLEAN NOT NULL DEFAULT FALSE;
