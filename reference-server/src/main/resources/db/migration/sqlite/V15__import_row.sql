-- Spreadsheet imports (issue 25 item 6): one row per source row already imported, so importing the
-- same spreadsheet again creates nothing new. The key is a SHA-256 of the importing organisation,
-- the column mapping and the row's identifying cells (docs/SPREADSHEETS.md); written in the
-- transaction that stores the referral it made.
CREATE TABLE import_row (
    source_key   TEXT    PRIMARY KEY,
    organisation TEXT    NOT NULL,   -- the link worker service that imported it
    referral_id  TEXT    NOT NULL,
    imported_at  TEXT    NOT NULL    -- ISO-8601 instant
);
CREATE INDEX import_row_by_referral ON import_row (referral_id);
