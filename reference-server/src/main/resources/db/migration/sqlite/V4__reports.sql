-- Commissioner reports: a read model folded from the event table (see org.linkway.server.reports).
-- report_cursor says how far the events have been folded in; the fact tables hold one row per
-- referral, onward referral and (referral, instrument, score); report_count holds the aggregate
-- counts the reports read, kept exactly in step with the fact rows in the same transaction.
-- No report reads a fact row directly, and no fact row holds a name, an NHS number or free text.
CREATE TABLE report_cursor (
    name          TEXT    PRIMARY KEY,
    last_sequence INTEGER NOT NULL
);

CREATE TABLE report_referral (
    referral_id      TEXT    PRIMARY KEY,
    received_at      INTEGER NOT NULL,
    referrer_org     TEXT    NOT NULL,
    source           TEXT    NOT NULL,
    route            TEXT    NOT NULL,
    age_band         TEXT    NOT NULL,
    gender           TEXT    NOT NULL,
    ethnicity        TEXT    NOT NULL,
    needs            TEXT    NOT NULL,   -- space-separated need codes
    person_key       TEXT,               -- one-way hash, only to find re-referrals
    rereferral       INTEGER NOT NULL,
    status           TEXT    NOT NULL,
    engaged_at       INTEGER,            -- first move to in-progress: SNOMED 871731000000106
    declined_at      INTEGER,            -- move to declined: SNOMED 871711000000103
    closed_at        INTEGER,
    first_contact_at INTEGER,
    contacts         INTEGER NOT NULL
);
CREATE INDEX report_referral_by_person ON report_referral (person_key, received_at);

CREATE TABLE report_onward (
    onward_id   TEXT PRIMARY KEY,
    referral_id TEXT NOT NULL,
    category    TEXT NOT NULL,
    status      TEXT NOT NULL
);

CREATE TABLE report_outcome (
    referral_id    TEXT    NOT NULL,
    instrument     TEXT    NOT NULL,
    score_id       TEXT    NOT NULL,
    better         INTEGER NOT NULL,     -- +1 higher is better, -1 lower is better
    administrations INTEGER NOT NULL,
    first_at       INTEGER NOT NULL,
    first_value    DOUBLE PRECISION NOT NULL,
    last_at        INTEGER NOT NULL,
    last_value     DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (referral_id, instrument, score_id)
);

-- section: which table of a report; month: YYYY-MM (UTC) the count belongs to; row_key: a sub-row
-- (e.g. instrument/score) or ''; category: the column. Counts never go below zero.
CREATE TABLE report_count (
    section      TEXT    NOT NULL,
    month        TEXT    NOT NULL,
    referrer_org TEXT    NOT NULL,
    row_key      TEXT    NOT NULL,
    category     TEXT    NOT NULL,
    n            INTEGER NOT NULL,
    PRIMARY KEY (section, month, referrer_org, row_key, category)
);
