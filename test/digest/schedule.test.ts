import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Logger } from '../../src/core/platform.js';
import { type DigestScheduler, startDigestScheduler } from '../../src/digest/schedule.js';
import { readArticleFile } from '../../src/ingest/article-file.js';
import { AliasMatcher } from '../../src/ingest/mentions.js';
import { addArticle, extractDocument } from '../../src/ingest/pipeline.js';
import { type DB, openDb } from '../../src/store/db.js';
import { type DeliveryRow, digestStore } from '../../src/store/digest.js';
import { Store } from '../../src/store/queries.js';
import { loadAliasEntries } from '../../src/store/read-ingest.js';
import { StoreWriter } from '../../src/store/write.js';
import { tempDir } from '../helpers/store.js';
import { FakePlatform } from './fake-platform.js';
import { inChannel, storeFactory } from './helpers.js';

const fresh = storeFactory();
type Entry = Parameters<Logger>[0];

/** A scheduler on its own copy of the store, a fake platform, a log, and a clock the test moves. */
async function setup(start = '2026-09-24T20:00:00Z', platformName: 'slack' | 'discord' = 'slack') {
  const { db, store, path } = fresh();
  let clock = new Date(start);
  const platform = new FakePlatform(platformName, () => clock);
  const logs: Entry[] = [];
  const open = (s: Store) =>
    startDigestScheduler({ store: s, adapters: [platform], log: (e) => logs.push(e), now: () => clock });
  const sched = open(store);
  // Not awaited: a test that simulates a crash leaves this scheduler's post hanging for ever.
  onTestFinished(() => {
    void sched.stop();
  });
  await sched.started;
  return {
    db,
    store,
    path,
    platform,
    logs,
    sched,
    open,
    setClock: (iso: string) => (clock = new Date(iso)),
    /** Moves the clock to `iso` and runs what is due then, as a tick would. */
    at: async (iso: string) => {
      clock = new Date(iso);
      return sched.runDue(clock);
    },
    subscribe: (channelId: string, time: string, tz: string, when = start) =>
      inChannel(store, { platform: platformName, channelId }, { at: when }, `digest subscribe time:${time} tz:${tz}`),
  };
}

const rows = (db: DB): DeliveryRow[] =>
  db.prepare('SELECT * FROM digest_deliveries ORDER BY id').all() as DeliveryRow[];

describe('posting at the local time of each channel', () => {
  it('posts at 08:00 Mexico City and 08:00 Madrid, once each', async () => {
    const s = await setup();
    expect(s.subscribe('C-MX', '08:00', 'America/Mexico_City').ok).toBe(true);
    expect(s.subscribe('C-MAD', '08:00', 'Europe/Madrid').ok).toBe(true);
    await s.at('2026-09-25T05:59:00Z');
    expect(s.platform.messages).toHaveLength(0);
    await s.at('2026-09-25T06:00:00Z'); // 08:00 CEST
    expect(s.platform.in('C-MAD').map((m) => m.title)).toEqual(['Beatbook digest — Friday 25 September 2026']);
    expect(s.platform.in('C-MX')).toHaveLength(0);
    await s.at('2026-09-25T13:59:00Z');
    expect(s.platform.in('C-MX')).toHaveLength(0);
    await s.at('2026-09-25T14:00:00Z'); // 08:00 in Mexico City (UTC-6 all year since 2022)
    expect(s.platform.in('C-MX').map((m) => m.title)).toEqual(['Beatbook digest — Friday 25 September 2026']);
    await s.at('2026-09-25T14:01:00Z');
    await s.at('2026-09-25T23:59:00Z');
    expect(s.platform.messages).toHaveLength(2);
    expect(rows(s.db).map((r) => [r.day, r.status])).toEqual([
      ['2026-09-25', 'sent'],
      ['2026-09-25', 'sent'],
    ]);
  });

  it("uses the zone's own calendar day: 07:00 in Tokyo on the 26th is 22:00 UTC on the 25th", async () => {
    const s = await setup();
    s.subscribe('C-TYO', '07:00', 'Asia/Tokyo');
    await s.at('2026-09-25T21:59:00Z');
    expect(s.platform.messages).toHaveLength(0);
    await s.at('2026-09-25T22:00:00Z');
    const [m] = s.platform.in('C-TYO');
    expect(m!.title).toBe('Beatbook digest — Saturday 26 September 2026');
    expect(m!.text).toContain('Disappearance of the 43 Ayotzinapa students');
  });
});

describe('daylight-saving changes', () => {
  it('08:00 in New York is 12:00Z before the November change and 13:00Z after it', async () => {
    const s = await setup('2026-10-29T00:00:00Z');
    s.subscribe('C-NY', '08:00', 'America/New_York');
    await s.at('2026-10-30T11:59:00Z');
    expect(s.platform.messages).toHaveLength(0);
    await s.at('2026-10-30T12:00:00Z');
    expect(s.platform.in('C-NY').map((m) => m.title)).toEqual(['Beatbook digest — Friday 30 October 2026']);
    // Sunday 1 November 2026: clocks go back at 02:00. Monday 08:00 EST is 13:00Z.
    await s.at('2026-11-02T12:00:00Z');
    await s.at('2026-11-02T12:59:00Z');
    expect(s.platform.in('C-NY')).toHaveLength(1);
    await s.at('2026-11-02T13:00:00Z');
    expect(s.platform.in('C-NY').map((m) => m.title)).toEqual([
      'Beatbook digest — Friday 30 October 2026',
      'Beatbook digest — Monday 2 November 2026',
    ]);
  });

  it('08:00 in New York is 13:00Z before the March change and 12:00Z after it', async () => {
    const s = await setup('2026-03-01T00:00:00Z');
    s.subscribe('C-NY', '08:00', 'America/New_York');
    await s.at('2026-03-07T12:00:00Z');
    expect(s.platform.messages).toHaveLength(0);
    await s.at('2026-03-07T13:00:00Z');
    await s.at('2026-03-09T11:59:00Z');
    expect(s.platform.in('C-NY')).toHaveLength(1);
    await s.at('2026-03-09T12:00:00Z');
    expect(s.platform.in('C-NY').map((m) => m.title)).toEqual([
      'Beatbook digest — Saturday 7 March 2026',
      'Beatbook digest — Monday 9 March 2026',
    ]);
  });

  it('a time skipped by the spring-forward change (02:30) is still delivered once that day', async () => {
    const s = await setup('2026-03-01T00:00:00Z');
    s.subscribe('C-NY', '02:30', 'America/New_York');
    await s.at('2026-03-08T06:59:00Z'); // 01:59 EST; the next minute is 03:00 EDT
    expect(s.platform.messages).toHaveLength(0);
    await s.at('2026-03-08T07:00:00Z');
    await s.at('2026-03-08T07:30:00Z');
    await s.at('2026-03-08T20:00:00Z');
    expect(s.platform.in('C-NY').map((m) => m.title)).toEqual(['Beatbook digest — Sunday 8 March 2026']);
  });

  it('a time repeated by the fall-back change (01:30) is delivered on its first occurrence only', async () => {
    const s = await setup('2026-10-25T00:00:00Z');
    s.subscribe('C-NY', '01:30', 'America/New_York');
    await s.at('2026-11-01T05:29:00Z');
    expect(s.platform.messages).toHaveLength(0);
    await s.at('2026-11-01T05:30:00Z'); // 01:30 EDT
    await s.at('2026-11-01T06:30:00Z'); // 01:30 EST, the same wall time again
    expect(s.platform.in('C-NY').map((m) => m.title)).toEqual(['Beatbook digest — Sunday 1 November 2026']);
  });
});

describe('exactly once across a crash', () => {
  it('a post that landed before the crash is recorded on restart, not posted again', async () => {
    const s = await setup();
    s.subscribe('C-1', '08:00', 'America/Mexico_City');
    // The first process posts; the message reaches the channel but the process dies before marking it sent.
    s.platform.hang = { landed: true };
    void s.at('2026-09-25T14:00:00Z');
    await vi.waitFor(() => expect(s.platform.messages).toHaveLength(1));
    void s.sched.stop();
    expect(rows(s.db).map((r) => r.status)).toEqual(['claimed']);

    // Restart: a new process, a new connection to the same database file.
    s.platform.hang = null;
    s.setClock('2026-09-25T14:03:00Z');
    const db2 = openDb(s.path);
    onTestFinished(() => {
      db2.close();
    });
    const restarted = s.open(new Store(db2));
    onTestFinished(() => restarted.stop());
    expect((await restarted.started).map((e) => e.outcome)).toEqual(['already-posted']);
    expect(s.platform.in('C-1')).toHaveLength(1);
    expect(rows(db2)[0]).toMatchObject({ status: 'sent', day: '2026-09-25' });
    expect(rows(db2)[0]!.quote_id).not.toBeNull();
    await restarted.runDue(new Date('2026-09-25T20:00:00Z'));
    expect(s.platform.in('C-1')).toHaveLength(1);
  });

  it('a slot claimed but never posted before the crash is posted once on restart', async () => {
    const s = await setup();
    s.subscribe('C-1', '08:00', 'America/Mexico_City');
    s.platform.hang = { landed: false };
    void s.at('2026-09-25T14:00:00Z');
    await vi.waitFor(() => expect(rows(s.db).map((r) => r.status)).toEqual(['claimed']));
    void s.sched.stop();
    expect(s.platform.messages).toHaveLength(0);

    s.platform.hang = null;
    s.setClock('2026-09-25T14:02:00Z');
    const db2 = openDb(s.path);
    onTestFinished(() => {
      db2.close();
    });
    const restarted = s.open(new Store(db2));
    onTestFinished(() => restarted.stop());
    expect((await restarted.started).map((e) => e.outcome)).toEqual(['posted']);
    await restarted.runDue(new Date('2026-09-25T14:03:00Z'));
    expect(s.platform.in('C-1').map((m) => m.title)).toEqual(['Beatbook digest — Friday 25 September 2026']);
    expect(rows(db2).map((r) => r.status)).toEqual(['sent']);
  });

  it('a slot left claimed on an earlier day is recorded as missed, not posted late', async () => {
    const s = await setup();
    s.subscribe('C-1', '08:00', 'America/Mexico_City');
    s.platform.hang = { landed: false };
    void s.at('2026-09-25T14:00:00Z');
    await vi.waitFor(() => expect(rows(s.db)).toHaveLength(1));
    void s.sched.stop();

    s.platform.hang = null;
    s.setClock('2026-09-26T13:00:00Z'); // back the next morning, before the 08:00 slot
    const db2 = openDb(s.path);
    onTestFinished(() => {
      db2.close();
    });
    const restarted = s.open(new Store(db2));
    onTestFinished(() => restarted.stop());
    expect((await restarted.started).map((e) => e.outcome)).toEqual(['missed']);
    expect(s.platform.messages).toHaveLength(0);
    await restarted.runDue(new Date('2026-09-26T14:00:00Z'));
    expect(s.platform.in('C-1').map((m) => m.title)).toEqual(['Beatbook digest — Saturday 26 September 2026']);
    expect(rows(db2).map((r) => [r.day, r.status])).toEqual([
      ['2026-09-25', 'failed'],
      ['2026-09-26', 'sent'],
    ]);
  });
  it('a slot left claimed in a channel deleted since is settled by disabling the subscription', async () => {
    const s = await setup();
    s.subscribe('C-1', '08:00', 'America/Mexico_City');
    s.platform.hang = { landed: false };
    void s.at('2026-09-25T14:00:00Z');
    await vi.waitFor(() => expect(rows(s.db)).toHaveLength(1));
    void s.sched.stop();

    s.platform.hang = null;
    s.platform.deleted.add('C-1');
    s.setClock('2026-09-26T13:00:00Z');
    const db2 = openDb(s.path);
    onTestFinished(() => {
      db2.close();
    });
    const restarted = s.open(new Store(db2));
    onTestFinished(() => restarted.stop());
    expect((await restarted.started).map((e) => e.outcome)).toEqual(['disabled']);
    expect(digestStore(db2).subscription('slack', 'C-1')!.enabled).toBe(0);
  });
});

describe('downtime and subscriptions', () => {
  it('a slot missed while the bot was down is delivered at start-up the same day', async () => {
    const { db, store } = fresh();
    inChannel(
      store,
      { platform: 'slack', channelId: 'C-1' },
      { at: '2026-09-24T12:00:00Z' },
      'digest subscribe time:08:00 tz:America/Mexico_City',
    );
    const platform = new FakePlatform('slack', () => new Date('2026-09-25T17:00:00Z'));
    // The bot comes up at 11:00 in Mexico City, three hours after the slot.
    const sched = startDigestScheduler({
      store,
      adapters: [platform],
      log: () => {},
      now: () => new Date('2026-09-25T17:00:00Z'),
    });
    onTestFinished(() => sched.stop());
    expect((await sched.started).map((e) => e.outcome)).toEqual(['posted']);
    expect(platform.in('C-1').map((m) => m.title)).toEqual(['Beatbook digest — Friday 25 September 2026']);
    expect(rows(db)).toHaveLength(1);
  });

  it("yesterday's missed slot is not posted today", async () => {
    const { db, store } = fresh();
    inChannel(
      store,
      { platform: 'slack', channelId: 'C-1' },
      { at: '2026-09-24T12:00:00Z' },
      'digest subscribe time:08:00 tz:America/Mexico_City',
    );
    let clock = new Date('2026-09-26T13:00:00Z'); // down all of the 25th; up at 07:00 on the 26th
    const platform = new FakePlatform('slack', () => clock);
    const sched = startDigestScheduler({ store, adapters: [platform], log: () => {}, now: () => clock });
    onTestFinished(() => sched.stop());
    expect(await sched.started).toEqual([]);
    clock = new Date('2026-09-26T14:00:00Z');
    await sched.runDue(clock);
    expect(platform.in('C-1').map((m) => m.title)).toEqual(['Beatbook digest — Saturday 26 September 2026']);
    expect(rows(db).map((r) => r.day)).toEqual(['2026-09-26']);
  });

  it('posts nothing to an unsubscribed channel', async () => {
    const s = await setup();
    s.subscribe('C-1', '08:00', 'America/Mexico_City');
    s.subscribe('C-2', '08:00', 'America/Mexico_City');
    const r = inChannel(
      s.store,
      { platform: 'slack', channelId: 'C-1' },
      { at: '2026-09-24T13:00:00Z' },
      'digest unsubscribe',
    );
    expect(r.title).toBe('Daily digest stopped');
    await s.at('2026-09-25T14:00:00Z');
    await s.at('2026-09-26T14:00:00Z');
    expect(s.platform.in('C-1')).toHaveLength(0);
    expect(s.platform.in('C-2')).toHaveLength(2);
  });

  it("subscribing after today's time starts tomorrow; re-subscribing after a stop does too", async () => {
    const s = await setup();
    s.subscribe('C-1', '08:00', 'America/Mexico_City', '2026-09-25T16:00:00Z'); // 10:00 local
    await s.at('2026-09-25T16:01:00Z');
    expect(s.platform.messages).toHaveLength(0);
    await s.at('2026-09-26T14:00:00Z');
    expect(s.platform.in('C-1')).toHaveLength(1);
    const where = { platform: 'slack' as const, channelId: 'C-1' };
    inChannel(s.store, where, { at: '2026-09-26T15:00:00Z' }, 'digest unsubscribe');
    await s.at('2026-09-27T14:00:00Z');
    inChannel(s.store, where, { at: '2026-09-27T16:00:00Z' }, 'digest subscribe time:08:00 tz:America/Mexico_City');
    await s.at('2026-09-27T16:01:00Z');
    expect(s.platform.in('C-1')).toHaveLength(1);
    await s.at('2026-09-28T14:00:00Z');
    expect(s.platform.in('C-1').map((m) => m.title)).toEqual([
      'Beatbook digest — Saturday 26 September 2026',
      'Beatbook digest — Monday 28 September 2026',
    ]);
  });

  it('ignores subscriptions of a platform whose adapter is not running', async () => {
    const s = await setup();
    inChannel(
      s.store,
      { platform: 'discord', channelId: '123' },
      { at: '2026-09-24T12:00:00Z' },
      'digest subscribe time:08:00 tz:UTC',
    );
    expect(await s.at('2026-09-25T09:00:00Z')).toEqual([]);
    expect(rows(s.db)).toHaveLength(0);
  });
});

describe('failures', () => {
  it('a deleted channel disables the subscription with a warning and is not retried', async () => {
    const s = await setup();
    s.subscribe('C-gone', '08:00', 'America/Mexico_City');
    s.platform.deleted.add('C-gone');
    const events = await s.at('2026-09-25T14:00:00Z');
    expect(events.map((e) => e.outcome)).toEqual(['disabled']);
    const warn = s.logs.find((l) => l.level === 'warn');
    expect(warn).toMatchObject({ channelId: 'C-gone', msg: expect.stringContaining('subscription disabled') });
    const sub = digestStore(s.db).subscription('slack', 'C-gone')!;
    expect(sub.enabled).toBe(0);
    expect(sub.disabled_reason).toContain('Unknown Channel');
    expect(await s.at('2026-09-25T15:00:00Z')).toEqual([]);
    expect(await s.at('2026-09-26T14:00:00Z')).toEqual([]);
    const status = inChannel(
      s.store,
      { platform: 'slack', channelId: 'C-gone' },
      { at: '2026-09-26T15:00:00Z' },
      'digest status',
    );
    expect(status.fields!.find((f) => f.name === 'State')!.value).toContain('Stopped — channel gone');
  });

  it('a failed post is retried after a back-off, and posted once', async () => {
    const s = await setup();
    s.subscribe('C-1', '08:00', 'America/Mexico_City');
    s.platform.failures = { count: 1, landed: false };
    expect((await s.at('2026-09-25T14:00:00Z')).map((e) => e.outcome)).toEqual(['failed']);
    expect(await s.at('2026-09-25T14:04:00Z')).toEqual([]); // back-off: 5 minutes
    expect((await s.at('2026-09-25T14:05:00Z')).map((e) => e.outcome)).toEqual(['posted']);
    expect(s.platform.in('C-1')).toHaveLength(1);
    expect(rows(s.db)[0]).toMatchObject({ status: 'sent', attempts: 2, error: null });
  });

  it('a post that failed after reaching the channel is found there and not posted again', async () => {
    const s = await setup();
    s.subscribe('C-1', '08:00', 'America/Mexico_City');
    s.platform.failures = { count: 1, landed: true }; // e.g. a timeout after the platform accepted it
    await s.at('2026-09-25T14:00:00Z');
    expect((await s.at('2026-09-25T14:05:00Z')).map((e) => e.outcome)).toEqual(['already-posted']);
    expect(s.platform.in('C-1')).toHaveLength(1);
  });

  it('gives up after four attempts with an error log line, and tries again the next day', async () => {
    const s = await setup();
    s.subscribe('C-1', '08:00', 'America/Mexico_City');
    s.platform.failures = { count: 1000, landed: false };
    const minutes = [0, 5, 15, 35, 75, 200, 600];
    const outcomes: string[] = [];
    for (const m of minutes) {
      const t = new Date(Date.parse('2026-09-25T14:00:00Z') + m * 60_000).toISOString();
      outcomes.push(...(await s.at(t)).map((e) => e.outcome));
    }
    expect(outcomes).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(rows(s.db)[0]).toMatchObject({ status: 'failed', attempts: 4, error: '503 Service Unavailable' });
    expect(s.logs.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual([
      'digest delivery failed; giving up for the day',
    ]);
    s.platform.failures = { count: 0, landed: false };
    await s.at('2026-09-26T14:00:00Z');
    expect(s.platform.in('C-1').map((m) => m.title)).toEqual(['Beatbook digest — Saturday 26 September 2026']);
  });
  it("one subscription's trouble (a zone the runtime does not know) does not stop the others", async () => {
    const s = await setup();
    // Written past the command's validation, as an older runtime with other zone data might have accepted it.
    s.db
      .prepare(
        "INSERT INTO digest_subscriptions (platform, channel_id, time_of_day, tz, active_since) VALUES ('slack', 'C-odd', '08:00', 'Mars/Olympus_Mons', '2026-01-01T00:00:00.000Z')",
      )
      .run();
    s.subscribe('C-1', '08:00', 'America/Mexico_City');
    await s.at('2026-09-25T14:00:00Z');
    expect(s.platform.in('C-1')).toHaveLength(1);
    expect(s.logs.find((l) => l.level === 'error')).toMatchObject({ msg: 'digest delivery step failed' });
  });
});

describe('what each day brings', () => {
  it('does not repeat a quote of the day within 30 days for a channel', async () => {
    const s = await setup('2026-08-31T00:00:00Z');
    s.subscribe('C-1', '08:00', 'UTC');
    for (let d = 0; d < 31; d++)
      await s.at(new Date(Date.parse('2026-09-01T08:00:00Z') + d * 86_400_000).toISOString());
    const picked = rows(s.db).map((r) => r.quote_id);
    expect(picked).toHaveLength(31);
    expect(picked.every((q) => q !== null)).toBe(true);
    expect(new Set(picked.slice(0, 30)).size).toBe(30);
    expect(new Set(picked.slice(1, 31)).size).toBe(30);
    // What was recorded is what was posted.
    const posted = s.platform.in('C-1').map((m) => m.reply.items!.at(-1)!.citation!.passageId);
    const passages = picked.map(
      (id) => (s.db.prepare('SELECT passage_id FROM quotes WHERE id = ?').get(id) as { passage_id: number }).passage_id,
    );
    expect(posted).toEqual(passages);
  });

  it('lists an article ingested after the last digest as new, once, with its citation', async () => {
    const s = await setup();
    s.subscribe('C-1', '08:00', 'America/Mexico_City');
    await s.at('2026-09-25T14:00:00Z');
    expect(s.platform.in('C-1')[0]!.text).not.toContain('New in the archive');

    const dir = tempDir();
    const file = join(dir, 'brookings.md');
    writeFileSync(
      file,
      `---\ntitle: "@everyone Security law: what Brookings said"\noutlet: Newsroom desk\npublished: 2021-01-12\n---\n“Essentially, the law paralyzes Mexico’s cooperation with international law enforcement counterparts and eviscerates any remaining trust and meaningful law enforcement cooperation between the United States and Mexico,” writes Vanda Felbab-Brown of Brookings.\n`,
    );
    const w = new StoreWriter(s.db);
    const id = s.db.transaction(() => {
      const docId = addArticle(w, readArticleFile(file))!;
      extractDocument(s.db, w, docId, new AliasMatcher(loadAliasEntries(s.db)));
      return docId;
    })();
    // Ingest stamps the real clock; put the article on the test's clock, between the two digests.
    s.db.prepare("UPDATE documents SET added_at = '2026-09-25T18:00:00.000Z' WHERE id = ?").run(id);

    await s.at('2026-09-26T14:00:00Z');
    const second = s.platform.in('C-1')[1]!;
    const section = second.reply.sections!.find((x) => x.title === 'New in the archive')!;
    const item = second.reply.items![section.start]!;
    expect(item.text).toBe('@\u200beveryone Security law: what Brookings said');
    expect(item.label).toBe('Newsroom desk, 12 January 2021');
    expect(item.citation!.documentSlug).toBe(s.store.passage(item.citation!.passageId)!.slug);
    expect(second.text).toContain('Vanda Felbab-Brown');

    await s.at('2026-09-27T14:00:00Z');
    expect(s.platform.in('C-1')[2]!.text).not.toContain('New in the archive');
  });
});

describe('the croner ticker', () => {
  it('calls runDue every minute: a subscription due at the next minute is posted by the tick', async () => {
    vi.useFakeTimers({ now: new Date('2026-09-25T13:59:30Z') });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const { store } = fresh();
    inChannel(
      store,
      { platform: 'slack', channelId: 'C-tick' },
      { at: '2026-09-24T12:00:00Z' },
      'digest subscribe time:08:00 tz:America/Mexico_City',
    );
    const platform = new FakePlatform('slack', () => new Date());
    let sched: DigestScheduler | undefined = startDigestScheduler({ store, adapters: [platform], log: () => {} });
    onTestFinished(() => sched?.stop());
    expect(await sched.started).toEqual([]);
    await vi.advanceTimersByTimeAsync(31_000);
    await vi.waitFor(() => expect(platform.in('C-tick')).toHaveLength(1));
    expect(platform.in('C-tick')[0]!.at.toISOString()).toBe('2026-09-25T14:00:00.000Z');
    // A second scheduler in the same process (another store) starts beside it: croner jobs are not named.
    const other = startDigestScheduler({ store: fresh().store, adapters: [], log: () => {} });
    await other.stop();
    await sched.stop();
    sched = undefined;
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    expect(platform.in('C-tick')).toHaveLength(1);
  });
});
