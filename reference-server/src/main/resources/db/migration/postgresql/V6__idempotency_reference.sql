-- An idempotent answer whose body is a stored resource version points at that version instead of
-- holding a second copy of it (body is then empty). Versions are never deleted, so the reference holds.
ALTER TABLE idempotency ADD COLUMN body_type TEXT;
ALTER TABLE idempotency ADD COLUMN body_id TEXT;
ALTER TABLE idempotency ADD COLUMN body_version INTEGER;
