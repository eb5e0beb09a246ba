// AliasMatcher finds names by longest match over folded words. It indexes names by their first two words so
// that a large store's thousands of "José …" names are not all tried at every "José"; these tests hold it to
// the plain definition — try every name, longest first — on the corpus's own names and on generated ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AliasEntry, AliasMatcher, type Mention, tokens } from '../../src/ingest/mentions.js';
import { fold } from '../../src/store/fold.js';
import { loadAliasEntries } from '../../src/store/read-ingest.js';
import { seededStore } from '../helpers/store.js';

/** The definition: at each word, every (non-weak) name in longest-first order; the first that fits wins. */
function reference(entries: AliasEntry[], text: string, anyCase: boolean): Mention[] {
  const names = entries
    .filter((e) => !e.weak)
    .map((entry) => ({ entry, words: fold(entry.alias).split(' ').filter(Boolean) }))
    .filter((n) => n.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length);
  const toks = tokens(text);
  const out: Mention[] = [];
  for (let i = 0; i < toks.length; i++) {
    for (const n of names) {
      if (!n.words.every((w, k) => toks[i + k]?.folded === w)) continue;
      const first = toks[i]!;
      const last = toks[i + n.words.length - 1]!;
      const acronym = /^[\p{Lu}\p{N}]{2,6}$/u.test(n.entry.alias.replace(/[.\s]/g, ''));
      if (acronym && text.slice(first.start, last.end).replace(/[.\s]/g, '') !== n.entry.alias.replace(/[.\s]/g, ''))
        continue;
      if (!anyCase && !/^[\p{Lu}\p{N}]/u.test(first.raw)) continue;
      out.push({
        entityType: n.entry.entityType,
        entityId: n.entry.entityId,
        kind: n.entry.kind,
        start: first.start,
        end: last.end,
      });
      i += n.words.length - 1;
      break;
    }
  }
  return out;
}

describe('AliasMatcher', () => {
  const { db } = seededStore();
  const entries = loadAliasEntries(db);
  const passages = (db.prepare('SELECT text FROM passages ORDER BY id').all() as { text: string }[]).map((r) => r.text);

  it('finds in every corpus passage exactly what trying every name longest-first finds', () => {
    for (const anyCase of [false, true]) {
      const m = new AliasMatcher(entries, { anyCase });
      let found = 0;
      for (const p of passages) {
        const got = m.find(p);
        expect(got).toEqual(reference(entries, p, anyCase));
        found += got.length;
      }
      // The corpus names its people: the comparison is over real matches, not empty lists.
      expect(found).toBeGreaterThan(500);
    }
  });

  it('prefers the longest name among many that share their first words', () => {
    const name = (alias: string, entityId: number): AliasEntry => ({
      entityType: 'actor',
      entityId,
      alias,
      kind: 'person',
      weak: false,
    });
    const m = new AliasMatcher([
      name('José', 1),
      name('José Luis', 2),
      name('José Luis Vergara', 3),
      name('José María', 4),
      name('José Luis Vergara Ochoa', 5),
    ]);
    const at = (text: string) => m.find(text).map((x) => [x.entityId, text.slice(x.start, x.end)]);
    expect(at('Then José Luis Vergara Ochoa spoke')).toEqual([[5, 'José Luis Vergara Ochoa']]);
    expect(at('Then José Luis Vergara spoke')).toEqual([[3, 'José Luis Vergara']]);
    expect(at('José Luis and José María and José alone')).toEqual([
      [2, 'José Luis'],
      [4, 'José María'],
      [1, 'José'],
    ]);
  });

  it('agrees with the definition on generated names and texts sharing a small vocabulary', () => {
    const word = fc.constantFrom('José', 'Luis', 'jose', 'PRI', 'María', 'Peña', 'Nieto', 'de', 'la', 'Cruz');
    const entry = fc.record({
      entityType: fc.constant('actor' as const),
      entityId: fc.integer({ min: 1, max: 30 }),
      alias: fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' ')),
      kind: fc.constant('person'),
      weak: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 40 }),
        fc.array(word, { maxLength: 30 }),
        fc.boolean(),
        (es, ws, anyCase) => {
          const text = ws.join(' ');
          expect(new AliasMatcher(es, { anyCase }).find(text)).toEqual(reference(es, text, anyCase));
        },
      ),
      { numRuns: 500 },
    );
  });
});
