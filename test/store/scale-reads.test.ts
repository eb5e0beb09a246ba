import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateRange } from '../../src/ingest/dates.js';
import { fold } from '../../src/store/fold.js';
import { openDb } from '../../src/store/db.js';
import { type EventRow, type FactRow, type QuoteRow, Store } from '../../src/store/queries.js';
import { seededStore } from '../helpers/store.js';

/*
 * The reads that filter, order and page in SQL (so a ×1000 store reads one page) must return exactly what the
 * obvious whole-table filter in JavaScript returns on the real seeded store. Each reference below is that
 * obvious filter.
 */
const { db, store, path } = seededStore();

const allEvents = db.prepare('SELECT * FROM events WHERE date_start IS NOT NULL').all() as EventRow[];
const allFacts = db
  .prepare(
    `SELECT f.*, CASE f.subject_type WHEN 'actor' THEN (SELECT name FROM actors WHERE id = f.subject_id)
      WHEN 'event' THEN (SELECT title FROM events WHERE id = f.subject_id)
      ELSE (SELECT name FROM policies WHERE id = f.subject_id) END AS subject_name FROM facts f WHERE f.date IS NOT NULL`,
  )
  .all() as FactRow[];
const actorsOf = (eventId: number) =>
  (db.prepare('SELECT actor_id FROM event_actors WHERE event_id = ?').all(eventId) as { actor_id: number }[]).map(
    (r) => r.actor_id,
  );

const overlaps = (start: string, end: string | null, from: string, to: string) =>
  dateRange(start)!.from <= to && dateRange(end ?? start)!.to >= from;
const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
/** Every word of three letters or more starts a word of the text (folded), as the about: filter reads words. */
const hasWords = (text: string, words: string) => {
  const tokens = fold(text).split(' ');
  return fold(words)
    .split(' ')
    .filter((w) => w.length > 2)
    .every((w) => tokens.some((t) => t.startsWith(w)));
};

// Ranges as a reporter types them: years, months and days from 1960 to 2030, in either precision.
const year = fc.integer({ min: 1960, max: 2030 }).map(String);
const dateArb = fc.oneof(
  year,
  fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc
    .tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const rangeArb = fc.tuple(fc.option(dateArb), fc.option(dateArb)).map(([a, b]) => ({
  from: a ? dateRange(a)!.from : '0000-01-01',
  to: b ? dateRange(b)!.to : '9999-12-31',
}));

describe('timeline reads in SQL', () => {
  it('events and facts overlapping any range are exactly those the dates say, a year or month kept whole', () => {
    fc.assert(
      fc.property(rangeArb, ({ from, to }) => {
        const f = { from, to, limit: 100_000 };
        expect(ids(store.timelineEvents(f))).toEqual(
          ids(allEvents.filter((e) => overlaps(e.date_start!, e.date_end, from, to))),
        );
        expect(ids(store.timelineFacts(f))).toEqual(ids(allFacts.filter((x) => overlaps(x.date!, null, from, to))));
        expect(store.timelineCount(f)).toBe(store.timelineEvents(f).length + store.timelineFacts(f).length);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a year-precision fact for a range inside that year, and an event spanning into the range', () => {
    // "Cisen extensively used Pegasus from 2014 to 2017": an event from 2014 to 2017, found for 2016 alone.
    const spans = store.timelineEvents({ from: '2016-03-01', to: '2016-03-31', limit: 50 });
    expect(spans.map((e) => e.title)).toContain("CISEN's extensive use of Pegasus");
    const yearFact = allFacts.find((x) => x.date!.length === 4)!;
    const inside = `${yearFact.date}-06-15`;
    expect(ids(store.timelineFacts({ from: inside, to: inside, limit: 500 }))).toContain(yearFact.id);
  });

  it('returns rows earliest first, and a limit keeps the earliest', () => {
    const f = { from: '0000-01-01', to: '9999-12-31', limit: 100_000 };
    const facts = store.timelineFacts(f);
    expect(facts.map((x) => x.date)).toEqual([...facts.map((x) => x.date!)].sort());
    expect(store.timelineFacts({ ...f, limit: 7 })).toEqual(facts.slice(0, 7));
    const events = store.timelineEvents(f);
    expect(store.timelineEvents({ ...f, limit: 5 })).toEqual(events.slice(0, 5));
    expect(store.timelineCount({ ...f, limit: 3 })).toBe(6); // each of the two kinds counted up to the limit
  });

  it('an actor filter keeps what that actor is party to', () => {
    const actorIds = [...new Set(allFacts.filter((x) => x.subject_type === 'actor').map((x) => x.subject_id))];
    for (const actorId of actorIds.slice(0, 40)) {
      const f = { from: '0000-01-01', to: '9999-12-31', limit: 100_000, actorId };
      expect(ids(store.timelineFacts(f))).toEqual(
        ids(
          allFacts.filter(
            (x) =>
              (x.subject_type === 'actor' && x.subject_id === actorId) ||
              (x.object_type === 'actor' && x.object_id === actorId),
          ),
        ),
      );
      expect(ids(store.timelineEvents(f))).toEqual(ids(allEvents.filter((e) => actorsOf(e.id).includes(actorId))));
    }
  });

  it('about: words match word starts in a fact (with its subject) or an event (title and summary), any accents', () => {
    for (const words of ['pegasus', 'PEGAS', 'spyware', 'national guard', 'Peña', 'pena nieto', 'ayotzinapa 43']) {
      const f = { from: '0000-01-01', to: '9999-12-31', limit: 100_000, aboutWords: words };
      const facts = ids(store.timelineFacts(f));
      expect(facts).toEqual(ids(allFacts.filter((x) => hasWords(`${x.value} ${x.subject_name}`, words))));
      expect(ids(store.timelineEvents(f))).toEqual(
        ids(allEvents.filter((e) => hasWords(`${e.title} ${e.summary ?? ''}`, words))),
      );
    }
    expect(
      ids(store.timelineFacts({ from: '0000-01-01', to: '9999-12-31', limit: 100, aboutWords: 'pegasus' })),
    ).not.toEqual([]);
    // Words too short to mean anything match nothing, rather than everything.
    expect(store.timelineFacts({ from: '0000-01-01', to: '9999-12-31', limit: 100, aboutWords: 'a of' })).toEqual([]);
  });
});

describe('quote reads in SQL', () => {
  const allQuotes = db
    .prepare(
      `SELECT q.*, d.published FROM quotes q JOIN passages p ON p.id = q.passage_id JOIN documents d ON d.id = p.document_id`,
    )
    .all() as QuoteRow[];
  const mentioned = (type: string, id: number) =>
    new Set(
      (
        db.prepare('SELECT passage_id FROM mentions WHERE entity_type = ? AND entity_id = ?').all(type, id) as {
          passage_id: number;
        }[]
      ).map((r) => r.passage_id),
    );

  it('filters by speaker, entity and date range exactly, newest document first', () => {
    const speakers = [...new Set(allQuotes.map((q) => q.speaker_actor_id).filter((x): x is number => x !== null))];
    for (const speakerId of speakers) {
      const got = store.quotes({ speakerId }, 500);
      expect(ids(got)).toEqual(ids(allQuotes.filter((q) => q.speaker_actor_id === speakerId)));
      const dates = got.map((q) => q.published ?? '');
      expect(dates.filter(Boolean)).toEqual([...dates.filter(Boolean)].sort().reverse());
    }
    const cisen = db
      .prepare("SELECT entity_type AS type, entity_id AS id FROM aliases WHERE folded = 'cisen'")
      .get() as {
      type: 'actor' | 'event' | 'policy';
      id: number;
    };
    const inPassages = mentioned(cisen.type, cisen.id);
    expect(ids(store.quotes({ aboutEntity: cisen }, 500))).toEqual(
      ids(allQuotes.filter((q) => inPassages.has(q.passage_id))),
    );
    const from = '2017-01-01';
    const to = '2018-12-31';
    expect(ids(store.quotes({ from, to }, 500))).toEqual(
      ids(allQuotes.filter((q) => q.published && overlaps(q.published, null, from, to))),
    );
    const count = store.quoteCount({ from, to }, 1000);
    expect(count.found).toBe(store.quotes({ from, to }, 500).length);
    expect(count.undated).toBe(allQuotes.filter((q) => !q.published).length);
  });

  it('pages are consecutive slices of one order, with and without a filter', () => {
    for (const f of [{}, { text: 'Pegasus' }, { from: '2010-01-01' }]) {
      const all = store.quotes(f, 500);
      expect(all.length).toBeGreaterThan(2);
      expect([...store.quotes(f, 2, 0), ...store.quotes(f, 2, 2)]).toEqual(all.slice(0, 4));
    }
  });

  it('finds a quote by its words, the best match first', () => {
    const got = store.quotes({ text: 'went wild' }, 5);
    expect(got[0]?.text).toContain('the use of Pegasus went wild');
    expect(store.quotes({ text: '"; DROP TABLE quotes; --' }, 5)).toEqual([]);
  });

  it('quotes in passages naming an entity are the same read either way (rare: by mentions; frequent: by quotes)', () => {
    const byMentions = new Store(db, { frequentMentions: Number.MAX_SAFE_INTEGER });
    const byQuotes = new Store(db, { frequentMentions: 0 });
    const entities = db
      .prepare('SELECT DISTINCT entity_type AS type, entity_id AS id FROM mentions LIMIT 60')
      .all() as { type: 'actor' | 'event' | 'policy'; id: number }[];
    let nonEmpty = 0;
    for (const e of entities) {
      const a = byMentions.quotesMentioning(e.type, e.id, 20);
      expect(byQuotes.quotesMentioning(e.type, e.id, 20)).toEqual(a);
      if (a.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(10);
  });
});

describe('a read-only query connection', () => {
  it('serves every read, refuses any write, and leaves writes to the writer connection', () => {
    const reader = openDb(path, { readonly: true });
    const ro = new Store(reader, { writer: db });
    expect(ro.timelineFacts({ from: '2014-01-01', to: '2014-12-31', limit: 5 }).length).toBeGreaterThan(0);
    expect(() => reader.prepare('DELETE FROM quotes').run()).toThrow(/readonly/i);
    expect(ro.writer).toBe(db);
    reader.close();
  });
});
