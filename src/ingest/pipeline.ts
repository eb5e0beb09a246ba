import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DB } from '../store/db.js';
import { documentAddedTimes, restoreAddedTimes } from '../store/digest.js';
import { allDocumentIds, documentPassages, getMeta, loadAliasEntries } from '../store/read-ingest.js';
import { StoreWriter, clearStore } from '../store/write.js';
import { type Article, SEEDS_DIR, loadSeedArticles } from './corpus.js';
import { loadCurated } from './curated.js';
import { findDates } from './dates.js';
import { findFurniture } from './furniture.js';
import { AliasMatcher } from './mentions.js';
import { splitPassages } from './passages.js';
import { Progress } from './progress.js';
import { extractQuotes } from './quotes.js';

export function contentHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC')).digest('hex');
}

/** A fingerprint of everything in seeds/: when it changes, the store is rebuilt. */
export function seedsHash(dir = SEEDS_DIR): string {
  const h = createHash('sha256');
  const files = [
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort(),
    ...readdirSync(join(dir, 'corpus'))
      .sort()
      .map((f) => `corpus/${f}`),
  ];
  for (const f of files)
    h.update(f)
      .update('\0')
      .update(readFileSync(join(dir, f)))
      .update('\0');
  return h.digest('hex');
}

/** Inserts one article and its passages; returns its id, or null when identical content is already stored. */
export function addArticle(w: StoreWriter, a: Article): number | null {
  const hash = contentHash(a.body);
  if (w.findDocumentByHash(hash)) return null;
  let slug = a.slug;
  for (let n = 2; w.slugTaken(slug); n++) slug = `${a.slug}-${n}`;
  const id = w.insertDocument({ ...a, slug, hash });
  const furniture = findFurniture(a.body, a.furniture);
  splitPassages(a.body, furniture).forEach((p, i) => w.insertPassage(id, i, p.start, p.end, p.text));
  return id;
}

/** Automatic extraction for one stored document: mentions of known entities, dates, attributed quotes. */
export function extractDocument(
  db: DB,
  w: StoreWriter,
  documentId: number,
  matcher: AliasMatcher,
): { quotes: number; passages: number } {
  const passages = documentPassages(db, documentId);
  // One matching pass per passage serves both the mentions table and quote attribution.
  const mentions = passages.map((p) => matcher.find(p.text));
  passages.forEach((p, i) => {
    for (const m of mentions[i]!) w.insertMention(p.id, m.entityType, m.entityId, p.start + m.start, p.start + m.end);
    for (const d of findDates(p.text))
      w.insertDateMention(p.id, p.start + d.start, p.start + d.end, d.text, d.value, d.precision);
  });
  const quotes = extractQuotes(passages, matcher, mentions);
  for (const q of quotes) {
    w.insertQuote({
      text: q.text,
      speakerActorId: q.speakerActorId,
      speakerLabel: q.speakerLabel,
      passageId: passages[q.passageIndex]!.id,
      start: q.start,
      end: q.end,
      confidence: q.confidence,
      method: q.method,
      partial: q.partial ? 1 : 0,
    });
  }
  return { quotes: quotes.length, passages: passages.length };
}

export interface SeedResult {
  documents: number;
  actors: number;
  events: number;
  policies: number;
  facts: number;
  quotes: number;
}

/**
 * Rebuilds the store from seeds/ in one transaction: documents and passages, the curated beat book (refused
 * whole if any evidence is missing), then extraction over every document. Newsroom articles added with
 * `ingest` are kept: they are re-extracted against the new aliases.
 */
export function seed(db: DB, dir = SEEDS_DIR, opts: { progress?: boolean; hash?: string } = {}): SeedResult {
  const articles = loadSeedArticles(dir);
  const hash = opts.hash ?? seedsHash(dir);
  const w = new StoreWriter(db);
  const kept = db
    .prepare(
      "SELECT slug, title, outlet, author, published, published_precision AS publishedPrecision, url, source_file AS sourceFile, body FROM documents WHERE origin = 'ingest' ORDER BY id",
    )
    .all() as Omit<Article, 'furniture' | 'origin'>[];
  return db.transaction(() => {
    const run = w.startRun('seed');
    // Documents keep the time they first entered the archive, or the digest would call the corpus new again.
    const addedAt = documentAddedTimes(db);
    clearStore(db);
    // Two steps per document: storing it, then extracting from it once the curated aliases are loaded.
    const progress = new Progress(2 * (articles.length + kept.length), 'seeding', opts.progress !== false);
    let n = 0;
    for (const a of articles) {
      addArticle(w, a);
      progress.tick(++n, a.slug);
    }
    for (const k of kept) {
      addArticle(w, { ...k, furniture: [], origin: 'ingest' });
      progress.tick(++n, k.slug);
    }
    restoreAddedTimes(db, addedAt);
    const curated = loadCurated(db, w, dir);
    const matcher = new AliasMatcher(loadAliasEntries(db));
    let quotes = 0;
    for (const id of allDocumentIds(db)) {
      quotes += extractDocument(db, w, id, matcher).quotes;
      progress.tick(++n, 'extracting');
    }
    progress.done();
    w.setMeta('seeds_hash', hash);
    w.setMeta('seeded_at', new Date().toISOString());
    w.finishRun(run, articles.length + kept.length, 0, hash);
    return { documents: articles.length + kept.length, ...curated, quotes };
  })();
}

/** Builds the store when it is empty or older than seeds/. Returns true when it (re)built. */
export function ensureSeeded(db: DB, dir = SEEDS_DIR): boolean {
  if (!existsSync(dir)) return false;
  const hash = seedsHash(dir);
  if (getMeta(db, 'seeds_hash') === hash) return false;
  seed(db, dir, { hash });
  return true;
}
