import type { DB } from '../store/db.js';
import { loadAliasEntries } from '../store/read-ingest.js';
import { StoreWriter } from '../store/write.js';
import type { Article } from './corpus.js';
import { AliasMatcher } from './mentions.js';
import { addArticle, extractDocument } from './pipeline.js';

/** One article to add: `read` may throw (a missing or malformed file), which fails that article alone. */
export interface IngestItem {
  name: string;
  read: () => Article;
}

export type IngestOutcome =
  | { name: string; status: 'added'; documentId: number; passages: number; quotes: number; bytes: number }
  | { name: string; status: 'unchanged' }
  | { name: string; status: 'failed'; error: unknown };

export interface IngestOptions {
  /** Commit once this much article text is pending (default 4 MiB)… */
  batchBytes?: number;
  /** …or this many articles (default 200). */
  batchArticles?: number;
  /** Called for each article once its batch is committed, so what it reports is durable. */
  onOutcome?: (o: IngestOutcome) => void;
}

export interface IngestSummary {
  added: number;
  unchanged: number;
  failed: number;
  bytes: number;
  commits: number;
}

/**
 * Adds articles in batches: one transaction per batch, a savepoint per article. A commit per article made the
 * FTS index flush and the WAL grow for every file (1.2 MB/s); a batch pays that once. A bad article rolls back
 * to its savepoint and the batch goes on; a crash loses at most the uncommitted batch, which a re-run adds
 * (content already stored is recognised by its hash and left unchanged).
 */
export function ingestArticles(db: DB, items: Iterable<IngestItem>, opts: IngestOptions = {}): IngestSummary {
  const batchBytes = opts.batchBytes ?? 4 * 1024 * 1024;
  const batchArticles = opts.batchArticles ?? 200;
  const w = new StoreWriter(db);
  // Every article of the run is matched against the aliases as they were when it started.
  const matcher = new AliasMatcher(loadAliasEntries(db));
  const summary: IngestSummary = { added: 0, unchanged: 0, failed: 0, bytes: 0, commits: 0 };
  type Pending = { name: string; article: Article } | { name: string; error: unknown };
  const one = db.transaction((name: string, article: Article): IngestOutcome => {
    const id = addArticle(w, article);
    if (id === null) return { name, status: 'unchanged' };
    const { quotes, passages } = extractDocument(db, w, id, matcher);
    return { name, status: 'added', documentId: id, passages, quotes, bytes: Buffer.byteLength(article.body) };
  });
  const batch = db.transaction((chunk: Pending[]): IngestOutcome[] =>
    chunk.map((p) => {
      if ('error' in p) return { name: p.name, status: 'failed', error: p.error };
      try {
        // Nested in the batch's transaction, better-sqlite3 runs this as a savepoint: a failure undoes this
        // article alone.
        return one(p.name, p.article);
      } catch (error) {
        return { name: p.name, status: 'failed', error };
      }
    }),
  );
  const flush = (chunk: Pending[]) => {
    if (chunk.length === 0) return;
    // IMMEDIATE: take the write lock when the batch starts, not at its first write — a read-then-write
    // transaction fails with SQLITE_BUSY_SNAPSHOT if the bot commits (button state, digest ledger) in between.
    const outcomes = batch.immediate(chunk);
    summary.commits++;
    for (const o of outcomes) {
      if (o.status === 'added') {
        summary.added++;
        summary.bytes += o.bytes;
      } else summary[o.status]++;
      opts.onOutcome?.(o);
    }
  };
  // Files are read before their batch's transaction opens, so no write lock is held during file I/O.
  let chunk: Pending[] = [];
  let pending = 0;
  for (const item of items) {
    try {
      const article = item.read();
      chunk.push({ name: item.name, article });
      pending += Buffer.byteLength(article.body);
    } catch (error) {
      chunk.push({ name: item.name, error });
    }
    if (chunk.length >= batchArticles || pending >= batchBytes) {
      flush(chunk);
      chunk = [];
      pending = 0;
    }
  }
  flush(chunk);
  return summary;
}
