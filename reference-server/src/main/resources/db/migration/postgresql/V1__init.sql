-- Every version of every resource is kept; resource_latest is the current one, for reads and lists.
-- Times are microseconds since the epoch (UTC), the same in both dialects.
CREATE TABLE resource_version (
    type         TEXT    NOT NULL,
    id           TEXT    NOT NULL,
    version      BIGINT  NOT NULL,
    referral_id  TEXT,
    status       TEXT,
    referrer_org TEXT,
    body         TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL,
    PRIMARY KEY (type, id, version)
);

CREATE TABLE resource_latest (
    type         TEXT    NOT NULL,
    id           TEXT    NOT NULL,
    version      BIGINT  NOT NULL,
    referral_id  TEXT,
    status       TEXT,
    referrer_org TEXT,
    body         TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL,
    PRIMARY KEY (type, id)
);
CREATE INDEX resource_latest_by_change ON resource_latest (type, updated_at, id);
CREATE INDEX resource_latest_by_status ON resource_latest (type, status, updated_at, id);
CREATE INDEX resource_latest_by_referrer ON resource_latest (type, referrer_org, updated_at, id);
CREATE INDEX resource_latest_by_referral ON resource_latest (referral_id, type);

CREATE TABLE event (
    sequence         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id               TEXT    NOT NULL UNIQUE,
    referral_id      TEXT    NOT NULL,
    type             TEXT    NOT NULL,
    resource_type    TEXT    NOT NULL,
    resource_id      TEXT    NOT NULL,
    resource_version BIGINT  NOT NULL,
    payload          TEXT    NOT NULL,
    created_at       BIGINT  NOT NULL
);
CREATE INDEX event_by_referral ON event (referral_id, sequence);

CREATE TABLE idempotency (
    key          TEXT    PRIMARY KEY,
    request_hash TEXT    NOT NULL,
    status       BIGINT  NOT NULL,
    body         TEXT    NOT NULL,
    location     TEXT,
    etag         TEXT,
    created_at   BIGINT  NOT NULL
);
