-- Indexes for the reads that must stay fast at ×1000 the seeds (bench/README.md).

-- Word indexes over what a timeline's about: filter reads — a fact's value with its subject's name, an
-- event's title with its summary — so "timeline about:pegasus" finds rows through an index instead of
-- scanning every dated fact. They keep their own text: a fact's indexed text is assembled from two tables.
CREATE VIRTUAL TABLE facts_fts USING fts5(text, tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER facts_fts_ai AFTER INSERT ON facts BEGIN
  INSERT INTO facts_fts(rowid, text) VALUES (new.id, new.value || ' ' || COALESCE(CASE new.subject_type
    WHEN 'actor' THEN (SELECT name FROM actors WHERE id = new.subject_id)
    WHEN 'event' THEN (SELECT title FROM events WHERE id = new.subject_id)
    ELSE (SELECT name FROM policies WHERE id = new.subject_id) END, ''));
END;
CREATE TRIGGER facts_fts_ad AFTER DELETE ON facts BEGIN
  DELETE FROM facts_fts WHERE rowid = old.id;
END;
CREATE TRIGGER facts_fts_au AFTER UPDATE OF value, subject_type, subject_id ON facts BEGIN
  DELETE FROM facts_fts WHERE rowid = old.id;
  INSERT INTO facts_fts(rowid, text) VALUES (new.id, new.value || ' ' || COALESCE(CASE new.subject_type
    WHEN 'actor' THEN (SELECT name FROM actors WHERE id = new.subject_id)
    WHEN 'event' THEN (SELECT title FROM events WHERE id = new.subject_id)
    ELSE (SELECT name FROM policies WHERE id = new.subject_id) END, ''));
END;
INSERT INTO facts_fts(rowid, text)
  SELECT f.id, f.value || ' ' || COALESCE(CASE f.subject_type
    WHEN 'actor' THEN (SELECT name FROM actors WHERE id = f.subject_id)
    WHEN 'event' THEN (SELECT title FROM events WHERE id = f.subject_id)
    ELSE (SELECT name FROM policies WHERE id = f.subject_id) END, '')
  FROM facts f;

CREATE VIRTUAL TABLE events_fts USING fts5(text, tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN
  INSERT INTO events_fts(rowid, text) VALUES (new.id, new.title || ' ' || COALESCE(new.summary, ''));
END;
CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN
  DELETE FROM events_fts WHERE rowid = old.id;
END;
CREATE TRIGGER events_fts_au AFTER UPDATE OF title, summary ON events BEGIN
  DELETE FROM events_fts WHERE rowid = old.id;
  INSERT INTO events_fts(rowid, text) VALUES (new.id, new.title || ' ' || COALESCE(new.summary, ''));
END;
INSERT INTO events_fts(rowid, text) SELECT id, title || ' ' || COALESCE(summary, '') FROM events;

-- The few events with an end date, for a range that starts after an event began but before it ended.
CREATE INDEX events_spanning ON events(date_end, date_start) WHERE date_end IS NOT NULL;

-- An unfiltered "quote" lists the newest documents' quotes first: walking documents by date reads one page
-- instead of sorting every quote in the store.
CREATE INDEX documents_published ON documents(published);

-- A policy's stages were read by scanning every stage in the store.
CREATE INDEX policy_stages_policy ON policy_stages(policy_id);

-- mentions_entity_passage (002) begins with these columns and serves every read this one did; keeping both
-- cost every mention insert an extra index update.
DROP INDEX mentions_entity;

-- StoreWriter now writes passages_fts and quotes_fts itself, next to each insert: the same rows, three times
-- faster than these triggers. The delete triggers stay (clearStore and cascades delete rows in SQL).
DROP TRIGGER passages_ai;
DROP TRIGGER quotes_ai;
