-- A provider's inbox (GET /v1/onward-referrals) starts from the referrals whose records name one of
-- the provider's identifiers: find them by identifier, then follow identifier_link within each.
CREATE INDEX party_identifier_by_identifier ON party_identifier (identifier, referral_id, party);
