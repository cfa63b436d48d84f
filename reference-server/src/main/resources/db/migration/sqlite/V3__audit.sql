-- The audit trail: one row per read or write of personal data (and every refusal). Each row
-- carries the SHA-256 of the row before it, so editing or deleting any row breaks the chain
-- from there on; `audit verify` names the first row that does not fit. The triggers stop
-- ordinary changes; the chain catches whoever drops them.
CREATE TABLE audit_entry (
    sequence      INTEGER PRIMARY KEY,      -- 1, 2, 3, ... assigned by the writer, part of the hash
    at            INTEGER NOT NULL,         -- microseconds since the epoch, UTC
    request_id    TEXT    NOT NULL,
    subject       TEXT    NOT NULL,
    organisation  TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    action        TEXT    NOT NULL,         -- e.g. GET /v1/referrals/{id}
    resource      TEXT    NOT NULL,         -- e.g. Referral/<id>, or - for none
    outcome       TEXT    NOT NULL,         -- e.g. 200 allowed, 404 hidden, 404 refused: consent withdrawn
    previous_hash TEXT    NOT NULL,
    hash          TEXT    NOT NULL
);

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;

CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;
