import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'yaml';
import { slugify } from '../store/fold.js';
import type { Article } from './corpus.js';
import { parseDateValue } from './dates.js';

/** A problem with one input file, worded for the person who ran `ingest`. */
export class ArticleFileError extends Error {
  constructor(
    public file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/**
 * Reads a newsroom article: plain text (first line is the title) or Markdown with YAML front-matter
 * (title, outlet, author, published, url). Refuses what is not an article before anything is stored.
 */
export function readArticleFile(path: string): Article {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new ArticleFileError(path, 'is a directory, not an article file');
    if (!st.isFile()) throw new ArticleFileError(path, 'is not a regular file');
    size = st.size;
  } catch (e) {
    if (e instanceof ArticleFileError) throw e;
    throw new ArticleFileError(path, 'no such file');
  }
  if (size === 0) throw new ArticleFileError(path, 'is empty');
  if (size > MAX_ARTICLE_BYTES)
    throw new ArticleFileError(
      path,
      `is ${(size / 1048576).toFixed(0)} MB; articles are limited to ${MAX_ARTICLE_BYTES / 1048576} MB`,
    );
  const buf = Buffer.alloc(size);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buf, 0, size, 0);
  } finally {
    closeSync(fd);
  }
  if (buf.includes(0))
    throw new ArticleFileError(path, 'looks binary (it contains NUL bytes); expected plain text or Markdown');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new ArticleFileError(path, 'is not valid UTF-8 text');
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new ArticleFileError(path, 'is empty');

  let meta: Record<string, unknown> = {};
  let body = text;
  if (text.startsWith('---\n')) {
    const end = text.indexOf('\n---', 4);
    if (end < 0) throw new ArticleFileError(path, 'front-matter opened with --- is never closed');
    try {
      const parsed = parse(text.slice(4, end)) as unknown;
      if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) throw new Error('not a mapping');
      meta = (parsed ?? {}) as Record<string, unknown>;
    } catch (e) {
      throw new ArticleFileError(path, `front-matter is not valid YAML (${(e as Error).message.split('\n')[0]})`);
    }
    body = text.slice(text.indexOf('\n', end + 4) + 1 || text.length);
  }
  body = body.replace(/^\s*\n/, '').trimEnd();
  if (!body.trim()) throw new ArticleFileError(path, 'has front-matter but no article text');
  const str = (k: string): string | null => {
    const v = meta[k];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' && typeof v !== 'number' && !(v instanceof Date))
      throw new ArticleFileError(path, `front-matter "${k}" must be text`);
    return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
  };
  const firstLine = body
    .split('\n')
    .find((l) => l.trim())!
    .replace(/^#+\s*/, '')
    .trim();
  const title = (str('title') ?? firstLine).slice(0, 300);
  const publishedRaw = str('published');
  const published = publishedRaw ? parseDateValue(publishedRaw) : null;
  if (publishedRaw && !published)
    throw new ArticleFileError(
      path,
      `front-matter "published" must be YYYY, YYYY-MM or YYYY-MM-DD, not "${publishedRaw.slice(0, 40)}"`,
    );
  return {
    slug: slugify(title).slice(0, 60).replace(/-+$/, '') || slugify(basename(path)) || 'article',
    title,
    outlet: str('outlet'),
    author: str('author'),
    published: published?.value ?? null,
    publishedPrecision: published?.precision ?? null,
    url: str('url'),
    sourceFile: path,
    body,
    furniture: [],
    origin: 'ingest',
  };
}
