-- Appointments (issue 19): each appointment is a versioned resource of type Appointment in
-- resource_version/resource_latest, like the other records under a referral. These tables hold
-- what the reminder sweeper and the calendar feed query by, written in the same transaction.
-- Times are microseconds since the epoch (UTC).
CREATE TABLE appointment_slot (
    appointment_id TEXT    PRIMARY KEY,
    referral_id    TEXT    NOT NULL,
    organisation   TEXT    NOT NULL,   -- the link worker service the referral is addressed to
    link_worker    TEXT    NOT NULL,   -- the token subject of the link worker the session is with
    start_at       BIGINT  NOT NULL,
    status         TEXT    NOT NULL,   -- booked, cancelled, attended, did-not-attend
    sequence       INTEGER NOT NULL    -- the iCalendar SEQUENCE: 0, one more at each reschedule and at cancelling
);
CREATE INDEX appointment_slot_by_start ON appointment_slot (status, start_at);
CREATE INDEX appointment_slot_by_worker ON appointment_slot (organisation, link_worker, start_at);

-- One reminder per appointment start: the key stops a second sweep, a restart or a second
-- instance from raising it again; a rescheduled appointment has a new start, so a new reminder.
CREATE TABLE appointment_reminder (
    appointment_id TEXT    NOT NULL,
    start_at       BIGINT  NOT NULL,
    raised_at      BIGINT  NOT NULL,
    PRIMARY KEY (appointment_id, start_at)
);

-- Calendar subscriptions: a link worker's feed URL carries a secret; only its SHA-256 is kept.
CREATE TABLE calendar_feed (
    id           TEXT    PRIMARY KEY,
    secret_hash  TEXT    NOT NULL UNIQUE,
    organisation TEXT    NOT NULL,
    link_worker  TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    revoked_at   BIGINT
);
CREATE INDEX calendar_feed_by_owner ON calendar_feed (organisation, link_worker);
