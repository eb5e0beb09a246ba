import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../store/db.js';
import { parseDateValue, type Precision } from './dates.js';

export const SEEDS_DIR = join(ROOT, 'seeds');
export const CORPUS_DIR = join(SEEDS_DIR, 'corpus');

export type FurnitureSpec = string | { from: string; through?: string; through_end?: boolean };

export interface ArticleSpec {
  slug: string;
  file: string;
  starts: string;
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url?: string | null;
  furniture?: FurnitureSpec[];
}

/** One article ready for the store: its exact text and where its page furniture lies. */
export interface Article {
  slug: string;
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  publishedPrecision: Precision | null;
  url: string | null;
  sourceFile: string;
  body: string;
  furniture: FurnitureSpec[];
  origin: 'seed' | 'ingest';
}

export class CorpusError extends Error {}

export function readDocumentSpecs(dir = SEEDS_DIR): ArticleSpec[] {
  const raw = parse(readFileSync(join(dir, 'documents.yaml'), 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new CorpusError('seeds/documents.yaml: expected a list of documents');
  return raw as ArticleSpec[];
}

/** Cuts every corpus file into the articles documents.yaml names, in file order. */
export function loadSeedArticles(dir = SEEDS_DIR): Article[] {
  const specs = readDocumentSpecs(dir);
  const byFile = new Map<string, ArticleSpec[]>();
  for (const s of specs) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s]);
  const articles: Article[] = [];
  for (const [file, list] of byFile) {
    const text = readFileSync(join(dir, 'corpus', file), 'utf8');
    const lines = text.split('\n');
    const lineStarts: number[] = [];
    let at = 0;
    for (const l of lines) {
      lineStarts.push(at);
      at += l.length + 1;
    }
    const located = list.map((spec) => {
      const idx = lines.findIndex((l) => l.trim() === spec.starts.trim());
      if (idx < 0)
        throw new CorpusError(`seeds/documents.yaml: ${spec.slug}: start line not found in ${file}: "${spec.starts}"`);
      return { spec, offset: lineStarts[idx]! };
    });
    located.sort((a, b) => a.offset - b.offset);
    located.forEach(({ spec, offset }, i) => {
      const end = located[i + 1]?.offset ?? text.length;
      const body = text.slice(offset, end).trimEnd();
      const date = spec.published ? parseDateValue(spec.published) : null;
      if (spec.published && !date)
        throw new CorpusError(`seeds/documents.yaml: ${spec.slug}: bad published date "${spec.published}"`);
      articles.push({
        slug: spec.slug,
        title: spec.title,
        outlet: spec.outlet ?? null,
        author: spec.author ?? null,
        published: date?.value ?? null,
        publishedPrecision: date?.precision ?? null,
        url: spec.url ?? null,
        sourceFile: `seeds/corpus/${file}`,
        body,
        furniture: spec.furniture ?? [],
        origin: 'seed',
      });
    });
  }
  const order = new Map(specs.map((s, i) => [s.slug, i]));
  return articles.sort((a, b) => order.get(a.slug)! - order.get(b.slug)!);
}
