// The digest delivered through the real Slack adapter (Bolt, HTTP mode) to the fake Web API on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../commands/index.js';
import { startSlack } from '../../src/adapters/slack/start.js';
import { loadConfig } from '../../src/config.js';
import type { Logger, RunningAdapter } from '../../src/core/platform.js';
import { startDigestScheduler } from '../../src/digest/schedule.js';
import { digestStore } from '../../src/store/digest.js';
import { FakeSlackApi } from '../adapters/slack/fakes/web-api.js';
import { expectNoOpenTcp } from '../adapters/slack/harness.js';
import { inChannel, storeFactory } from './helpers.js';

const BOT_TOKEN = 'xoxb-1111-2222-beatbooktest';
const { db, store } = storeFactory()();
const logs: Parameters<Logger>[0][] = [];
const log: Logger = (e) => logs.push(e);
const api = new FakeSlackApi({ botToken: BOT_TOKEN });
let slack: RunningAdapter;

// The fake stamps messages with the wall clock, and wasPosted only counts messages since the claim: the slot is
// therefore put an hour in the past of the real clock.
const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000);
const hhmm = slot.toISOString().slice(11, 16);

beforeAll(async () => {
  await api.start();
  slack = await startSlack({
    botToken: BOT_TOKEN,
    signingSecret: 'signing-secret-for-tests-only',
    port: 0,
    host: '127.0.0.1',
    store,
    registry,
    config: loadConfig({}),
    log,
    clientOptions: { slackApiUrl: api.url, retryConfig: { retries: 0 }, timeout: 2000 },
  });
});

afterAll(async () => {
  await slack?.stop();
  await api.close();
  await expectNoOpenTcp();
});

describe('the digest through the Slack adapter', () => {
  it('posts once at the slot, disables an archived channel, and a restart after a crash does not post again', async () => {
    const before = new Date(slot.getTime() - 60_000).toISOString();
    for (const channelId of ['C0NEWS', 'C0ARCHIVED'])
      expect(
        inChannel(store, { platform: 'slack', channelId }, { at: before }, `digest subscribe time:${hhmm} tz:UTC`).ok,
      ).toBe(true);
    api.removeChannel('C0ARCHIVED', 'is_archived');

    const sched = startDigestScheduler({ store, adapters: [slack], log, now: () => slot });
    const events = await sched.started;
    await sched.stop();
    expect(events.map((e) => [e.channelId, e.outcome])).toEqual([
      ['C0NEWS', 'posted'],
      ['C0ARCHIVED', 'disabled'],
    ]);
    const [message] = api.messages('C0NEWS');
    expect(message!.text).toContain('Beatbook digest — ');
    expect(JSON.stringify(message!.blocks)).toContain('Quote of the day');
    expect(digestStore(db).subscription('slack', 'C0ARCHIVED')!.disabled_reason).toContain('is_archived');

    db.prepare("UPDATE digest_deliveries SET status = 'claimed', sent_at = NULL WHERE status = 'sent'").run();
    const restarted = startDigestScheduler({
      store,
      adapters: [slack],
      log,
      now: () => new Date(slot.getTime() + 120_000),
    });
    expect((await restarted.started).map((e) => e.outcome)).toEqual(['already-posted']);
    await restarted.stop();
    expect(api.messages('C0NEWS')).toHaveLength(1);
    expect(api.called('conversations.history').length).toBeGreaterThan(0);
  });
});
