import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render.js';
import { composeDigest, composeDigestWithPick, digestMarker, quoteOfTheDay } from '../../src/digest/compose.js';
import { seededStore } from '../helpers/store.js';

const { db, store } = seededStore();
const section = (reply: ReturnType<typeof composeDigest>, title: string) => {
  const secs = reply.sections ?? [];
  const i = secs.findIndex((s) => s.title.startsWith(title));
  if (i < 0) return [];
  return (reply.items ?? []).slice(secs[i]!.start, secs[i + 1]?.start ?? reply.items!.length);
};

describe('composing the digest for a day', () => {
  it('26 September 2026: Ayotzinapa is on this day, twelve years on, cited to the passage that dates it', () => {
    const reply = composeDigest(store, { date: '2026-09-26' });
    expect(reply.ok).toBe(true);
    expect(reply.title).toBe('Beatbook digest — Saturday 26 September 2026');
    const today = section(reply, 'On this day');
    const ayotzinapa = today.find((i) => i.text.includes('Ayotzinapa'));
    expect(ayotzinapa?.label).toBe('26 September 2014 · 12 years ago');
    const c = ayotzinapa!.citation!;
    expect(c.documentSlug).toBe('tlatelolco-perfect-dictatorship');
    expect(store.passage(c.passageId)!.text).toContain(c.excerpt!);
    expect(c.excerpt).toContain('Sept. 26, 2014');
    expect(renderText(reply)).toMatch(/Ayotzinapa[^\n]*\[\d\]/);
  });

  it('is the same Reply for the same inputs', () => {
    const opts = { date: '2026-12-01', since: '2000-01-01T00:00:00.000Z', recentQuoteIds: [3, 9] };
    expect(composeDigest(store, opts)).toEqual(composeDigest(store, opts));
  });

  it('every item carries a citation whose words are in the cited passage', () => {
    for (const date of ['2026-09-26', '2026-12-01', '2027-01-04', '2026-03-15']) {
      const reply = composeDigest(store, { date, since: '2000-01-01T00:00:00.000Z' });
      expect(reply.items!.length).toBeGreaterThan(0);
      for (const item of reply.items!) {
        expect(item.citation, `${date}: ${item.text}`).toBeDefined();
        const p = store.passage(item.citation!.passageId)!;
        if (item.citation!.excerpt) expect(p.text).toContain(item.citation!.excerpt);
        expect(reply.citations.map((x) => x.ref)).toContain(item.citation!.ref);
      }
    }
  });

  it('lists month-precision events as "this month in …" on the first of the month only', () => {
    const first = section(composeDigest(store, { date: '2026-12-01' }), 'This month in history');
    expect(first.map((i) => i.text)).toContain('Enrique Peña Nieto takes office (Mexico)');
    expect(first.find((i) => i.text.startsWith('Enrique Peña Nieto'))!.label).toBe('This month in 2012 · 14 years ago');
    expect(section(composeDigest(store, { date: '2026-12-02' }), 'This month in history')).toEqual([]);
    // Day-precision December events are not repeated as "this month".
    expect(first.some((i) => i.text.includes('Inauguration'))).toBe(false);
  });

  it('"Coming up this week" holds the next seven days, across the turn of the year', () => {
    const coming = section(composeDigest(store, { date: '2026-09-26' }), 'Coming up this week');
    expect(coming.map((i) => i.label)).toContain('Fri 2 Oct · 58 years since');
    const before = composeDigest(store, { date: '2026-09-24' });
    expect(section(before, 'Coming up this week').some((i) => i.text.includes('Ayotzinapa'))).toBe(true);
    expect(section(before, 'On this day')).toEqual([]);
    // Borge was extradited on 4 January 2018: seen from 29 December 2026, that is nine years in 2027.
    const newYear = section(composeDigest(store, { date: '2026-12-29' }), 'Coming up this week');
    expect(newYear.find((i) => i.text.includes('Borge'))?.label).toBe('Mon 4 Jan · 9 years since');
    // Eight days ahead is not this week.
    expect(section(composeDigest(store, { date: '2026-09-18' }), 'Coming up this week')).toEqual([]);
  });

  it('a quiet day says so in one line and adds nothing but the quote of the day', () => {
    const reply = composeDigest(store, { date: '2026-03-15' });
    expect(reply.body).toBe('Nothing on the calendar today.');
    expect(reply.sections!.map((s) => s.title)).toEqual(['Quote of the day']);
    expect(reply.items).toHaveLength(1);
  });

  it('an event is never its own anniversary', () => {
    expect(section(composeDigest(store, { date: '2014-09-26' }), 'On this day')).toEqual([]);
  });

  it('"New in the archive" lists documents added after since and up to until, each cited', () => {
    // The seeded documents entered the archive at seeding time; give them a known one.
    db.prepare("UPDATE documents SET added_at = '2026-09-25T10:00:00.000Z'").run();
    const all = composeDigest(store, { date: '2026-09-26', since: '2026-09-25T08:00:00.000Z' });
    expect(section(all, 'New in the archive')).toHaveLength(8);
    expect(all.sections!.find((s) => s.title.startsWith('New in the archive'))!.title).toBe(
      'New in the archive (14 documents; the first 8 shown)',
    );
    expect(section(all, 'New in the archive')[0]).toMatchObject({
      label: 'Reuters',
      text: 'Pegasus: Mexico Detains Man Implicated in Spying Conspiracy Targeting Journalist',
    });
    const quotes = section(all, 'New quotes in the archive');
    expect(quotes.length).toBe(5);
    // The quote of the day is never one already listed as new.
    const qotd = section(all, 'Quote of the day')[0]!;
    expect(quotes.map((q) => q.citation!.ref)).not.toContain(qotd.citation!.ref);
    // Nothing added after since, or nothing before until: no section at all.
    expect(
      composeDigest(store, { date: '2026-09-26', since: '2026-09-25T10:00:00.000Z' }).sections!.map((s) => s.title),
    ).toEqual(['On this day', 'Coming up this week', 'Quote of the day']);
    expect(
      section(composeDigest(store, { date: '2026-09-24', since: '2026-09-20T00:00:00.000Z' }), 'New in the archive'),
    ).toEqual([]);
  });

  it('the marker of the day is the title of the delivered digest', () => {
    const d = composeDigestWithPick(store, { date: '2026-11-01' });
    expect(d.marker).toBe(digestMarker('2026-11-01'));
    expect(d.reply.title).toBe(d.marker);
    expect(d.quoteId).not.toBeNull();
  });
});

describe('quote of the day', () => {
  const quotes = store.quotes({}, 10_000);

  it('is a deterministic pick for the date, and the pick varies across dates', () => {
    expect(quoteOfTheDay(quotes, '2026-09-26', [])!.id).toBe(quoteOfTheDay(quotes, '2026-09-26', [])!.id);
    const picks = new Set(
      Array.from({ length: 20 }, (_, i) => quoteOfTheDay(quotes, `2026-10-${String(i + 1).padStart(2, '0')}`, [])!.id),
    );
    expect(picks.size).toBeGreaterThan(5);
  });

  it('never picks a quote the channel was sent in the last 30 days while another is available', () => {
    const ids = quotes.map((q) => q.id);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.subarray(ids, { maxLength: 30 }),
        (d, recent) => {
          const pick = quoteOfTheDay(quotes, d.toISOString().slice(0, 10), recent);
          expect(pick).not.toBeNull();
          expect(recent).not.toContain(pick!.id);
        },
      ),
    );
  });

  it('when every candidate was used lately, brings back the one used longest ago', () => {
    const sayable = quotes.filter(
      (q) => (q.speaker_actor_id !== null || q.speaker_label !== null) && q.text.length >= 30,
    );
    const recentFirst = sayable.map((q) => q.id).reverse(); // the smallest id was used longest ago
    expect(quoteOfTheDay(quotes, '2026-09-26', recentFirst)!.id).toBe(sayable[0]!.id);
  });
});
