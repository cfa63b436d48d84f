-- The consent ledger: one narrow row per consent decision, in the order the server recorded it
-- (position: the sequence of its consent.recorded event), so the decision in force for a party is
-- one indexed query however many decisions a referral holds, without reading any document.
-- scopes: '' when the decision names no scope, else each scope between bars ('|gp|referrer|').
-- party: 'Consent/<id>' when it names an onward provider organisation (its identifiers are in
-- party_identifier), NULL when it names none. expires_at: microseconds since the epoch (UTC),
-- NULL for never, 0 for an expiry that could not be read (treated as passed: fail closed).
CREATE TABLE consent_decision (
    referral_id  TEXT    NOT NULL,
    position     BIGINT NOT NULL,
    record_id    TEXT    NOT NULL,
    decision     TEXT    NOT NULL,
    lawful_basis TEXT,
    scopes       TEXT    NOT NULL,
    party        TEXT,
    expires_at   BIGINT,
    PRIMARY KEY (referral_id, position)
);
CREATE INDEX consent_decision_by_record ON consent_decision (record_id);

-- The identifiers (ODS code, charity number; later a directory id) each record of a referral names
-- one organisation by: a consent decision's onward provider ('Consent/<id>') or an onward
-- referral's provider ('OnwardReferral/<id>'). Identifiers named together are one organisation
-- within that referral. An onward referral naming none has one row with identifier ''.
CREATE TABLE party_identifier (
    referral_id TEXT NOT NULL,
    party       TEXT NOT NULL,
    identifier  TEXT NOT NULL,
    PRIMARY KEY (referral_id, party, identifier)
);
CREATE INDEX party_identifier_by_party ON party_identifier (party);

-- Which identifiers a referral's records name together, each pair once however many records name
-- it: joining identifiers into one party costs what the referral's distinct identifiers cost, not
-- what its decisions do.
CREATE TABLE identifier_link (
    referral_id TEXT NOT NULL,
    identifier  TEXT NOT NULL,
    joined      TEXT NOT NULL,
    PRIMARY KEY (referral_id, identifier, joined)
);

-- Whether the decisions and onward referrals stored before this migration are in the ledger yet:
-- the server reads them in once, at start-up, then sets backfilled to 1.
CREATE TABLE consent_ledger (
    backfilled BIGINT NOT NULL
);
INSERT INTO consent_ledger (backfilled) VALUES (0);
