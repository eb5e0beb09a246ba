import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Article, loadSeedArticles } from '../src/ingest/corpus.js';
import { ingestArticles } from '../src/ingest/batch.js';
import { seed } from '../src/ingest/pipeline.js';
import { openDb } from '../src/store/db.js';
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
  /** Newsroom articles added as `beatbook ingest` does (batched transactions, a savepoint each), into the seeded store. */
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
    const articles = newsroomArticles(opts.articles);
    const t = now();
    // As `beatbook ingest` does: one matcher for the run, batched transactions with a savepoint per article.
    const summary = ingestArticles(
      db,
      articles.map((a) => ({ name: a.slug, read: () => a })),
    );
    const documents = summary.added;
    const bytes = summary.bytes;
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
