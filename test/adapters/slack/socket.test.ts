// The real Bolt app in Socket Mode against a local WebSocket server, and the outbound side (post,
// wasPosted) against the fake Web API: rate limits retried, gone channels reported. All on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../../commands/index.js';
import { loadConfig } from '../../../src/config.js';
import { ChannelGoneError, type RunningAdapter } from '../../../src/core/platform.js';
import { dispatchLine } from '../../../src/core/dispatch.js';
import { SlackStartError, startSlack } from '../../../src/adapters/slack/start.js';
import { seededStore } from '../../helpers/store.js';
import { FakeSlackApi } from './fakes/web-api.js';
import { ResponseUrlServer } from './fakes/response-url.js';
import { FakeSocketMode } from './fakes/socket-mode.js';
import { blocksOf, buttons, citationLines, expectNoOpenTcp, recordingLog, strings } from './harness.js';
import { buttonClick, messageShortcut, slashCommand } from './payloads.js';

const BOT_TOKEN = 'xoxb-3333-4444-beatbooksocket';
const APP_TOKEN = 'xapp-1-A0BEATBOOK-5555-socketmodetest';

const { store, ctx } = seededStore();
const api = new FakeSlackApi({ botToken: BOT_TOKEN, appToken: APP_TOKEN });
const socket = new FakeSocketMode();
const responses = new ResponseUrlServer();
const { log, entries } = recordingLog();
let slack: RunningAdapter;

// Retries on, but fast: a 429's Retry-After is what the test waits for, not a back-off schedule.
const clientOptions = () => ({
  slackApiUrl: api.url,
  retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 },
  timeout: 3000,
});

beforeAll(async () => {
  await api.start();
  await socket.start();
  await responses.start();
  api.socketUrl = socket.url;
  slack = await startSlack({
    botToken: BOT_TOKEN,
    appToken: APP_TOKEN,
    store,
    registry,
    config: loadConfig({}),
    log,
    clientOptions: clientOptions(),
  });
});

afterAll(async () => {
  await slack.stop();
  await socket.close();
  await api.close();
  await responses.close();
  await expectNoOpenTcp();
});

describe('Slack over Socket Mode', () => {
  it('connects with the app token and answers a slash command envelope: ack, then respond()', async () => {
    expect(api.called('apps.connections.open').at(-1)?.token).toBe(APP_TOKEN);
    const url = responses.url('sm');
    const ack = await socket.send('slash_commands', slashCommand('actor cienfuegos', url));
    expect(ack.payload ?? {}).toEqual({});
    const body = await responses.first(url);
    expect(body.response_type).toBe('in_channel');
    expect(blocksOf(body)[0]?.text?.text).toContain('Cienfuegos');
    expect(citationLines(body).length).toBeGreaterThan(0);
  });

  it('routes an interactive envelope (a Next click) to a replaced message', async () => {
    const url = responses.url('sm-first');
    await socket.send('slash_commands', slashCommand('actor Peña Nieto', url));
    const next = buttons(await responses.first(url)).find((b) => b.action_id === 'bb_next')!;
    const clickUrl = responses.url('sm-next');
    await socket.send('interactive', buttonClick(next, clickUrl));
    const page2 = await responses.first(clickUrl);
    expect(page2.replace_original).toBe(true);
    expect(JSON.stringify(page2.blocks)).toContain('Page 2 of');
  });

  it('runs the message shortcut over the socket too', async () => {
    const url = responses.url('sm-find');
    await socket.send('interactive', messageShortcut('What did Peña Nieto say about Pegasus?', url));
    const body = await responses.first(url);
    expect(body.response_type).toBe('ephemeral');
    expect(citationLines(body).length).toBeGreaterThan(0);
  });
});

describe('Slack outbound: post and wasPosted', () => {
  const digest = () => dispatchLine(registry, ctx, 'actor cienfuegos');

  it('retries a chat.postMessage answered 429 with Retry-After, and delivers once', async () => {
    api.rateLimit('chat.postMessage', 1, 1);
    const before = api.called('chat.postMessage').length;
    await slack.post('C0DIGEST', digest());
    expect(api.called('chat.postMessage').length - before).toBe(2);
    const delivered = api.messages('C0DIGEST');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.text).toContain('Cienfuegos');
    expect(citationLines({ blocks: delivered[0]!.blocks })).not.toEqual([]);
    expect(api.called('chat.postMessage').every((c) => c.token === BOT_TOKEN)).toBe(true);
  });

  it('reports a missing channel as ChannelGoneError', async () => {
    api.removeChannel('C0DELETED', 'channel_not_found');
    const err = await slack.post('C0DELETED', digest()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChannelGoneError);
    expect(err).toMatchObject({ platform: 'slack', channelId: 'C0DELETED' });
    api.removeChannel('C0KICKED', 'not_in_channel');
    await expect(slack.post('C0KICKED', digest())).rejects.toBeInstanceOf(ChannelGoneError);
  });

  it('passes other failures through for a later retry', async () => {
    api.failWith('chat.postMessage', 'fatal_error', 1);
    const err = await slack.post('C0DIGEST2', digest()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(ChannelGoneError);
  });

  it('finds its own earlier post by marker, and only its own, only since the given time', async () => {
    const since = new Date(Date.now() - 1000);
    const marker = 'digest-2026-11-23-C0WATCH';
    api.addMessage('C0WATCH', { text: `quoting ${marker}`, user: 'U0SOMEONE' });
    expect(await slack.wasPosted('C0WATCH', marker, since)).toBe(false);
    const reply = { ...digest(), body: `Daily digest · ${marker}` };
    await slack.post('C0WATCH', reply);
    expect(await slack.wasPosted('C0WATCH', marker, since)).toBe(true);
    expect(await slack.wasPosted('C0WATCH', 'digest-2026-11-24-C0WATCH', since)).toBe(false);
    expect(await slack.wasPosted('C0WATCH', marker, new Date(Date.now() + 60_000))).toBe(false);
    const history = api.called('conversations.history').at(-1)!;
    expect(history.args.channel).toBe('C0WATCH');
    await expect(slack.wasPosted('C0DELETED', marker, since)).rejects.toBeInstanceOf(ChannelGoneError);
  });

  it('never posts a mention from store or user text unescaped', async () => {
    const hostile = {
      ...digest(),
      title: 'Digest <!channel>',
      body: '<!here> & <@U1> see <#C1|general> <https://x.example|y>',
    };
    await slack.post('C0HOSTILE', hostile);
    const outgoing = strings(api.called('chat.postMessage').map((c) => c.args)).join('\n');
    expect(outgoing).toMatch(/&lt;\u200b?!here&gt; &amp; &lt;\u200b?@U1&gt;/);
    expect(outgoing).not.toMatch(/<[!@#h]/);
    expect(JSON.stringify(entries)).not.toMatch(/xoxb-3333|xapp-1-A0BEATBOOK/);
  });
});

describe('Slack start-up and shutdown', () => {
  it('refuses a wrong bot token with a clear error naming the variable', async () => {
    const err = await startSlack({
      botToken: 'xoxb-wrong',
      appToken: APP_TOKEN,
      store,
      registry,
      config: loadConfig({}),
      log: () => {},
      clientOptions: clientOptions(),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackStartError);
    expect(String((err as Error).message)).toMatch(/SLACK_BOT_TOKEN \(invalid_auth\)/);
    expect(String((err as Error).message)).not.toContain('xoxb-wrong');
  });

  it('refuses a wrong app token without leaving a socket behind', async () => {
    const err = await startSlack({
      botToken: BOT_TOKEN,
      appToken: 'xapp-wrong',
      store,
      registry,
      config: loadConfig({}),
      log: () => {},
      clientOptions: clientOptions(),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackStartError);
    expect(String((err as Error).message)).toContain('SLACK_APP_TOKEN');
  });

  it('stop() waits for the socket to close and is safe to call twice', async () => {
    const second = await startSlack({
      botToken: BOT_TOKEN,
      appToken: APP_TOKEN,
      store,
      registry,
      config: loadConfig({}),
      log: () => {},
      clientOptions: clientOptions(),
    });
    expect(socket.connections).toBe(2);
    await second.stop();
    await second.stop();
    await expect.poll(() => socket.connections).toBe(1);
  });
});
