// Bounds on what a chat line can ask for: the length of a line and of each value, and the rows an answer may
// hold — on the seeded store and on a store grown to ×14 the seeds (bench/scale-store.ts), where the caps bite.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildScaledStore } from '../../bench/scale-store.js';
import { MAX_EVENTS_ON } from '../../commands/event.js';
import { registry } from '../../commands/index.js';
import { MAX_QUOTES as QUOTE_CAP } from '../../commands/quote.js';
import { MAX_PASSAGES, MAX_QUOTES } from '../../commands/search.js';
import { type Context, MAX_LINE } from '../../src/core/command.js';
import { dispatchCommand, dispatchLine } from '../../src/core/dispatch.js';
import type { Reply } from '../../src/core/reply.js';
import { type DB, openDb } from '../../src/store/db.js';
import { ASK_WINDOW, askStore } from '../../src/store/ask.js';
import { fold } from '../../src/store/fold.js';
import { RANK_WINDOW, Store } from '../../src/store/queries.js';
import { storeStats } from '../../src/store/stats.js';
import { seededStore, snapshot, tempDir } from '../helpers/store.js';

const seeded = seededStore();
const run = (line: string, ctx: Context = seeded.ctx) => dispatchLine(registry, ctx, line);

/** Every page of an answer, following its `next` lines; fails if there are more than `max` pages. */
function allPages(first: Reply, ctx: Context, max = 60): Reply[] {
  const pages = [first];
  while (pages.at(-1)!.paging?.next) {
    pages.push(run(pages.at(-1)!.paging!.next!, ctx));
    expect(pages.length).toBeLessThanOrEqual(max);
  }
  return pages;
}

/** A page cites what it shows and nothing else: citations are reads, made only for the page. */
function expectCitesOnlyItsItems(r: Reply): void {
  const shown = new Set((r.items ?? []).map((i) => i.citation?.ref).filter(Boolean));
  for (const c of r.citations) expect(shown.has(c.ref), c.ref).toBe(true);
}

describe('line and value length', () => {
  it(`refuses a line over ${MAX_LINE} characters with a friendly message, before parsing it`, () => {
    for (const n of [MAX_LINE + 1, 100_000]) {
      const r = run(`search ${'x'.repeat(n - 7)}`);
      expect(r.ok).toBe(false);
      expect(r.ephemeral).toBe(true);
      expect(r.error?.code).toBe('too_long');
      expect(r.body).toBe(`That line is ${n} characters long; the limit is ${MAX_LINE}.`);
    }
  });

  it("refuses a value over its option's bound, typed or sent as a Discord option", () => {
    const long = 'pegasus '.repeat(30).trim();
    const typed = run(`search ${long}`);
    expect(typed.error?.code).toBe('too_long');
    expect(typed.body).toBe(`text is ${long.length} characters long; search accepts at most 200.`);
    const sent = dispatchCommand(registry, seeded.ctx, 'search', { text: 'x'.repeat(6000) });
    expect(sent.body).toBe('text is 6000 characters long; search accepts at most 200.');
    const name = dispatchCommand(registry, seeded.ctx, 'actor', { name: 'y'.repeat(301) });
    expect(name.error?.code).toBe('too_long');
  });

  it('refuses a limit beyond the declared ceiling instead of reading more rows', () => {
    expect(run(`search the limit:${MAX_PASSAGES + 1}`).body).toBe(`limit: must be between 1 and ${MAX_PASSAGES}.`);
    expect(run('quote limit:51').body).toBe('limit: must be between 1 and 50.');
    expect(run('quote page:1001').error?.code).toBe('bad_option');
  });
});

describe('search with the commonest words is bounded and paged', () => {
  it.each(['a', 'the', 'of the', 'in', 'said'])('search %s: at most limit passages and 5 quotes, 10 a page', (q) => {
    for (const limit of [undefined, MAX_PASSAGES]) {
      const first = run(`search ${q}${limit ? ` limit:${limit}` : ''}`);
      expect(first.ok, first.body).toBe(true);
      const pages = allPages(first, seeded.ctx);
      const items = pages.flatMap((p) => p.items ?? []);
      for (const p of pages) {
        expect(p.items!.length).toBeLessThanOrEqual(10);
        expectCitesOnlyItsItems(p);
      }
      expect(items.length).toBeLessThanOrEqual((limit ?? 8) + MAX_QUOTES);
      // The common word really does match more than the cap: the cap is what stopped it.
      expect(items.length).toBeGreaterThanOrEqual(limit ?? 8);
    }
  });

  it('search * and other punctuation finds nothing, and says so', () => {
    for (const q of ['*', '"*"', '-', '* * *', '^', '()']) {
      const r = run(`search ${q}`);
      expect(r.error?.code, q).toBe('not_found');
      expect(r.body).toMatch(/^Nothing in the store matches/);
    }
  });

  it('pages back and forth over the same results', () => {
    const first = run('search the limit:25');
    expect(first.paging).toMatchObject({ page: 1, pages: 3, next: 'search "the" limit:25 page:2' });
    const second = run(first.paging!.next!);
    expect(second.paging!.prev).toBe('search "the" limit:25 page:1');
    expect(run(second.paging!.prev!).items).toEqual(first.items);
  });
});

describe('on a store grown to ×14 the seeds', () => {
  let big: { db: DB; store: Store; ctx: Context };

  beforeAll(() => {
    const path = join(tempDir(), 'x14.sqlite');
    buildScaledStore(14, path);
    const db = openDb(path);
    const store = new Store(db);
    big = { db, store, ctx: { ...seeded.ctx, store } };
    return () => db.close();
  }, 120_000);

  it('search the limit:25 returns exactly 25 passages and 5 quotes over three pages', () => {
    const pages = allPages(run('search the limit:25', big.ctx), big.ctx);
    expect(pages.map((p) => p.items!.length)).toEqual([10, 10, 10]);
    const items = pages.flatMap((p) => p.items!);
    expect(items.filter((i) => i.text.startsWith('“'))).toHaveLength(MAX_QUOTES);
    for (const i of items) expect(big.store.citation(i.citation!.passageId)).toBeDefined();
  });

  it(`search ranks at most ${RANK_WINDOW} matches of a word found everywhere — the newest — and says so`, () => {
    const r = run('search the', big.ctx);
    expect(r.body).toMatch(/more than 1,000 passages: ranked among the 1,000 most recently added/);
    const newest = big.db
      .prepare(`SELECT rowid FROM passages_fts WHERE passages_fts MATCH '"the"' ORDER BY rowid DESC LIMIT 1 OFFSET ?`)
      .get(RANK_WINDOW - 1) as { rowid: number };
    const passages = r.items!.filter((i) => !i.text.startsWith('“'));
    expect(passages.length).toBeGreaterThan(0);
    for (const i of passages) expect(i.citation!.passageId).toBeGreaterThanOrEqual(newest.rowid);
    // A word in fewer passages is ranked over all of them, with no such note.
    expect(run('search extradited', big.ctx).body ?? '').not.toMatch(/most recently added/);
  });

  it(`ask ranks passages with all its words first, among the newest ${ASK_WINDOW} once its words are common`, () => {
    const a = askStore(big.store);
    const stems = ['cienfueg', 'arrest'];
    // The bound is exercised: together the words are in more passages than ask ranks in full.
    expect(a.docFreq('cienfueg') + a.docFreq('arrest')).toBeGreaterThan(ASK_WINDOW);
    const got = a.passagesWithAny(stems, 30);
    expect(got).toHaveLength(30);
    const newest = big.db
      .prepare(
        `SELECT rowid FROM passages_fts WHERE passages_fts MATCH '"cienfueg"* AND "arrest"*' ORDER BY rowid DESC LIMIT 1 OFFSET ?`,
      )
      .get(ASK_WINDOW - 1) as { rowid: number } | undefined;
    for (const p of got) {
      expect(fold(p.text)).toMatch(/\bcienfuegos\b/);
      expect(fold(p.text)).toMatch(/\barrest/);
      if (newest) expect(p.id).toBeGreaterThanOrEqual(newest.rowid);
    }
    // With a word the store rarely holds, the passages holding only the rarer word fill what is left.
    const rare = a.passagesWithAny(['cienfueg', 'sinaloa', 'arrest'], 30);
    const all = big.db
      .prepare(
        `SELECT count(*) AS n FROM passages_fts WHERE passages_fts MATCH '"cienfueg"* AND "sinaloa"* AND "arrest"*'`,
      )
      .get() as { n: number };
    expect(all.n).toBeLessThan(30);
    expect(rare).toHaveLength(30);
    for (const p of rare) expect(fold(p.text)).toMatch(/\b(cienfuegos|sinaloa)\b/);
    // And the question is still answered, from its curated fact.
    expect(run('ask When was Cienfuegos arrested?', big.ctx).body).toMatch(/15 October 2020/);
  });

  it('timeline from:1900 to:2026 stops at 500 entries, 15 a page, and says how to see more', () => {
    const r = run('timeline from:1900 to:2026', big.ctx);
    expect(r.ok).toBe(true);
    // However the store counts past the cap, the reply says there are more and how to narrow them.
    expect(r.body).toMatch(/\b500 dated entries \(the first 500\b.*narrow the range/);
    expect(r.items).toHaveLength(15);
    expect(r.paging).toMatchObject({ page: 1, pages: 34 });
    expectCitesOnlyItsItems(r);
    const beyond = run('timeline from:1900 to:2026 page:1000', big.ctx);
    expect(beyond.paging!.page).toBe(34);
    expect(beyond.items!.length).toBeGreaterThan(0);
    expect(beyond.items!.length).toBeLessThanOrEqual(15);
  });

  it(`quote with no filter pages through at most ${QUOTE_CAP} quotes, citing only the page`, () => {
    expect(storeStats(big.db).quotes).toBeGreaterThan(QUOTE_CAP);
    const r = run('quote', big.ctx);
    expect(r.body).toMatch(new RegExp(`\\b${QUOTE_CAP} quotes \\(the first ${QUOTE_CAP}\\b.*narrow it with speaker:`));
    expect(r.items).toHaveLength(10);
    expect(r.paging).toMatchObject({ page: 1, pages: QUOTE_CAP / 10 });
    expectCitesOnlyItsItems(r);
    expect(run('quote limit:50 page:1000', big.ctx).paging).toMatchObject({ page: QUOTE_CAP / 50 });
  });

  it(`event by a year pages its events, at most ${MAX_EVENTS_ON}, citing only the page`, () => {
    let paged = 0;
    for (let y = 1990; y <= 2026; y++) {
      const pages = allPages(run(`event ${y}`, big.ctx), big.ctx);
      if (!pages[0]!.ok) continue;
      if (pages.length > 1) paged++;
      for (const p of pages) {
        expect(p.items!.length).toBeLessThanOrEqual(10);
        expectCitesOnlyItsItems(p);
      }
      expect(pages.flatMap((p) => p.items!).length).toBeLessThanOrEqual(MAX_EVENTS_ON);
    }
    // At ×14 some years hold more events than one page: the paging is exercised, not assumed.
    expect(paged).toBeGreaterThan(0);
  });

  it('no example of any command answers with more than 25 items or 25 fields, and none writes', () => {
    const before = snapshot(big.db);
    for (const spec of registry.list()) {
      if (spec.name === 'digest') continue; // its examples subscribe; digest has its own tests
      for (const line of spec.examples) {
        const r = run(line, big.ctx);
        expect(r.error?.code, line).not.toBe('internal');
        expect((r.items ?? []).length, line).toBeLessThanOrEqual(25);
        expect((r.fields ?? []).length, line).toBeLessThanOrEqual(25);
      }
    }
    expect(snapshot(big.db)).toEqual(before);
  });
});
