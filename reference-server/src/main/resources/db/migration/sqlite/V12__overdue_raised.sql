-- Time rules found overdue (first contact, follow-up, review), one row per referral, rule and due
-- instant. The sweeper inserts a row and appends its referral.overdue event in one transaction,
-- ON CONFLICT DO NOTHING: a second sweep, a restart or another server instance on the same
-- database finds the row and raises nothing, so each overdue is raised exactly once.
CREATE TABLE overdue_raised (
    referral_id TEXT    NOT NULL,
    rule        TEXT    NOT NULL,   -- first-contact, follow-up, review
    due_at      INTEGER  NOT NULL,   -- the first instant the rule was overdue, microseconds since the epoch
    raised_at   INTEGER  NOT NULL,
    PRIMARY KEY (referral_id, rule, due_at)
);
