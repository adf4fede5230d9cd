-- evidence-service numbers each verdict on an item (1, 2, 3 …), so a verdict that arrives late
-- (two relays, a replay) no longer overwrites a newer one. Verdicts stored before have no number:
-- any numbered verdict replaces them, as the last arrival did.
ALTER TABLE oit_verdict ADD COLUMN sequence INT;
