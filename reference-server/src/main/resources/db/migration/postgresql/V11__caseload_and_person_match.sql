-- A link worker service's caseload and the person match keys (see org.linkway.server.caseload and
-- org.linkway.server.person).
-- caseload_assignment: who in the link worker service holds each referral now (a token subject of
-- that service); the Assignment resource keeps every version, this table is for the caseload query.
CREATE TABLE caseload_assignment (
    referral_id  TEXT    PRIMARY KEY,
    organisation TEXT    NOT NULL,  -- the link worker service the referral is addressed to
    link_worker  TEXT    NOT NULL,  -- the assignee's token subject
    assigned_at  BIGINT  NOT NULL   -- microseconds since the epoch
);
CREATE INDEX caseload_by_worker ON caseload_assignment (organisation, link_worker, assigned_at, referral_id);

-- person_match: a referral's match keys, each the SHA-256 (hex) of a normalised key: "nhs:<number>"
-- or "person:<family>|<given>|<date of birth>|<postcode>" (PersonKey says how). Finding the same
-- person in the same receiving organisation is an index lookup on (organisation, match_key).
CREATE TABLE person_match (
    referral_id  TEXT    NOT NULL,
    organisation TEXT    NOT NULL,  -- the receiving link worker service
    referrer_org TEXT,              -- the referring organisation, for what a referrer may be told
    match_key    TEXT    NOT NULL,
    has_nhs      INTEGER NOT NULL,  -- 1 when the referral carries an NHS number: then only that number matches it
    received_at  BIGINT  NOT NULL,
    PRIMARY KEY (referral_id, match_key)
);
CREATE INDEX person_match_by_key ON person_match (organisation, match_key, received_at, referral_id);
