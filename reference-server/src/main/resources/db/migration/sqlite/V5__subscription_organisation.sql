-- The organisation a webhook subscription delivers to (an ODS code or charity number). Consent is
-- enforced per recipient: an onward referral's events are withheld from a subscriber whose
-- organisation the person's consent no longer covers, and still delivered to the others.
-- NULL (subscriptions made before this column) means "unknown recipient": treated like the
-- onward provider, the strictest case.
ALTER TABLE subscription ADD COLUMN organisation TEXT;
