-- Command lines behind Discord buttons whose line is too long to ride in the button's custom_id (100
-- characters). Keyed by a hash of the line, so the same page reuses one row; `used_at` is refreshed on reuse
-- and rows older than the button lifetime are pruned. A restart keeps every button working.
CREATE TABLE button_state (
  key TEXT PRIMARY KEY,
  command TEXT NOT NULL,
  used_at TEXT NOT NULL
);
CREATE INDEX button_state_used_at ON button_state(used_at);
