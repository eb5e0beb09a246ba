// Chat platforms fail: 5xx answers, requests that never come back. The real discord.js client and the real Bolt
// app run against the local fakes with a fault-injecting proxy in between (test/hardening/faults/fault-proxy.ts).
// A failed request is retried and the answer lands; when every attempt fails the failure is logged, the user gets
// an apology where the platform still takes one, and the bot keeps answering. A digest post that meets 5xx is
// retried by the library and then by the delivery ledger (src/digest/deliver.ts), and is posted exactly once.
// Already covered elsewhere: 429 with Retry-After on Discord's callback route (test/adapters/discord) and on
// Slack's chat.postMessage (test/adapters/slack/socket.test.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registry } from '../../commands/index.js';
import { startDiscord } from '../../src/adapters/discord/start.js';
import { startSlack } from '../../src/adapters/slack/start.js';
import { loadConfig } from '../../src/config.js';
import type { Logger, RunningAdapter } from '../../src/core/platform.js';
import { startDigestScheduler } from '../../src/digest/schedule.js';
import { digestStore } from '../../src/store/digest.js';
import { FakeDiscord } from '../adapters/discord/fake-discord.js';
import { slash } from '../adapters/discord/raw.js';
import { ResponseUrlServer } from '../adapters/slack/fakes/response-url.js';
import { FakeSlackApi } from '../adapters/slack/fakes/web-api.js';
import { FakeSocketMode } from '../adapters/slack/fakes/socket-mode.js';
import { blocksOf, expectNoOpenTcp } from '../adapters/slack/harness.js';
import { slashCommand } from '../adapters/slack/payloads.js';
import { inChannel } from '../digest/helpers.js';
import { seededStore } from '../helpers/store.js';
import { FaultProxy, type ProxiedRequest } from './faults/fault-proxy.js';

const { store, db } = seededStore();
const logs: Parameters<Logger>[0][] = [];
const log: Logger = (entry) => logs.push(entry);
const outcomes = (list: ProxiedRequest[]) => list.map((r) => r.outcome);

// ---- Discord -----------------------------------------------------------------------------------------------

let fake: FakeDiscord;
let discordProxy: FaultProxy;
let discord: RunningAdapter;

/** discord.js's REST settings here: its default of 3 retries, and a short timeout so a hung request ends soon. */
const DISCORD_REST = { timeout: 1000, retries: 3 };

// ---- Slack -------------------------------------------------------------------------------------------------

const BOT_TOKEN = 'xoxb-5555-6666-beatbookfaults';
const APP_TOKEN = 'xapp-1-A0BEATBOOK-7777-faultstest';
const api = new FakeSlackApi({ botToken: BOT_TOKEN, appToken: APP_TOKEN });
const socket = new FakeSocketMode();
const responses = new ResponseUrlServer();
let slackProxy: FaultProxy;
let slack: RunningAdapter;
/** Production's policy shape (retries with exponential back-off, a timeout), with test-sized numbers. */
const SLACK_RETRY = { retries: 2, factor: 2, minTimeout: 50, maxTimeout: 200 };
const SLACK_TIMEOUT_MS = 500;

beforeAll(async () => {
  fake = await FakeDiscord.start({ channelIds: ['900000000000000200', '900000000000000201'] });
  discordProxy = await FaultProxy.start(fake.url);
  discord = await startDiscord({
    token: fake.token,
    applicationId: fake.applicationId,
    store,
    registry,
    config: loadConfig({}),
    log,
    rest: { api: `${discordProxy.url}/api`, ...DISCORD_REST },
  });

  await api.start();
  await socket.start();
  await responses.start();
  api.socketUrl = socket.url;
  slackProxy = await FaultProxy.start(new URL(api.url).origin);
  slack = await startSlack({
    botToken: BOT_TOKEN,
    appToken: APP_TOKEN,
    store,
    registry,
    config: loadConfig({}),
    log,
    clientOptions: { slackApiUrl: `${slackProxy.url}/api/`, retryConfig: SLACK_RETRY, timeout: SLACK_TIMEOUT_MS },
  });
}, 60_000);

afterAll(async () => {
  await discord?.stop();
  await slack?.stop();
  await discordProxy?.close();
  await slackProxy?.close();
  await fake?.close();
  await socket.close();
  await api.close();
  await responses.close();
  await expectNoOpenTcp();
});

/** Sends a slash command to the Discord bot and waits for its answer to reach the fake. */
async function askDiscord(name: string, options: Record<string, string>) {
  const ids = fake.dispatchInteraction({ ...slash(fake, name, options), id: fake.snowflake() });
  const callback = await fake.waitForRequest(
    (r) => r.path === `/interactions/${ids.id}/${ids.token}/callback` && r.status < 300,
    10_000,
  );
  return { ids, callback, data: callback.body.data as Record<string, any> | undefined };
}

const callbackPath = (ids: { id: string }) => new RegExp(`/interactions/${ids.id}/[^/]+/callback$`);
const ANY_CALLBACK = /\/interactions\/\d+\/[^/]+\/callback$/;

describe('Discord REST faults', () => {
  for (const status of [500, 502, 503]) {
    it(`a ${status} on the interaction callback is retried and the answer lands`, async () => {
      discordProxy.inject({ method: 'POST', path: ANY_CALLBACK, action: { status } });
      const { ids, data } = await askDiscord('actor', { name: 'cisen' });
      expect(outcomes(discordProxy.matching(callbackPath(ids)))).toEqual([status, 'forwarded']);
      expect(data!.embeds[0].title).toBe('CISEN');
    });
  }

  it('a 502 on the follow-up (editing a deferred answer) is retried and the answer replaces "thinking…"', async () => {
    discordProxy.inject({ method: 'PATCH', path: /\/messages\/(@|%40)original$/, action: { status: 502 } });
    const { ids, callback } = await askDiscord('ask', { question: 'When was Cienfuegos arrested?' });
    expect(callback.body.type).toBe(5);
    const edit = await fake.waitForRequest(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${ids.token}/messages/@original`,
      10_000,
    );
    expect(edit.status).toBe(200);
    expect(JSON.stringify(edit.body.embeds)).toContain('Cienfuegos');
    const edits = discordProxy.matching(new RegExp(`/webhooks/\\d+/${ids.token}/messages/(@|%40)original$`), 'PATCH');
    expect(outcomes(edits)).toEqual([502, 'forwarded']);
  });

  it('a callback that never answers is abandoned at the REST timeout and retried; the answer lands', async () => {
    discordProxy.inject({ method: 'POST', path: ANY_CALLBACK, action: 'hang' });
    const { ids, data } = await askDiscord('actor', { name: 'cienfuegos' });
    expect(outcomes(discordProxy.matching(callbackPath(ids)))).toEqual(['hung', 'forwarded']);
    expect(data!.embeds[0].title).toContain('Cienfuegos');
  });

  it('when every attempt fails, the failure is logged with a reference and the bot answers the next command', async () => {
    const id = fake.snowflake();
    discordProxy.inject({
      method: 'POST',
      path: new RegExp(`/interactions/${id}/[^/]+/callback$`),
      action: { status: 503 },
      times: Number.POSITIVE_INFINITY,
    });
    fake.dispatchInteraction({ ...slash(fake, 'actor', { name: 'cisen' }), id });
    const failed = () => logs.find((l) => l.msg === 'discord interaction failed' && l.interaction === id);
    await vi.waitFor(
      () =>
        expect(logs.some((l) => l.msg === 'discord apology not delivered' && l.reference === failed()?.reference)).toBe(
          true,
        ),
      { timeout: 10_000, interval: 20 },
    );
    expect(failed()?.reference).toMatch(/^[0-9a-f]+$/);
    // The answer and then the apology, each tried once and retried three times.
    expect(discordProxy.matching(new RegExp(`/interactions/${id}/`)).length).toBe(2 * (1 + DISCORD_REST.retries));
    const next = await askDiscord('actor', { name: 'cisen' });
    expect(next.data!.embeds[0].title).toBe('CISEN');
  });

  it('a digest post answered 500 is retried by the client and posted once', async () => {
    const channel = '900000000000000201';
    discordProxy.inject({
      method: 'POST',
      path: new RegExp(`/channels/${channel}/messages$`),
      action: { status: 500 },
    });
    await discord.post(channel, { ok: true, title: 'Beatbook digest — test', body: 'One line.', citations: [] });
    expect(outcomes(discordProxy.matching(new RegExp(`/channels/${channel}/messages$`), 'POST'))).toEqual([
      500,
      'forwarded',
    ]);
    expect(fake.channels.get(channel)!.map((m) => m.embeds[0]?.title)).toEqual(['Beatbook digest — test']);
  });
});

// ---- Slack -------------------------------------------------------------------------------------------------

/** Sends `/beatbook <text>` as `user` over Socket Mode and resolves with what respond() posted. */
async function askSlack(text: string, user: string) {
  const url = responses.url(user);
  await socket.send('slash_commands', slashCommand(text, url, user));
  return responses.first(url, 10_000);
}

const usersInfoOf = (user: string) =>
  slackProxy.matching(/\/api\/users\.info$/).filter((r) => r.body.includes(`user=${user}`));

describe('Slack Web API faults', () => {
  it('a 500 from users.info (the admin check) is retried after a back-off; the command is answered', async () => {
    slackProxy.inject({ path: /\/api\/users\.info$/, action: { status: 500 } });
    const body = await askSlack('actor cisen', 'U0FAULT500');
    expect(blocksOf(body)[0]?.text?.text).toContain('CISEN');
    const calls = usersInfoOf('U0FAULT500');
    expect(outcomes(calls)).toEqual([500, 'forwarded']);
    // p-retry waits minTimeout before the first retry: a back-off, not a hammering loop.
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(SLACK_RETRY.minTimeout - 5);
  });

  it('a users.info call that never answers times out, is retried, and the command is answered', async () => {
    slackProxy.inject({ path: /\/api\/users\.info$/, action: 'hang' });
    const body = await askSlack('actor cienfuegos', 'U0FAULTHANG');
    expect(blocksOf(body)[0]?.text?.text).toContain('Cienfuegos');
    expect(outcomes(usersInfoOf('U0FAULTHANG'))).toEqual(['hung', 'forwarded']);
  });

  it('when every attempt fails, it is logged, the user is treated as no admin, and the app answers the next command', async () => {
    slackProxy.inject({ path: /\/api\/users\.info$/, action: { status: 503 }, times: 1 + SLACK_RETRY.retries });
    const body = await askSlack('actor cisen', 'U0FAULTDOWN');
    expect(blocksOf(body)[0]?.text?.text).toContain('CISEN');
    expect(outcomes(usersInfoOf('U0FAULTDOWN'))).toEqual([503, 503, 503]);
    expect(logs.some((l) => /users\.info failed/.test(l.msg) && l.user === 'U0FAULTDOWN')).toBe(true);
    const next = await askSlack('actor cienfuegos', 'U0AFTERFAULT');
    expect(blocksOf(next)[0]?.text?.text).toContain('Cienfuegos');
  });

  it('a response_url answering 500 loses that one answer, logged; the app answers the next command', async () => {
    const failedBefore = logs.filter((l) => l.msg === 'slack listener failed').length;
    responses.fail(1, 500);
    const url = responses.url('U0RESPOND500');
    await socket.send('slash_commands', slashCommand('actor cisen', url, 'U0RESPOND500'));
    await vi.waitFor(
      () => expect(logs.filter((l) => l.msg === 'slack listener failed').length).toBe(failedBefore + 1),
      {
        timeout: 10_000,
        interval: 20,
      },
    );
    // respond() is not retried by Bolt: the answer is lost, and the log line says so.
    expect(responses.to(url)).toHaveLength(1);
    const next = await askSlack('actor cienfuegos', 'U0AFTERRESPOND');
    expect(blocksOf(next)[0]?.text?.text).toContain('Cienfuegos');
  });

  it('a digest post that meets 500s is retried by the client, then by the delivery ledger, and posted once', async () => {
    // The fake stamps messages with the wall clock and wasPosted looks from the claim on: the slot is an hour
    // in the past of the real clock (as in test/digest/slack-delivery.test.ts).
    const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000);
    const hhmm = slot.toISOString().slice(11, 16);
    const channel = 'C0FAULTDIGEST';
    const before = new Date(slot.getTime() - 60_000).toISOString();
    expect(
      inChannel(
        store,
        { platform: 'slack', channelId: channel },
        { at: before },
        `digest subscribe time:${hhmm} tz:UTC`,
      ).ok,
    ).toBe(true);
    // Every attempt of the first delivery fails: the client's own three, then the ledger records the failure.
    slackProxy.inject({ path: /\/api\/chat\.postMessage$/, action: { status: 500 }, times: 1 + SLACK_RETRY.retries });
    const first = startDigestScheduler({ store, adapters: [slack], log, now: () => slot });
    const firstRun = (await first.started).filter((e) => e.channelId === channel);
    await first.stop();
    expect(firstRun.map((e) => e.outcome)).toEqual(['failed']);
    expect(api.messages(channel)).toHaveLength(0);
    const sub = digestStore(db).subscription('slack', channel)!;
    expect(digestStore(db).delivery(sub.id, slot.toISOString().slice(0, 10))?.status).toBe('failed');

    // After the ledger's back-off (5 minutes for a first failure) the next run checks the channel, then posts.
    const later = new Date(slot.getTime() + 5 * 60_000 + 1000);
    const second = startDigestScheduler({ store, adapters: [slack], log, now: () => later });
    const secondRun = (await second.started).filter((e) => e.channelId === channel);
    await second.stop();
    expect(secondRun.map((e) => e.outcome)).toEqual(['posted']);
    expect(api.messages(channel)).toHaveLength(1);
    expect(api.messages(channel)[0]!.text).toContain('Beatbook digest — ');
    expect(outcomes(slackProxy.matching(/\/api\/chat\.postMessage$/))).toEqual([500, 500, 500, 'forwarded']);
  });

  it('after all of that, both bots still answer', async () => {
    const d = await askDiscord('actor', { name: 'cisen' });
    expect(d.data!.embeds[0].title).toBe('CISEN');
    const s = await askSlack('actor cisen', 'U0LASTWORD');
    expect(blocksOf(s)[0]?.text?.text).toContain('CISEN');
  });
});
