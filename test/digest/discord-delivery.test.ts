// The digest delivered through the real Discord adapter (discord.js) to the fake gateway and REST on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../commands/index.js';
import { startDiscord } from '../../src/adapters/discord/start.js';
import { loadConfig } from '../../src/config.js';
import type { Logger, RunningAdapter } from '../../src/core/platform.js';
import { startDigestScheduler } from '../../src/digest/schedule.js';
import { digestStore } from '../../src/store/digest.js';
import { FakeDiscord } from '../adapters/discord/fake-discord.js';
import { expectNoOpenSockets } from '../adapters/discord/sockets.js';
import { inChannel, storeFactory } from './helpers.js';

const { db, store } = storeFactory()();
const logs: Parameters<Logger>[0][] = [];
const log: Logger = (e) => logs.push(e);
const NEWS = '900000000000000200';
const DELETED = '900000000000000201';
let fake: FakeDiscord;
let adapter: RunningAdapter;

// The fake stamps messages with the wall clock, and wasPosted only counts messages since the claim: the slot is
// therefore put an hour in the past of the real clock.
const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000);
const hhmm = slot.toISOString().slice(11, 16);
const day = slot.toISOString().slice(0, 10);

beforeAll(async () => {
  fake = await FakeDiscord.start({ channelIds: [NEWS, DELETED] });
  adapter = await startDiscord({
    token: fake.token,
    applicationId: fake.applicationId,
    store,
    registry,
    config: loadConfig({}),
    log,
    rest: { api: fake.api, timeout: 2000, retries: 0 },
  });
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

describe('the digest through the Discord adapter', () => {
  it('posts once at the slot, disables a deleted channel, and a restart after a crash does not post again', async () => {
    const before = new Date(slot.getTime() - 60_000).toISOString();
    for (const channelId of [NEWS, DELETED])
      expect(
        inChannel(store, { platform: 'discord', channelId }, { at: before }, `digest subscribe time:${hhmm} tz:UTC`).ok,
      ).toBe(true);
    fake.channels.delete(DELETED); // Discord now answers 404 Unknown Channel

    const sched = startDigestScheduler({ store, adapters: [adapter], log, now: () => slot });
    const events = await sched.started;
    await sched.stop();
    expect(events.map((e) => [e.channelId, e.outcome])).toEqual([
      [NEWS, 'posted'],
      [DELETED, 'disabled'],
    ]);
    const [message] = fake.channels.get(NEWS)!;
    expect(message!.author.id).toBe(fake.botUser.id);
    expect(message!.embeds[0].title).toMatch(/^Beatbook digest — \w+day \d{1,2} \w+ \d{4}$/);
    expect(JSON.stringify(message!.embeds)).toContain('Quote of the day');
    expect(message!.embeds.some((e: { title?: string }) => e.title === 'Sources')).toBe(true);
    const post = fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${NEWS}/messages`)!;
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    expect(digestStore(db).subscription('discord', DELETED)!.enabled).toBe(0);
    expect(logs.some((l) => l.level === 'warn' && l.channelId === DELETED)).toBe(true);

    // A crash between the post and the mark leaves the row claimed; the restart reads the channel back.
    db.prepare("UPDATE digest_deliveries SET status = 'claimed', sent_at = NULL WHERE day = ? AND status = 'sent'").run(
      day,
    );
    const restarted = startDigestScheduler({
      store,
      adapters: [adapter],
      log,
      now: () => new Date(slot.getTime() + 120_000),
    });
    expect((await restarted.started).map((e) => e.outcome)).toEqual(['already-posted']);
    await restarted.stop();
    expect(fake.channels.get(NEWS)).toHaveLength(1);
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/channels/${NEWS}/messages`)).toBe(true);
  });

  it('leaves no socket open once the adapter and the fake are stopped', async () => {
    await adapter.stop();
    await fake.close();
    await expectNoOpenSockets();
  });
});
