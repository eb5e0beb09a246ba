// The fixed corpus of hostile strings (test/fixtures/nasty-strings.json), expanded, and fast-check
// generators that mix it with arbitrary text.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';

type Entry = { family: string; text: string } | { family: string; repeat: string; times: number; note?: string };

export interface Nasty {
  family: string;
  text: string;
  /** A short printable name for test output: the family and the string's opening, escaped. */
  label: string;
}

const FIXTURE = new URL('../fixtures/nasty-strings.json', import.meta.url);

/** Every fixture string; the huge ones are built here from their {repeat, times} marker. */
export function loadNasty(): Nasty[] {
  const entries = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Entry[];
  return entries.map((e, i) => {
    const text = 'text' in e ? e.text : e.repeat.repeat(e.times);
    const opening = JSON.stringify(text.slice(0, 24)) + (text.length > 24 ? `…(${text.length})` : '');
    return { family: e.family, text, label: `#${i} ${e.family} ${opening}` };
  });
}

export const NASTY = loadNasty();

/**
 * A representative sample: `perFamily` strings of each family (spread across it), plus every huge string.
 * Deterministic, so a failure names the same input on every run.
 */
export function sampleNasty(perFamily: number): Nasty[] {
  const byFamily = new Map<string, Nasty[]>();
  for (const n of NASTY) byFamily.set(n.family, [...(byFamily.get(n.family) ?? []), n]);
  const out: Nasty[] = [];
  for (const [family, list] of byFamily) {
    if (family === 'huge') {
      out.push(...list);
      continue;
    }
    const step = Math.max(1, Math.floor(list.length / perFamily));
    for (let i = 0; i < list.length && out.filter((n) => n.family === family).length < perFamily; i += step)
      out.push(list[i]!);
  }
  return out;
}

/** Fixture strings short enough to combine in one line (the huge ones are tested on their own). */
const combinable = NASTY.filter((n) => n.text.length <= 400).map((n) => n.text);

/** One hostile fragment: a fixture string, or arbitrary UTF-16 (lone surrogates included), or graphemes. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...combinable) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(' ', ':', '"', '“', '”', "'", '«', '»', '\n', 'page:', 'limit:', 'speaker:'),
  },
);

/** Text built from up to six fragments, joined by nothing or by a space. */
export const mixedText: fc.Arbitrary<string> = fc
  .tuple(fc.array(fragment, { maxLength: 6 }), fc.boolean())
  .map(([parts, spaced]) => parts.join(spaced ? ' ' : ''));
