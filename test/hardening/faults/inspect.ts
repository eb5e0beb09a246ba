/**
 * What a test asks of a database file after a crash or a backup: is it sound (SQLite's own integrity check and
 * FTS5's, index against content), does any row appear twice, and how many rows each table holds.
 */
import Database from 'better-sqlite3';
import { STORE_TABLES } from '../../helpers/store.js';

export type FileDB = Database.Database;

/** Opens a database file the way a test inspects it: no migrations, no seeding, nothing written. */
export function openFile(path: string): FileDB {
  const db = new Database(path, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

/** `PRAGMA integrity_check`: ['ok'] for a sound file. */
export function integrity(db: FileDB): string[] {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
}

/**
 * Runs FTS5's integrity-check on every full-text table the schema has (found in sqlite_master, so tables added by
 * later migrations are covered too). With rank 1, an external-content table is also checked against its content
 * table: an index row without its passage, or a passage missing from the index, fails. Returns the failures.
 */
export function ftsProblems(db: FileDB): string[] {
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5(%'")
    .all() as { name: string; sql: string }[];
  const problems: string[] = [];
  for (const t of tables) {
    const external = /content\s*=\s*'[^']+'/.test(t.sql);
    try {
      db.prepare(
        `INSERT INTO "${t.name}"("${t.name}"${external ? ', rank' : ''}) VALUES ('integrity-check'${external ? ', 1' : ''})`,
      ).run();
    } catch (e) {
      problems.push(`${t.name}: ${(e as Error).message}`);
    }
  }
  return problems;
}

/** The FTS5 tables checked by ftsProblems, to report that the check covered something. */
export function ftsTables(db: FileDB): string[] {
  return (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5(%'")
      .all() as { name: string }[]
  ).map((r) => r.name);
}

/**
 * Rows that appear more than once where the store means them once: a document by content hash and by slug, a
 * passage by its place in its document, and quotes, mentions, dates, aliases and curated rows by what identifies
 * them. Each entry is "what: n groups". Empty for a sound store.
 */
export function duplicates(db: FileDB): string[] {
  const checks: [string, string][] = [
    ['documents by content hash', 'SELECT content_hash FROM documents GROUP BY content_hash HAVING count(*) > 1'],
    ['documents by slug', 'SELECT slug FROM documents GROUP BY slug HAVING count(*) > 1'],
    ['documents by source file and body', 'SELECT 1 FROM documents GROUP BY source_file, body HAVING count(*) > 1'],
    ['passages by document and ordinal', 'SELECT 1 FROM passages GROUP BY document_id, ordinal HAVING count(*) > 1'],
    ['passages by document and span', 'SELECT 1 FROM passages GROUP BY document_id, start, "end" HAVING count(*) > 1'],
    ['quotes by passage and span', 'SELECT 1 FROM quotes GROUP BY passage_id, start, "end" HAVING count(*) > 1'],
    [
      'mentions by passage, entity and span',
      'SELECT 1 FROM mentions GROUP BY passage_id, entity_type, entity_id, start, "end" HAVING count(*) > 1',
    ],
    [
      'date mentions by passage and span',
      'SELECT 1 FROM date_mentions GROUP BY passage_id, start, "end" HAVING count(*) > 1',
    ],
    ['aliases by entity and alias', 'SELECT 1 FROM aliases GROUP BY entity_type, entity_id, alias HAVING count(*) > 1'],
    ['actors by slug', 'SELECT 1 FROM actors GROUP BY slug HAVING count(*) > 1'],
    ['events by slug', 'SELECT 1 FROM events GROUP BY slug HAVING count(*) > 1'],
    ['policies by slug', 'SELECT 1 FROM policies GROUP BY slug HAVING count(*) > 1'],
    [
      'facts by subject, predicate and evidence span',
      'SELECT 1 FROM facts GROUP BY subject_type, subject_id, predicate, value, passage_id, start, "end" HAVING count(*) > 1',
    ],
  ];
  const found: string[] = [];
  for (const [what, sql] of checks) {
    const n = db.prepare(sql).all().length;
    if (n > 0) found.push(`${what}: ${n} duplicated`);
  }
  return found;
}

/** Rows per table (a table the schema lacks counts -1, so a missing migration shows). */
export function counts(db: FileDB): Record<string, number> {
  return Object.fromEntries(
    STORE_TABLES.map((t) => {
      try {
        return [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n];
      } catch {
        return [t, -1];
      }
    }),
  );
}

/**
 * Each ingested document's slug with its passage, quote, mention and date counts: what an uninterrupted ingest
 * stores for an article, to compare a store after a crash or a backup against.
 */
export function documentShapes(db: FileDB): Map<string, string> {
  const rows = db
    .prepare(
      `SELECT d.slug,
        (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passages,
        (SELECT count(*) FROM quotes q JOIN passages p ON p.id = q.passage_id WHERE p.document_id = d.id) AS quotes,
        (SELECT count(*) FROM mentions m JOIN passages p ON p.id = m.passage_id WHERE p.document_id = d.id) AS mentions,
        (SELECT count(*) FROM date_mentions m JOIN passages p ON p.id = m.passage_id WHERE p.document_id = d.id) AS dates
      FROM documents d WHERE d.origin = 'ingest'`,
    )
    .all() as { slug: string; passages: number; quotes: number; mentions: number; dates: number }[];
  return new Map(
    rows.map((r) => [r.slug, `${r.passages} passages, ${r.quotes} quotes, ${r.mentions} mentions, ${r.dates} dates`]),
  );
}
