-- The audit trail: one row per read or write of personal data (and every refusal). Each row
-- carries the SHA-256 of the row before it, so editing or deleting any row breaks the chain
-- from there on; `audit verify` names the first row that does not fit. The triggers stop
-- ordinary changes; the chain catches whoever drops them.
CREATE TABLE audit_entry (
    sequence      BIGINT  PRIMARY KEY,      -- 1, 2, 3, ... assigned by the writer under a lock, part of the hash
    at            BIGINT  NOT NULL,         -- microseconds since the epoch, UTC
    request_id    TEXT    NOT NULL,
    subject       TEXT    NOT NULL,
    organisation  TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    action        TEXT    NOT NULL,
    resource      TEXT    NOT NULL,
    outcome       TEXT    NOT NULL,
    previous_hash TEXT    NOT NULL,
    hash          TEXT    NOT NULL
);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
