/**
 * Newsroom articles for the fault tests, written to a temporary directory. They are built deterministically
 * from the seed corpus's own paragraphs (real reporting, real quotes and names), so ingest does its full work
 * on them — passages, mentions, dates, attributed quotes — and every run of a test sees the same files.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from '../../../src/ingest/corpus.js';

/** A small seeded PRNG (mulberry32): the same seed always gives the same articles and kill points. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Paragraphs of the corpus long enough to be reporting rather than headlines or furniture. */
function corpusParagraphs(): string[] {
  return readdirSync(CORPUS_DIR)
    .sort()
    .flatMap((f) => readFileSync(join(CORPUS_DIR, f), 'utf8').split(/\n\s*\n/))
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length >= 160 && p.length <= 1500);
}

const OUTLETS = ['Reuters', 'El Universal', 'Proceso', 'Animal Político', 'The Conversation'];

/**
 * Writes `count` Markdown articles of roughly `bytes` each (front-matter with title, outlet and a day-precision
 * date) into `dir` and returns their paths in order. Each article is a different draw of paragraphs, so no two
 * have the same content hash.
 */
export function writeArticles(dir: string, count: number, opts: { seed?: number; bytes?: number } = {}): string[] {
  const paragraphs = corpusParagraphs();
  const random = prng(opts.seed ?? 20261123);
  const target = opts.bytes ?? 3000;
  const files: string[] = [];
  for (let n = 1; n <= count; n++) {
    const body: string[] = [];
    let size = 0;
    while (size < target) {
      const p = paragraphs[Math.floor(random() * paragraphs.length)]!;
      body.push(p);
      size += p.length + 2;
    }
    const day = String(1 + (n % 28)).padStart(2, '0');
    const text = [
      '---',
      `title: "Security desk file ${n}: ${body[0]!
        .split(/[.,:;]/)[0]!
        .slice(0, 60)
        .replace(/"/g, "'")}"`,
      `outlet: ${OUTLETS[n % OUTLETS.length]}`,
      `published: 2021-${String(1 + (n % 12)).padStart(2, '0')}-${day}`,
      '---',
      ...body.map((p) => `${p}\n`),
    ].join('\n');
    const path = join(dir, `article-${String(n).padStart(3, '0')}.md`);
    writeFileSync(path, text);
    files.push(path);
  }
  return files;
}
