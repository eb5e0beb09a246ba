-- The fact store. Every row that states something points at a passage of a document.

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  outlet TEXT,
  author TEXT,
  published TEXT,
  published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
  url TEXT,
  source_file TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL,
  origin TEXT NOT NULL DEFAULT 'seed' CHECK (origin IN ('seed', 'ingest')),
  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE passages (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (document_id, ordinal),
  CHECK ("end" > start)
);
CREATE INDEX passages_document ON passages(document_id, start);

CREATE VIRTUAL TABLE passages_fts USING fts5(
  text, content='passages', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
  INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
  INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE actors (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT,
  summary TEXT,
  passage_id INTEGER REFERENCES passages(id),
  evidence TEXT
);

CREATE TABLE aliases (
  id INTEGER PRIMARY KEY,
  entity_type TEXT NOT NULL CHECK (entity_type IN ('actor', 'event', 'policy')),
  entity_id INTEGER NOT NULL,
  alias TEXT NOT NULL,
  folded TEXT NOT NULL,
  weak INTEGER NOT NULL DEFAULT 0,
  UNIQUE (entity_type, entity_id, alias)
);
CREATE INDEX aliases_folded ON aliases(folded);
CREATE VIRTUAL TABLE aliases_trigram USING fts5(
  folded, content='aliases', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER aliases_ai AFTER INSERT ON aliases BEGIN
  INSERT INTO aliases_trigram(rowid, folded) VALUES (new.id, new.folded);
END;
CREATE TRIGGER aliases_ad AFTER DELETE ON aliases BEGIN
  INSERT INTO aliases_trigram(aliases_trigram, rowid, folded) VALUES ('delete', old.id, old.folded);
END;

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  date_start TEXT,
  date_end TEXT,
  date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')),
  place TEXT,
  summary TEXT,
  passage_id INTEGER REFERENCES passages(id),
  evidence TEXT
);
CREATE INDEX events_date ON events(date_start);

CREATE TABLE event_actors (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (event_id, actor_id, role)
);
CREATE INDEX event_actors_actor ON event_actors(actor_id);

CREATE TABLE policies (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  jurisdiction TEXT,
  status TEXT,
  introduced TEXT,
  enacted TEXT,
  summary TEXT,
  passage_id INTEGER REFERENCES passages(id),
  evidence TEXT
);

CREATE TABLE policy_stages (
  id INTEGER PRIMARY KEY,
  policy_id INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
  date TEXT,
  date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')),
  stage TEXT NOT NULL,
  passage_id INTEGER NOT NULL REFERENCES passages(id),
  evidence TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL
);

CREATE TABLE policy_actors (
  policy_id INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (policy_id, actor_id, role)
);
CREATE INDEX policy_actors_actor ON policy_actors(actor_id);

CREATE TABLE facts (
  id INTEGER PRIMARY KEY,
  subject_type TEXT NOT NULL CHECK (subject_type IN ('actor', 'event', 'policy')),
  subject_id INTEGER NOT NULL,
  predicate TEXT NOT NULL,
  object_type TEXT CHECK (object_type IN ('actor', 'event', 'policy')),
  object_id INTEGER,
  value TEXT NOT NULL,
  date TEXT,
  date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')),
  passage_id INTEGER NOT NULL REFERENCES passages(id),
  evidence TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL
);
CREATE INDEX facts_subject ON facts(subject_type, subject_id);
CREATE INDEX facts_object ON facts(object_type, object_id);
CREATE INDEX facts_date ON facts(date);

CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  speaker_actor_id INTEGER REFERENCES actors(id),
  speaker_label TEXT,
  passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  said_on TEXT,
  said_on_precision TEXT CHECK (said_on_precision IN ('day', 'month', 'year')),
  confidence REAL NOT NULL,
  method TEXT NOT NULL,
  partial INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX quotes_speaker ON quotes(speaker_actor_id);
CREATE INDEX quotes_passage ON quotes(passage_id);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
  text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
  entity_type TEXT NOT NULL CHECK (entity_type IN ('actor', 'event', 'policy')),
  entity_id INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity_type, entity_id);
CREATE INDEX mentions_passage ON mentions(passage_id);

CREATE TABLE date_mentions (
  id INTEGER PRIMARY KEY,
  passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  value TEXT NOT NULL,
  precision TEXT NOT NULL CHECK (precision IN ('day', 'month', 'year'))
);
CREATE INDEX date_mentions_value ON date_mentions(value);

CREATE TABLE digest_subscriptions (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  time_of_day TEXT NOT NULL,
  tz TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_by TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (platform, channel_id)
);

CREATE TABLE digest_deliveries (
  id INTEGER PRIMARY KEY,
  subscription_id INTEGER NOT NULL REFERENCES digest_subscriptions(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed')),
  claimed_at TEXT NOT NULL,
  sent_at TEXT,
  UNIQUE (subscription_id, day)
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor TEXT,
  action TEXT NOT NULL,
  detail TEXT
);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
