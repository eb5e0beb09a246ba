-- Digest delivery bookkeeping beyond the tables of 001: what was picked, how often a post was tried, why a
-- subscription stopped. quote_id has no foreign key on purpose: a re-seed rebuilds the quotes table, and the
-- delivery history must survive it.
ALTER TABLE digest_deliveries ADD COLUMN quote_id INTEGER;
ALTER TABLE digest_deliveries ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
ALTER TABLE digest_deliveries ADD COLUMN attempted_at TEXT;
ALTER TABLE digest_deliveries ADD COLUMN marker TEXT;
ALTER TABLE digest_deliveries ADD COLUMN error TEXT;
CREATE INDEX digest_deliveries_status ON digest_deliveries(status, day);

-- When the current run of a subscription began (created, or re-enabled): the first slot it is owed, and the
-- starting point of "New in the archive" before its first digest.
ALTER TABLE digest_subscriptions ADD COLUMN active_since TEXT;
ALTER TABLE digest_subscriptions ADD COLUMN disabled_reason TEXT;
ALTER TABLE digest_subscriptions ADD COLUMN updated_at TEXT;
UPDATE digest_subscriptions SET active_since = created_at WHERE active_since IS NULL;
