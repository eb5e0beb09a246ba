// Tokens and secrets never appear in a log line, an error, a reply or anything sent to a platform: both
// adapters run against their fakes with recognisable fake credentials, every error path is driven, and every
// captured byte is searched. Configuration errors name the variable, never its value — also through the CLI.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../commands/index.js';
import { startDiscord } from '../../src/adapters/discord/start.js';
import { SlackStartError, startSlack } from '../../src/adapters/slack/start.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import type { CommandSpec } from '../../src/core/command.js';
import type { Registry } from '../../src/core/dispatch.js';
import type { Logger, RunningAdapter } from '../../src/core/platform.js';
import { createLogger } from '../../src/log.js';
import { ROOT } from '../../src/store/db.js';
import type { FakeDiscord } from '../adapters/discord/fake-discord.js';
import { startTestBot } from '../adapters/discord/bot.js';
import { slash } from '../adapters/discord/raw.js';
import { FakeSlackApi } from '../adapters/slack/fakes/web-api.js';
import { ResponseUrlServer } from '../adapters/slack/fakes/response-url.js';
import { FakeSocketMode } from '../adapters/slack/fakes/socket-mode.js';
import { slackSignature } from '../adapters/slack/fakes/signing.js';
import { slashCommand } from '../adapters/slack/payloads.js';
import { seededStore, tempDir } from '../helpers/store.js';

// Recognisable fakes, each with SECRET in it: none of them may be found anywhere the test can see.
const DISCORD_TOKEN = 'MTAx.fake-discord-token-SECRET';
const WRONG_DISCORD_TOKEN = 'MTAx.wrong-discord-token-SECRET';
const SLACK_BOT = 'xoxb-1010-2020-fakebotSECRET';
const WRONG_SLACK_BOT = 'xoxb-3030-4040-wrongbotSECRET';
const SLACK_APP = 'xapp-1-A0BEATBOOK-5050-fakeappSECRET';
const WRONG_SLACK_APP = 'xapp-1-A0BEATBOOK-6060-wrongappSECRET';
const SIGNING = 'fake-signing-secret-SECRET-0001';
const SECRETS = [DISCORD_TOKEN, WRONG_DISCORD_TOKEN, SLACK_BOT, WRONG_SLACK_BOT, SLACK_APP, WRONG_SLACK_APP, SIGNING];

/** Whole, or any piece of one: every secret carries SECRET, so a token cut in two is caught too. */
function expectClean(what: string, text: string): void {
  for (const s of SECRETS) expect(text.includes(s), `${what} contains ${s}`).toBe(false);
  expect(text, what).not.toContain('SECRET');
}

const { store } = seededStore();

/** One process configured for both platforms, as `serve` runs it: each adapter's lines must hide the other's secrets. */
const config = loadConfig({
  DISCORD_TOKEN,
  DISCORD_APPLICATION_ID: '900000000000000001',
  SLACK_BOT_TOKEN: SLACK_BOT,
  SLACK_APP_TOKEN: SLACK_APP,
  SLACK_SIGNING_SECRET: SIGNING,
});

// A bug that puts every credential into an exception message: the worst case the logs must survive.
const leaky: CommandSpec = {
  name: 'leaky',
  description: 'Throws with credentials in its message (test)',
  examples: [],
  options: [],
  permission: 'everyone',
  handler() {
    throw new Error(`cannot reach ${DISCORD_TOKEN} / ${SLACK_BOT} / ${SLACK_APP} / ${SIGNING}`);
  },
};
const testRegistry: Registry = {
  get: (name) => (name.toLowerCase() === 'leaky' ? leaky : registry.get(name)),
  list: () => [...registry.list(), leaky],
};

// Every sink: the adapters' structured entries, the same entries through pino, and the process's own output.
const entries: unknown[] = [];
const pinoLines: string[] = [];
const pino = createLogger('debug', { write: (line: string) => void pinoLines.push(line) });
const log: Logger = (entry) => {
  entries.push(entry);
  pino(entry);
};
const written: string[] = [];
const original = { out: process.stdout.write, err: process.stderr.write };
const errors: string[] = [];

beforeAll(() => {
  for (const [name, stream] of [
    ['out', process.stdout],
    ['err', process.stderr],
  ] as const) {
    const write = original[name];
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (write as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof stream.write;
  }
});
afterAll(() => {
  process.stdout.write = original.out;
  process.stderr.write = original.err;
});

describe('Discord, against its fake, with a recognisable token', () => {
  let fake: FakeDiscord;
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let adapter: RunningAdapter;

  beforeAll(async () => {
    bot = await startTestBot({
      fake: { token: DISCORD_TOKEN, channelIds: ['900000000000000400'] },
      token: DISCORD_TOKEN,
      store,
      registry: testRegistry,
      config,
      log,
    });
    ({ fake, adapter } = bot);
  });
  afterAll(async () => {
    await bot?.stop();
  });

  const interact = (raw: Record<string, unknown>) => fake.callback(raw);

  it('a handler that throws with credentials in its message: an apology, and a log line without them', async () => {
    const cb = await interact(slash(fake, 'leaky'));
    expect(cb.body.data.embeds[0].description).toMatch(/^Sorry — Beatbook hit a problem answering that\. Reference/);
    // The line is there, with the credentials cut out of the message (four of them, all in one line).
    const line = entries.find((e) => (e as { msg?: string }).msg === 'command failed') as { error: string };
    expect(line.error).toBe('cannot reach [redacted] / [redacted] / [redacted] / [redacted]');
  });

  it('a reply refused with 401 and with 500: logged without the interaction or bot token', async () => {
    for (const status of [401, 500]) {
      fake.fail({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, status });
      await interact(slash(fake, 'actor', { name: 'cisen' }));
    }
    const failed = entries.filter((e) => (e as { msg?: string }).msg === 'discord interaction failed');
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(failed)).toContain('[redacted]'); // the interaction token was in the URL
  });

  it('a failed channel post (401, 404) rejects with an error that names no token', async () => {
    fake.fail({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 401 });
    const reply = { ok: true, title: 'Digest', citations: [] };
    const e401 = await adapter.post(fake.channelId, reply).catch((e: Error) => e);
    const e404 = await adapter.post('900000000000000999', reply).catch((e: Error) => e);
    for (const e of [e401, e404]) {
      expect(e).toBeInstanceOf(Error);
      errors.push(`${(e as Error).message}\n${(e as Error).stack}`);
    }
  });

  it('a start-up refused for a wrong token says so without the token', async () => {
    const e = await startDiscord({
      token: WRONG_DISCORD_TOKEN,
      applicationId: fake.applicationId,
      store,
      registry,
      config,
      log,
      rest: { api: fake.api, timeout: 2000, retries: 0 },
    }).catch((err: Error) => err);
    expect((e as Error).message).toMatch(/^Discord start-up failed/);
    errors.push((e as Error).message);
  });

  it('sent no credential in any request body', () => {
    expect(fake.requests.length).toBeGreaterThan(5);
    expectClean('Discord request bodies', JSON.stringify(fake.requests.map((r) => r.body)));
  });
});

describe('Slack, against its fakes, with recognisable tokens and signing secret', () => {
  const api = new FakeSlackApi({ botToken: SLACK_BOT, appToken: SLACK_APP });
  const responses = new ResponseUrlServer();
  const socket = new FakeSocketMode();
  let slack: RunningAdapter & { port?: number };

  const options = {
    store,
    registry: testRegistry,
    config,
    log,
  };
  const client = () => ({ slackApiUrl: api.url, retryConfig: { retries: 0 }, timeout: 2000 });

  beforeAll(async () => {
    await api.start();
    await responses.start();
    await socket.start();
    api.socketUrl = socket.url;
    slack = await startSlack({
      ...options,
      botToken: SLACK_BOT,
      signingSecret: SIGNING,
      port: 0,
      host: '127.0.0.1',
      clientOptions: client(),
    });
  });
  afterAll(async () => {
    await slack?.stop();
    await socket.close();
    await api.close();
    await responses.close();
  });

  async function deliver(text: string, opts: { secret?: string; user?: string } = {}) {
    const url = responses.url('s');
    const body = new URLSearchParams(slashCommand(text, url, opts.user)).toString();
    const res = await fetch(`http://127.0.0.1:${slack.port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(opts.secret ?? SIGNING, body) },
      body,
    });
    return { status: res.status, body: await res.text(), url };
  }

  it('a handler that throws with credentials in its message: a private apology, a clean log line', async () => {
    const { url } = await deliver('leaky');
    const r = await responses.first(url);
    expect(r.response_type).toBe('ephemeral');
    expect(String(r.text)).toMatch(/Reference [0-9a-f]{8}/);
  });

  it('a request signed with the wrong secret: 401, nothing dispatched', async () => {
    const forged = await deliver('actor cisen', { secret: `${SIGNING}-not` });
    expect(forged.status).toBe(401);
    expectClean('the 401 body', forged.body);
    expect(responses.to(forged.url)).toEqual([]);
  });

  it('a failing respond(), a failing users.info and a Web API 500: logged without credentials', async () => {
    responses.fail(1, 404);
    const expired = await deliver('actor cisen');
    await responses.first(expired.url);
    api.failWith('users.info', 'invalid_auth', 1);
    await responses.first((await deliver('digest unsubscribe', { user: 'U0SOMEONE' })).url);
    await expect.poll(() => entries.some((e) => (e as { msg?: string }).msg === 'slack listener failed')).toBe(true);
    api.on('chat.postMessage', () => ({ status: 500, body: { ok: false } }));
    const e500 = await slack.post('C0DESK', { ok: true, title: 'Digest', citations: [] }).catch((e: Error) => e);
    expect(e500).toBeInstanceOf(Error);
    errors.push(`${(e500 as Error).message}\n${(e500 as Error).stack}`);
  });

  it('a post refused with invalid_auth rejects with an error that names no token', async () => {
    api.on('chat.postMessage', () => ({ ok: false, error: 'invalid_auth' }));
    const e = await slack.post('C0DESK', { ok: true, title: 'Digest', citations: [] }).catch((err: Error) => err);
    expect((e as Error).message).toContain('invalid_auth');
    errors.push(`${(e as Error).message}\n${(e as Error).stack}`);
  });

  it('a bot token Slack refuses (invalid_auth) stops start-up with a line naming the variable only', async () => {
    const e = await startSlack({
      ...options,
      botToken: WRONG_SLACK_BOT,
      signingSecret: SIGNING,
      port: 0,
      host: '127.0.0.1',
      clientOptions: client(),
    }).catch((err: Error) => err);
    expect(e).toBeInstanceOf(SlackStartError);
    expect((e as Error).message).toBe('Slack refused SLACK_BOT_TOKEN (invalid_auth).');
    errors.push((e as Error).message);
  });

  it('an app-level token Slack refuses stops Socket Mode start-up without naming it', async () => {
    const e = await startSlack({
      ...options,
      botToken: SLACK_BOT,
      appToken: WRONG_SLACK_APP,
      clientOptions: client(),
    }).catch((err: Error) => err);
    expect(e).toBeInstanceOf(SlackStartError);
    expect((e as Error).message).toMatch(/SLACK_APP_TOKEN/);
    errors.push((e as Error).message);
  });

  it('sent no credential in any reply or Web API argument', () => {
    expect(responses.posts.length).toBeGreaterThan(2);
    expectClean('response_url bodies', JSON.stringify(responses.posts));
    expectClean('Web API arguments', JSON.stringify(api.calls.map((c) => c.args)));
  });
});

describe('everything captured', () => {
  it('has no credential in any log entry, pino line, stdout/stderr write or error', () => {
    expect(entries.length).toBeGreaterThan(10);
    expect(pinoLines.length).toBe(entries.length);
    expectClean('log entries', JSON.stringify(entries));
    expectClean('pino lines', pinoLines.join(''));
    expectClean('stdout and stderr', written.join(''));
    expectClean('errors', errors.join('\n'));
  });
});

describe('configuration errors name the variable, never its value', () => {
  const CASES: [string, string][] = [
    ['SLACK_BOT_TOKEN', 'xoxp-user-token-SECRET-1234'],
    ['SLACK_APP_TOKEN', 'xoxb-bot-in-the-wrong-place-SECRET'],
    ['DISCORD_APPLICATION_ID', 'MTAx.token-pasted-as-id-SECRET'],
    ['DISCORD_GUILD_ID', 'guild-SECRET-12345'],
    ['PORT', 'port-SECRET-8080'],
    ['BEATBOOK_COOLDOWN', 'lots-SECRET-per-minute'],
    ['BEATBOOK_CHANNEL_COOLDOWN', '30/60/SECRET-extra'],
    ['LOG_LEVEL', 'verbose-SECRET-level'],
    ['DISCORD_TOKEN', '   '],
  ];

  it.each(CASES)('%s', (name, value) => {
    const e = (() => {
      try {
        loadConfig({ [name]: value });
      } catch (err) {
        return err as Error;
      }
    })();
    expect(e).toBeInstanceOf(ConfigError);
    expect(e!.message).toMatch(new RegExp(`^Configuration error: ${name} `));
    if (value.trim()) expect(e!.message).not.toContain(value);
    expect(e!.message).not.toContain('SECRET');
  });

  it('for rules across variables too', () => {
    const discord = (() => {
      try {
        loadConfig({ DISCORD_TOKEN: DISCORD_TOKEN });
      } catch (err) {
        return err as Error;
      }
    })();
    expect(discord!.message).toBe('Configuration error: DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set.');
    expect(() => loadConfig({ SLACK_BOT_TOKEN: SLACK_BOT })).toThrow(/^Configuration error: SLACK_BOT_TOKEN needs/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: SLACK_BOT })).not.toThrow(SLACK_BOT);
  });

  it('through the CLI: exit 2 and one stderr line naming the variable, for each bad variable', () => {
    const db = join(tempDir(), 'never-opened.sqlite');
    for (const [name, value] of CASES.filter(([, v]) => v.trim())) {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/beatbook.js'), 'stats'], {
        env: { ...process.env, BEATBOOK_DB: db, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', [name]: value },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status, name).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^Configuration error: ${name} [^\\n]*\\n$`));
      expect(r.stderr).not.toContain('SECRET');
      expect(r.stdout).toBe('');
    }
  });
});
