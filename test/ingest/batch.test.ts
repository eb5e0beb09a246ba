import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/ingest/corpus.js';
import { ingestArticles, type IngestOutcome } from '../../src/ingest/batch.js';
import { tokens } from '../../src/ingest/mentions.js';
import { openDb } from '../../src/store/db.js';
import { fold, foldWord } from '../../src/store/fold.js';
import { seededStore, snapshot } from '../helpers/store.js';

const { db, path } = seededStore();

/** A newsroom article built from a corpus sentence, so extraction finds real names and a real quote. */
function article(slug: string, paragraphs: string[]): Article {
  return {
    slug,
    title: `Test ${slug}`,
    outlet: 'Test Desk',
    author: null,
    published: '2026-11-20',
    publishedPrecision: 'day',
    url: null,
    sourceFile: `${slug}.md`,
    body: paragraphs.join('\n\n'),
    furniture: [],
    origin: 'ingest',
  };
}
const quoted = (n: number) => [
  `Report ${n}. Salvador Cienfuegos was arrested at the Los Angeles airport, the desk confirmed.`,
  `“Under Peña, the use of Pegasus went wild,” said Guillermo Valdés Castellanos in interview ${n}.`,
];

describe('ingestArticles', () => {
  it('adds a batch in one commit, a failed article undone to its savepoint and the rest kept', () => {
    const before = snapshot(db);
    // Fails inside the article's writes: the document and its first passage are in before the second fails.
    db.exec(`CREATE TEMP TRIGGER failpoint BEFORE INSERT ON passages WHEN new.text LIKE '%FAILPOINT%'
      BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    const outcomes: IngestOutcome[] = [];
    const items = [
      { name: 'a', read: () => article('batch-a', quoted(1)) },
      { name: 'b', read: () => article('batch-b', [...quoted(2), 'FAILPOINT paragraph.']) },
      {
        name: 'missing',
        read: () => {
          throw new Error('no such file');
        },
      },
      { name: 'c', read: () => article('batch-c', quoted(3)) },
    ];
    const summary = ingestArticles(db, items, { onOutcome: (o) => outcomes.push(o) });
    expect(summary).toMatchObject({ added: 2, failed: 2, unchanged: 0, commits: 1 });
    expect(outcomes.map((o) => `${o.name}:${o.status}`)).toEqual(['a:added', 'b:failed', 'missing:failed', 'c:added']);
    const slugs = (
      db.prepare("SELECT slug FROM documents WHERE slug LIKE 'batch-%' ORDER BY slug").all() as {
        slug: string;
      }[]
    ).map((r) => r.slug);
    expect(slugs).toEqual(['batch-a', 'batch-c']);
    // Nothing of b survives: not its document, not its first passage, not its quote.
    expect(db.prepare("SELECT count(*) AS n FROM passages WHERE text LIKE 'Report 2.%'").get()).toEqual({ n: 0 });
    const after = snapshot(db);
    expect(after.documents! - before.documents!).toBe(2);
    expect(after.quotes! - before.quotes!).toBe(2);
    const added = outcomes.find((o) => o.name === 'a');
    expect(added).toMatchObject({ status: 'added', passages: 2, quotes: 1 });
    db.exec('DROP TRIGGER failpoint');

    // A re-run recognises what is stored and adds what failed.
    const again = ingestArticles(
      db,
      items.filter((i) => i.name !== 'missing'),
    );
    expect(again).toMatchObject({ added: 1, unchanged: 2, failed: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM documents WHERE slug = ?').get('batch-b')).toEqual({ n: 1 });
  });

  it('commits in batches, and reports an article only once its batch is durable', () => {
    const reader = openDb(path, { readonly: true });
    const visible: boolean[] = [];
    const items = Array.from({ length: 7 }, (_, i) => ({
      name: `d${i}`,
      read: () => article(`durable-${i}`, quoted(100 + i)),
    }));
    const summary = ingestArticles(db, items, {
      batchArticles: 3,
      onOutcome: (o) =>
        visible.push(
          o.status === 'added' &&
            reader.prepare('SELECT 1 FROM documents WHERE id = ?').get(o.documentId) !== undefined,
        ),
    });
    expect(summary).toMatchObject({ added: 7, commits: 3 });
    expect(visible).toEqual(Array(7).fill(true));
    reader.close();
  });

  it('attributes to "the constructor" (a name Object.prototype holds) without failing the article', () => {
    const summary = ingestArticles(db, [
      {
        name: 'constructor',
        read: () =>
          article('constructor-quote', [
            'Work on the border wall stopped in March.',
            '“We were told to leave the site,” said the constructor.',
          ]),
      },
    ]);
    expect(summary).toMatchObject({ added: 1, failed: 0 });
  });

  it('two copies of one article in a batch store it once', () => {
    const a = article('twice', quoted(200));
    const summary = ingestArticles(db, [
      { name: 'first', read: () => a },
      { name: 'second', read: () => ({ ...a, slug: 'twice-again' }) },
    ]);
    expect(summary).toMatchObject({ added: 1, unchanged: 1 });
  });
});

describe('fold fast paths', () => {
  const slowFold = (t: string) =>
    t
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();

  // ASCII mixed with every character of the punctuation fast path, and the letters and digits around it.
  const typeset = fc.string({
    unit: fc.oneof(
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
      fc.integer({ min: 0x9f, max: 0xc0 }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0x1ff0, max: 0x20a0 }).map((c) => String.fromCharCode(c)),
    ),
  });

  it('fold gives the Unicode result for any text, ASCII or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii' }), typeset), (t) => {
        expect(fold(t)).toBe(slowFold(t));
      }),
      { numRuns: 2000 },
    );
    expect(fold('Peña Nieto — “SEDENA”')).toBe('pena nieto sedena');
    expect(fold('“It’s the army’s job,” he said…\u00a0¹')).toBe('it s the army s job he said 1');
  });

  it('foldWord agrees with fold on every word the tokeniser yields', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (t) => {
        for (const tok of tokens(t)) expect(tok.folded).toBe(fold(tok.raw));
      }),
      { numRuns: 1000 },
    );
    expect(foldWord('Cienfuegos')).toBe('cienfuegos');
    expect(foldWord('Peña')).toBe('pena');
  });
});
