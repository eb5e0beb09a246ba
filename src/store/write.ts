import type { DB } from './db.js';
import { fold } from './fold.js';
import type { Article } from '../ingest/corpus.js';
import type { Precision } from '../ingest/dates.js';

/** Every INSERT the ingest pipeline needs, prepared once per connection. */
export class StoreWriter {
  private stmts;

  constructor(private db: DB) {
    this.stmts = {
      docByHash: db.prepare('SELECT id, slug FROM documents WHERE content_hash = ?'),
      docBySlug: db.prepare('SELECT id FROM documents WHERE slug = ?'),
      insertDoc: db.prepare(`INSERT INTO documents
        (slug, title, outlet, author, published, published_precision, url, source_file, content_hash, body, origin)
        VALUES (@slug, @title, @outlet, @author, @published, @publishedPrecision, @url, @sourceFile, @hash, @body, @origin)`),
      insertPassage: db.prepare(
        'INSERT INTO passages (document_id, ordinal, start, "end", text) VALUES (?, ?, ?, ?, ?)',
      ),
      // The word indexes are written here, not by an AFTER INSERT trigger (dropped in migration 006): SQLite ran
      // the trigger's insert three times slower than this statement, a third of an ingest's time.
      indexPassage: db.prepare('INSERT INTO passages_fts (rowid, text) VALUES (?, ?)'),
      indexQuote: db.prepare('INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)'),
      insertActor: db.prepare(`INSERT INTO actors (slug, name, kind, country, summary, passage_id, evidence)
        VALUES (@slug, @name, @kind, @country, @summary, @passageId, @evidence)`),
      insertAlias: db.prepare(`INSERT OR IGNORE INTO aliases (entity_type, entity_id, alias, folded, weak)
        VALUES (?, ?, ?, ?, ?)`),
      insertEvent:
        db.prepare(`INSERT INTO events (slug, title, kind, date_start, date_end, date_precision, place, summary, passage_id, evidence)
        VALUES (@slug, @title, @kind, @dateStart, @dateEnd, @precision, @place, @summary, @passageId, @evidence)`),
      insertEventActor: db.prepare('INSERT OR IGNORE INTO event_actors (event_id, actor_id, role) VALUES (?, ?, ?)'),
      insertPolicy:
        db.prepare(`INSERT INTO policies (slug, name, kind, jurisdiction, status, introduced, enacted, summary, passage_id, evidence)
        VALUES (@slug, @name, @kind, @jurisdiction, @status, @introduced, @enacted, @summary, @passageId, @evidence)`),
      insertStage:
        db.prepare(`INSERT INTO policy_stages (policy_id, date, date_precision, stage, passage_id, evidence, start, "end")
        VALUES (@policyId, @date, @precision, @stage, @passageId, @evidence, @start, @end)`),
      insertPolicyActor: db.prepare('INSERT OR IGNORE INTO policy_actors (policy_id, actor_id, role) VALUES (?, ?, ?)'),
      insertFact:
        db.prepare(`INSERT INTO facts (subject_type, subject_id, predicate, object_type, object_id, value, date, date_precision, passage_id, evidence, start, "end")
        VALUES (@subjectType, @subjectId, @predicate, @objectType, @objectId, @value, @date, @precision, @passageId, @evidence, @start, @end)`),
      insertQuote:
        db.prepare(`INSERT INTO quotes (text, speaker_actor_id, speaker_label, passage_id, start, "end", said_on, said_on_precision, confidence, method, partial)
        VALUES (@text, @speakerActorId, @speakerLabel, @passageId, @start, @end, NULL, NULL, @confidence, @method, @partial)`),
      insertMention: db.prepare(
        'INSERT INTO mentions (passage_id, entity_type, entity_id, start, "end") VALUES (?, ?, ?, ?, ?)',
      ),
      insertDate: db.prepare(
        'INSERT INTO date_mentions (passage_id, start, "end", text, value, precision) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      setMeta: db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
      startRun: db.prepare(
        "INSERT INTO ingest_runs (kind, started_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
      ),
      finishRun: db.prepare(`UPDATE ingest_runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
        documents_added = ?, documents_skipped = ?, seeds_hash = ? WHERE id = ?`),
    };
  }

  findDocumentByHash(hash: string): { id: number; slug: string } | undefined {
    return this.stmts.docByHash.get(hash) as { id: number; slug: string } | undefined;
  }
  slugTaken(slug: string): boolean {
    return this.stmts.docBySlug.get(slug) !== undefined;
  }
  insertDocument(d: Omit<Article, 'furniture'> & { hash: string }): number {
    return Number(this.stmts.insertDoc.run(d).lastInsertRowid);
  }
  insertPassage(documentId: number, ordinal: number, start: number, end: number, text: string): number {
    const id = this.stmts.insertPassage.run(documentId, ordinal, start, end, text).lastInsertRowid;
    this.stmts.indexPassage.run(id, text);
    return Number(id);
  }
  insertActor(a: {
    slug: string;
    name: string;
    kind: string;
    country: string | null;
    summary: string | null;
    passageId: number;
    evidence: string;
  }): number {
    return Number(this.stmts.insertActor.run(a).lastInsertRowid);
  }
  insertAlias(type: 'actor' | 'event' | 'policy', id: number, alias: string, weak: boolean): void {
    const folded = fold(alias);
    if (folded) this.stmts.insertAlias.run(type, id, alias, folded, weak ? 1 : 0);
  }
  insertEvent(e: {
    slug: string;
    title: string;
    kind: string;
    dateStart: string | null;
    dateEnd: string | null;
    precision: Precision | null;
    place: string | null;
    summary: string | null;
    passageId: number;
    evidence: string;
  }): number {
    return Number(this.stmts.insertEvent.run(e).lastInsertRowid);
  }
  insertEventActor(eventId: number, actorId: number, role: string): void {
    this.stmts.insertEventActor.run(eventId, actorId, role);
  }
  insertPolicy(p: {
    slug: string;
    name: string;
    kind: string;
    jurisdiction: string | null;
    status: string | null;
    introduced: string | null;
    enacted: string | null;
    summary: string | null;
    passageId: number;
    evidence: string;
  }): number {
    return Number(this.stmts.insertPolicy.run(p).lastInsertRowid);
  }
  insertStage(s: {
    policyId: number;
    date: string | null;
    precision: Precision | null;
    stage: string;
    passageId: number;
    evidence: string;
    start: number;
    end: number;
  }): void {
    this.stmts.insertStage.run(s);
  }
  insertPolicyActor(policyId: number, actorId: number, role: string): void {
    this.stmts.insertPolicyActor.run(policyId, actorId, role);
  }
  insertFact(f: {
    subjectType: string;
    subjectId: number;
    predicate: string;
    objectType: string | null;
    objectId: number | null;
    value: string;
    date: string | null;
    precision: Precision | null;
    passageId: number;
    evidence: string;
    start: number;
    end: number;
  }): void {
    this.stmts.insertFact.run(f);
  }
  insertQuote(q: {
    text: string;
    speakerActorId: number | null;
    speakerLabel: string | null;
    passageId: number;
    start: number;
    end: number;
    confidence: number;
    method: string;
    partial: number;
  }): void {
    const id = this.stmts.insertQuote.run(q).lastInsertRowid;
    this.stmts.indexQuote.run(id, q.text);
  }
  insertMention(passageId: number, type: string, id: number, start: number, end: number): void {
    this.stmts.insertMention.run(passageId, type, id, start, end);
  }
  insertDateMention(
    passageId: number,
    start: number,
    end: number,
    text: string,
    value: string,
    precision: string,
  ): void {
    this.stmts.insertDate.run(passageId, start, end, text, value, precision);
  }
  setMeta(key: string, value: string): void {
    this.stmts.setMeta.run(key, value);
  }
  startRun(kind: 'seed' | 'ingest'): number {
    return Number(this.stmts.startRun.run(kind).lastInsertRowid);
  }
  finishRun(id: number, added: number, skipped: number, seedsHash: string | null): void {
    this.stmts.finishRun.run(added, skipped, seedsHash, id);
  }
}

/** Empties every table the seeds fill, children first, in the caller's transaction. */
export function clearStore(db: DB): void {
  for (const t of [
    'mentions',
    'date_mentions',
    'quotes',
    'facts',
    'policy_stages',
    'policy_actors',
    'event_actors',
    'aliases',
    'policies',
    'events',
    'actors',
    'passages',
    'documents',
  ]) {
    db.exec(`DELETE FROM ${t}`);
  }
}
