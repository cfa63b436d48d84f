-- Webhook subscriptions and the outbox's deliveries to them. The event table is the outbox;
-- each subscription keeps how far it has scanned it, and the dispatcher turns the events past that cursor
-- into one delivery row per matching event, so a write never pays for its subscribers.
CREATE TABLE subscription (
    id           TEXT    PRIMARY KEY,
    url          TEXT    NOT NULL,
    types        TEXT,               -- space-separated event types; NULL means every type
    referrer_org TEXT,
    secret       TEXT    NOT NULL,
    start_after  INTEGER NOT NULL,   -- the event sequence deliveries start after
    scanned_to   INTEGER NOT NULL,   -- every event up to here has been turned into deliveries
    created_at   INTEGER NOT NULL,
    deleted_at   INTEGER
);

CREATE TABLE delivery (
    subscription_id TEXT    NOT NULL,
    event_sequence  INTEGER NOT NULL,
    referral_id     TEXT    NOT NULL,
    state           TEXT    NOT NULL,   -- pending | delivered
    attempts        INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,   -- also the lease: a claimed delivery is not due until its attempt has had time to end
    last_attempt_at INTEGER,
    last_status     INTEGER,
    last_error      TEXT,
    delivered_at    INTEGER,
    PRIMARY KEY (subscription_id, event_sequence)
);
CREATE INDEX delivery_due ON delivery (state, next_attempt_at);
CREATE INDEX delivery_order ON delivery (subscription_id, referral_id, state, event_sequence);
