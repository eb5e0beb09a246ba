import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Article, loadSeedArticles } from '../src/ingest/corpus.js';
import { AliasMatcher } from '../src/ingest/mentions.js';
import { addArticle, extractDocument, seed } from '../src/ingest/pipeline.js';
import { openDb } from '../src/store/db.js';
import { loadAliasEntries } from '../src/store/read-ingest.js';
import { StoreWriter } from '../src/store/write.js';
import { median, now, peakRssMb } from './measure.js';
import { personName } from './names.js';
import { Rng } from './prng.js';
import { BigramText } from './synth-text.js';

export interface IngestResult {
  /** `seed` from an empty store, each run on a new database file. */
  seedRunsMs: number[];
  seedMedianMs: number;
  seedDocuments: number;
  seedBytes: number;
  /** Newsroom articles added one transaction each, as `beatbook ingest` does, into the seeded store. */
  articles: { documents: number; bytes: number; ms: number; mbPerS: number; docsPerS: number };
  peakRssMb: number;
}

/** Articles like the corpus: prose learnt from it, quotes of the people it names, dates. */
export function newsroomArticles(count: number): Article[] {
  const seeds = loadSeedArticles();
  const text = new BigramText(seeds);
  const rng = new Rng('bench-ingest');
  const speakers = [
    'Margarita Zavala',
    'Enrique Peña Nieto',
    'Alejandro Encinas',
    'Claudia Sheinbaum',
    'Vidulfo Rosales',
  ];
  const out: Article[] = [];
  for (let i = 0; i < count; i++) {
    const paragraphs: string[] = [];
    while (paragraphs.join('\n\n').length < 10_000) {
      const parts = [text.sentence(rng), text.sentence(rng)];
      if (rng.chance(0.25)) parts.push(`“${text.clause(rng)},” said ${rng.pick(speakers)}.`);
      paragraphs.push(parts.join(' '));
    }
    out.push({
      slug: `bench-article-${i}`,
      title: text.sentence(rng).slice(0, 80),
      outlet: 'Bench Wire',
      author: personName(rng).name,
      published: `20${String(10 + (i % 15))}-0${1 + (i % 9)}-1${i % 10}`,
      publishedPrecision: 'day',
      url: null,
      sourceFile: `bench/article-${i}.txt`,
      body: paragraphs.join('\n\n'),
      furniture: [],
      origin: 'ingest',
    });
  }
  return out;
}

export function benchIngest(opts: { seedRuns: number; articles: number }): IngestResult {
  const dir = mkdtempSync(join(tmpdir(), 'beatbook-bench-ingest-'));
  try {
    const seedRunsMs: number[] = [];
    for (let i = 0; i < opts.seedRuns; i++) {
      const db = openDb(join(dir, `seed-${i}.sqlite`));
      const t = now();
      seed(db, undefined, { progress: false });
      seedRunsMs.push(now() - t);
      db.close();
    }
    const seeds = loadSeedArticles();

    const db = openDb(join(dir, 'seed-0.sqlite'));
    const w = new StoreWriter(db);
    const articles = newsroomArticles(opts.articles);
    const t = now();
    // As the CLI does: one matcher for the run, one transaction per article.
    const matcher = new AliasMatcher(loadAliasEntries(db));
    let documents = 0;
    let bytes = 0;
    for (const a of articles) {
      db.transaction(() => {
        const id = addArticle(w, a);
        if (id !== null) {
          extractDocument(db, w, id, matcher);
          documents++;
          bytes += Buffer.byteLength(a.body);
        }
      })();
    }
    const ms = now() - t;
    db.close();
    return {
      seedRunsMs,
      seedMedianMs: median(seedRunsMs),
      seedDocuments: seeds.length,
      seedBytes: seeds.reduce((n, a) => n + Buffer.byteLength(a.body), 0),
      articles: { documents, bytes, ms, mbPerS: bytes / 1048576 / (ms / 1000), docsPerS: documents / (ms / 1000) },
      peakRssMb: peakRssMb(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
