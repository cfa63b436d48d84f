-- Reports follow the clinical record (issue 25): the referral's date as PRSB records it (waits and
-- the referral's month are measured from it, not from when the record reached Linkway) and the
-- registered GP practice from the GP practice section. Contact dates already live in
-- first_contact_at, which is now the contact's recorded date.
ALTER TABLE report_referral ADD COLUMN referred_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE report_referral ADD COLUMN gp_practice TEXT NOT NULL DEFAULT 'not-recorded';

-- The report tables are a read model of the event table: empty them and set the cursor back so
-- the next report folds every event in again with the new rules (source from codes only, dates
-- from the record, GP practice, overdue counts).
DELETE FROM report_count;
DELETE FROM report_outcome;
DELETE FROM report_onward;
DELETE FROM report_referral;
UPDATE report_cursor SET last_sequence = 0;
