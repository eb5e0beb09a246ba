import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/store/db.js';
import { fold } from '../../src/store/fold.js';
import { seededStore } from '../helpers/store.js';

interface Gold {
  doc: string;
  text: string;
  speaker: string | null;
  partial: boolean;
}
interface Got {
  id: number;
  doc: string;
  text: string;
  speaker: string | null;
  label: string | null;
  method: string;
  aliases: string | null;
}

const gold = parse(readFileSync(join(ROOT, 'test/gold/quotes.yaml'), 'utf8')) as Gold[];
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const sameText = (a: string, b: string) => {
  const x = squash(a);
  const y = squash(b);
  return (
    x === y || ((x.includes(y) || y.includes(x)) && Math.min(x.length, y.length) / Math.max(x.length, y.length) >= 0.8)
  );
};

describe('quote extraction against the gold set (all 14 articles)', () => {
  const { db } = seededStore();
  const got = db
    .prepare(
      `SELECT q.id, d.slug AS doc, q.text, a.name AS speaker, q.speaker_label AS label, q.method,
        (SELECT group_concat(alias, '|') FROM aliases WHERE entity_type = 'actor' AND entity_id = a.id) AS aliases
      FROM quotes q JOIN passages p ON p.id = q.passage_id JOIN documents d ON d.id = p.document_id
      LEFT JOIN actors a ON a.id = q.speaker_actor_id`,
    )
    .all() as Got[];

  const pairs: { g: Gold; q: Got }[] = [];
  const used = new Set<number>();
  for (const g of gold) {
    const q = got.find((x) => !used.has(x.id) && x.doc === g.doc && sameText(x.text, g.text));
    if (q) {
      used.add(q.id);
      pairs.push({ g, q });
    }
  }
  const speakerRight = ({ g, q }: { g: Gold; q: Got }) => {
    if (g.speaker === null) return q.speaker === null;
    if (q.speaker === null) return false;
    const want = fold(g.speaker);
    const names = [q.speaker, ...(q.aliases ?? '').split('|')].map(fold).filter(Boolean);
    return names.some((n) => n === want || want.includes(n) || n.includes(want));
  };
  const precision = pairs.length / got.length;
  const recall = pairs.length / gold.length;
  const direct = pairs.filter((p) => !p.g.partial);
  const speakerAccuracy = pairs.filter(speakerRight).length / pairs.length;
  const directAccuracy = direct.filter(speakerRight).length / direct.length;

  it('reports its figures', () => {
    const wrong = pairs
      .filter((p) => !speakerRight(p))
      .map((p) => `${p.g.text.slice(0, 40)} → ${p.q.speaker ?? p.q.label} (gold ${p.g.speaker})`);
    const spurious = got.filter((q) => !used.has(q.id)).map((q) => q.text.slice(0, 50));
    console.log(
      JSON.stringify(
        {
          gold: gold.length,
          extracted: got.length,
          matched: pairs.length,
          precision,
          recall,
          speakerAccuracy,
          directAccuracy,
          wrong,
          spurious,
        },
        null,
        1,
      ),
    );
    expect(gold.length).toBeGreaterThanOrEqual(40);
  });
  it('is precise: at least 95% of extracted quotes are real quotes', () =>
    expect(precision).toBeGreaterThanOrEqual(0.95));
  it('finds at least 75% of the quotes in the gold set', () => expect(recall).toBeGreaterThanOrEqual(0.75));
  it('names the right speaker for at least 95% of direct quotes', () =>
    expect(directAccuracy).toBeGreaterThanOrEqual(0.95));

  const speakerOf = (start: string) => got.find((q) => q.text.startsWith(start))?.speaker;
  it('attributes a quote split by "said Zavala, adding" to Zavala, both halves', () => {
    expect(speakerOf('It shouldn’t be so difficult')).toBe('Margarita Zavala');
    expect(speakerOf('It shouldn’t cost you so much')).toBe('Margarita Zavala');
  });
  it('resolves "said the former head of Cisen" to the person the article says led Cisen', () => {
    expect(speakerOf('Under Peña, the use of Pegasus went wild')).toBe('Guillermo Valdés Castellanos');
  });
  it('resolves "he said" to the subject of the paragraph (Navarrete Prida)', () => {
    expect(speakerOf('There were no documents')).toBe('Alfonso Navarrete Prida');
  });
  it('keeps "writes X of Brookings" with X, not Brookings', () => {
    expect(speakerOf('Essentially, the law paralyzes')).toBe('Vanda Felbab-Brown');
  });
  it('leaves a pronoun unresolved when another subject stands between', () => {
    const q = got.find((x) => x.text.startsWith('There’s a long way to go'))!;
    expect(q.speaker).toBeNull();
  });
  it('skips scare quotes and titles of works', () => {
    for (const t of [
      'vetted',
      'transform',
      'Changing the Game or Dropping the Ball?',
      'root causes',
      'bargaining chip',
    ]) {
      expect(got.some((q) => squash(q.text) === t)).toBe(false);
    }
  });
});
