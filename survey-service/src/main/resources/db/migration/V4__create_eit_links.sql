-- One public EIT link per round and unit. The token is opaque (a keyed hash), so links of other
-- units cannot be guessed from one link; it is stable, so a printed poster keeps working.
CREATE TABLE eit_link (
    token     VARCHAR(40)  PRIMARY KEY,
    round_id  VARCHAR(100) NOT NULL,
    unit_code VARCHAR(50)  NOT NULL,
    UNIQUE (round_id, unit_code)
);

-- Browser tokens that have answered (keyed hashes of their nonces), so one browser answers once.
-- Like submission_seen, it knows no response.
CREATE TABLE browser_token_spent (
    token_hash BYTEA PRIMARY KEY,
    spent_on   DATE  NOT NULL
);
