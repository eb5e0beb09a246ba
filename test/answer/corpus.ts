// Fixtures for the extractor's unit tests are sentences of the corpus itself: `line` fails loudly if a quoted
// sentence is not in seeds/corpus/ (whitespace runs aside), so a test can never drift into invented text.
import { readFileSync, readdirSync } from 'node:fs';

const dir = new URL('../../seeds/corpus/', import.meta.url);
const corpus = readdirSync(dir)
  .map((f) => readFileSync(new URL(f, dir), 'utf8'))
  .join('\n')
  .replace(/\s+/g, ' ');

/** A sentence quoted from the corpus, verbatim. */
export function line(text: string): string {
  if (!corpus.includes(text.replace(/\s+/g, ' '))) throw new Error(`not in the corpus: ${text}`);
  return text;
}
