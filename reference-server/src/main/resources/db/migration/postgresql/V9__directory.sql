-- The service directory in the Open Referral UK shape (see org.linkway.server.directory).
-- directory_service holds each service's current version: the ORUK service JSON as published,
-- and the columns search filters on in the query (text, ages, whether retired). Its locations'
-- coordinates and its taxonomy terms are side tables, one row each, so a filter is an EXISTS.
-- directory_service_version keeps every version of every service; a row is never changed.
CREATE TABLE directory_service (
    id          TEXT    PRIMARY KEY,
    version     INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    search_text TEXT    NOT NULL,   -- lower-cased name, description, organisation name, terms
    min_age     DOUBLE PRECISION,
    max_age     DOUBLE PRECISION,
    retired     INTEGER NOT NULL,   -- 1 once a curator retired it; an import that lists it again brings it back
    body        TEXT    NOT NULL,
    changed_at  BIGINT  NOT NULL    -- microseconds since the epoch
);
CREATE INDEX directory_service_by_name ON directory_service (name, id);

CREATE TABLE directory_location (
    service_id TEXT             NOT NULL,
    latitude   DOUBLE PRECISION NOT NULL,
    longitude  DOUBLE PRECISION NOT NULL
);
CREATE INDEX directory_location_by_service ON directory_location (service_id);

CREATE TABLE directory_category (
    service_id TEXT NOT NULL,
    term       TEXT NOT NULL        -- a taxonomy term's id, code or lower-cased name
);
CREATE INDEX directory_category_by_term ON directory_category (term, service_id);

CREATE TABLE directory_service_version (
    service_id  TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    retired     INTEGER NOT NULL,
    body        TEXT    NOT NULL,
    source      TEXT    NOT NULL,   -- where the version came from: the import's source or "retired"
    recorded_at BIGINT  NOT NULL,
    PRIMARY KEY (service_id, version)
);
