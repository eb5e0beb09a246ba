import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NameIndex,
  foldFast,
  foldName,
  invalidateNameIndex,
  jaroWinkler,
  nameSimilarity,
  storeNameIndex,
} from '../../src/core/name-index.js';
import { autocomplete } from '../../src/core/resolve.js';
import { fold } from '../../src/store/fold.js';
import { Store } from '../../src/store/queries.js';
import { StoreWriter } from '../../src/store/write.js';
import { seededStore } from '../helpers/store.js';

const { db, store } = seededStore();

/** Slugs of the entities the store's index offers for a typed name, best first. */
function top(query: string, limit = 5): string[] {
  const names = storeNameIndex(store);
  return names.index.search(query, { limit }).map((h) => names.entities[h.entity]!.slug);
}

describe('Jaro-Winkler', () => {
  it('gives the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('cienfuegos', 'cienfuegos')).toBe(1);
    expect(jaroWinkler('amlo', 'xyz')).toBe(0);
  });
  it('compares a window of the second string without copying it', () => {
    expect(jaroWinkler('obrador', 'lopez obrador', 0, 7, 6, 7)).toBe(1);
  });
  it('ranks a full name above the same words inside a longer name', () => {
    expect(nameSimilarity('lopez obrador', 'lopez obrador')).toBe(1);
    expect(nameSimilarity('lopez obrador', 'andres manuel lopez obrador')).toBeLessThan(1);
    expect(nameSimilarity('lopez obrador', 'andres manuel lopez obrador')).toBeGreaterThan(0.85);
  });
});

describe('folding names', () => {
  it('folds exactly like the store, only faster', () => {
    const samples = [
      'Peña Nieto',
      'Ŀlorenç',
      'Σίσυφος ΟΔΟΣ',
      'e\u0301tienne',
      'Cártel — Unidad 7',
      '½ dose',
      'ǅemal',
      'Moody’s',
    ];
    for (const s of samples) expect(foldFast(s)).toBe(fold(s));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => foldFast(s) === fold(s)),
      { numRuns: 2000 },
    );
  });
  it('joins spelled-out initials but keeps a middle initial', () => {
    expect(foldName('C.N.D.H.')).toBe('cndh');
    expect(foldName('S. E. D. E. N. A.')).toBe('sedena');
    expect(foldName('William P. Barr')).toBe('william p barr');
    expect(foldName('U.S. Customs and Border Protection')).toBe('u s customs and border protection');
    expect(foldName('Nicole C. J')).toBe('nicole c j');
  });
});

describe('the name index over the seeded store', () => {
  it.each([
    // typos
    ['cienfuegso', 'salvador-cienfuegos-zepeda'],
    ['margarita zavla', 'margarita-zavala'],
    ['Claudia Shienbaum', 'claudia-sheinbaum'],
    ['sinaloa cartl', 'sinaloa-cartel'],
    ['merida iniciative', 'merida-initiative'],
    // missing accents, any case
    ['TOMAS ZERON', 'tomas-zeron'],
    ['joaquin guzman loera', 'joaquin-guzman-loera'],
    ['guillermo valdes castellanos', 'guillermo-valdes-castellanos'],
    // prefixes and partial names
    ['salvador cienf', 'salvador-cienfuegos-zepeda'],
    ['lopez obradr', 'andres-manuel-lopez-obrador'],
    ['valdes castellanos', 'guillermo-valdes-castellanos'],
    ['guzman loera', 'joaquin-guzman-loera'],
    // acronyms, typed every way
    ['cndh', 'national-human-rights-commission'],
    ['C.N.D.H.', 'national-human-rights-commission'],
    ['sedena', 'sedena'],
    ['SEDNA', 'sedena'],
  ])('"%s" finds %s among the first five', (query, slug) => {
    expect(top(query)).toContain(slug);
  });

  it('puts the exact alias first', () => {
    expect(top('napolitano')[0]).toBe('janet-napolitano');
    expect(top('Andrés Manuel López Obrador')[0]).toBe('andres-manuel-lopez-obrador');
  });

  it.each(['xqzv', 'zzzzzzz', 'qwpoeiruty', '!!!', '   ', ''])('finds nothing for garbage: "%s"', (query) => {
    expect(top(query)).toEqual([]);
  });

  it('finds every alias of the store by its own spelling, with a full score (a weak one a little less)', () => {
    const names = storeNameIndex(store);
    for (let e = 0; e < names.index.size; e++) {
      const full = names.index.weak(e) ? 0.98 : 1;
      const hits = names.index.search(names.index.alias(e), { limit: 10 });
      expect(hits.find((h) => h.entity === names.index.entity(e))?.score).toBeCloseTo(full, 6);
    }
  });

  it('limits a search to the groups asked for', () => {
    expect(autocomplete(store, 'policy', 'merida').every((e) => e.type === 'policy')).toBe(true);
    expect(autocomplete(store, 'event', 'cienfuegos').map((e) => e.slug)).toContain('cienfuegos-arrest');
    expect(autocomplete(store, 'event', 'cienfuegos').every((e) => e.type === 'event')).toBe(true);
  });

  it('completes a prefix with the shortest names first', () => {
    const names = storeNameIndex(store);
    const lengths = names.index.prefix('pe', 50).map((e) => names.index.folded(e).length);
    expect(lengths.length).toBeGreaterThan(1);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(names.index.prefix('pe', 50).every((e) => names.index.folded(e).startsWith('pe'))).toBe(true);
  });

  it('never throws on hostile input and never returns more than asked', () => {
    const names = storeNameIndex(store);
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 30 }), (q, limit) => {
        const hits = names.index.search(q, { limit });
        expect(hits.length).toBeLessThanOrEqual(limit);
        expect(new Set(hits.map((h) => h.entity)).size).toBe(hits.length);
        expect(names.index.complete(q, limit).length).toBeLessThanOrEqual(limit);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the per-store cache', () => {
  it('is built once per store and rebuilt when the alias table changes', () => {
    const first = storeNameIndex(store);
    expect(storeNameIndex(store)).toBe(first);
    expect(top('Zyxwv Qorlund')).toEqual([]);

    // An alias written by another connection (an ingest in another process) is seen on the next lookup.
    const w = new StoreWriter(db);
    const cisen = store.actor('cisen')!;
    db.transaction(() => w.insertAlias('actor', cisen.id, 'Zyxwv Qorlund', false))();
    const rebuilt = storeNameIndex(store);
    expect(rebuilt).not.toBe(first);
    expect(top('zyxwv qorlund')).toEqual(['cisen']);
    db.prepare("DELETE FROM aliases WHERE alias = 'Zyxwv Qorlund'").run();
    expect(top('zyxwv qorlund')).toEqual([]);
  });

  it('is dropped by invalidateNameIndex and kept apart per Store', () => {
    const before = storeNameIndex(store);
    invalidateNameIndex(store);
    expect(storeNameIndex(store)).not.toBe(before);
    const other = new Store(db);
    expect(storeNameIndex(other)).not.toBe(storeNameIndex(store));
  });
});

describe('the index on its own', () => {
  it('keeps one hit per entity unless asked for aliases', () => {
    const index = new NameIndex([
      { alias: 'Andrés Manuel López Obrador', entity: 0 },
      { alias: 'López Obrador', entity: 0 },
      { alias: 'AMLO', entity: 0 },
      { alias: 'López Obrador Hermanos', entity: 1, group: 1 },
    ]);
    expect(index.search('lopez obrador').map((h) => h.entity)).toEqual([0, 1]);
    expect(index.search('lopez obrador', { perEntity: false }).map((h) => h.entry)).toEqual([1, 3, 0]);
    expect(index.search('lopez obrador', { groups: 1 << 1 }).map((h) => h.entity)).toEqual([1]);
    expect(index.complete('amlo').map((h) => h.entity)).toEqual([0]);
  });
});
