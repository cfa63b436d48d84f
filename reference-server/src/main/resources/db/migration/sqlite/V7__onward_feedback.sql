-- A provider's feedback on an onward referral, one row per entry, in the order received.
-- Before this table each entry was appended to the onward referral's document, writing a whole new
-- version of it (every earlier entry again) each time: storage grew with the square of the feedback.
-- Entries written that way stay in those documents, and readers see them first.
CREATE TABLE onward_feedback (
    onward_referral_id TEXT    NOT NULL,
    position           INTEGER NOT NULL,   -- 1, 2, ... per onward referral
    referral_id        TEXT    NOT NULL,
    body               TEXT    NOT NULL,   -- the entry as JSON
    bytes              INTEGER NOT NULL,   -- its UTF-8 length, what the per-onward-referral limit counts
    created_at         INTEGER NOT NULL,
    PRIMARY KEY (onward_referral_id, position)
);
