-- The calendar feed follows the caseload (issue 19): a link worker's feed lists the appointments of
-- the referrals assigned to them, found from caseload_assignment by referral. This index makes that
-- join a lookup per referral instead of a scan of every appointment.
CREATE INDEX appointment_slot_by_referral ON appointment_slot (referral_id, start_at);
