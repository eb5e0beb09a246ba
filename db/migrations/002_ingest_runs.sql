-- A record of each ingest or seed run, so `stats` can say when the store was last built and from what.
CREATE TABLE ingest_runs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('seed', 'ingest')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  documents_added INTEGER NOT NULL DEFAULT 0,
  documents_skipped INTEGER NOT NULL DEFAULT 0,
  seeds_hash TEXT
);
CREATE INDEX mentions_entity_passage ON mentions(entity_type, entity_id, passage_id);
