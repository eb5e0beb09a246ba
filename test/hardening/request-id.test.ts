// Request ids: every command dispatched gets a short random hex id that appears in each log line about it;
// the apology for a crash carries that id as its reference, matching exactly one error line. The per-command
// debug line names the command, platform, duration and outcome — never what the user typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../commands/index.js';
import { type Registry, dispatchLine } from '../../src/core/dispatch.js';
import type { Logger } from '../../src/core/platform.js';
import { createLogger } from '../../src/log.js';
import type { FakeDiscord } from '../adapters/discord/fake-discord.js';
import { startTestBot } from '../adapters/discord/bot.js';
import { slash } from '../adapters/discord/raw.js';
import type { ResponseUrlServer } from '../adapters/slack/fakes/response-url.js';
import { type SlackHttpApp, startSlackHttp } from '../adapters/slack/http-app.js';
import { explodingCommand } from '../helpers/exploding.js';
import { seededStore } from '../helpers/store.js';

const { store, ctx } = seededStore();

const explode = explodingCommand('database disk image is malformed');
const testRegistry: Registry = {
  get: (name) => (name.toLowerCase() === 'explode' ? explode : registry.get(name)),
  list: () => [...registry.list(), explode],
};

type Entry = Parameters<Logger>[0];
const HEX8 = /^[0-9a-f]{8}$/;

function recorder() {
  const entries: Entry[] = [];
  return { entries, log: ((e) => void entries.push(e)) as Logger };
}

const referenceOf = (text: string) => /Reference ([0-9a-f]{8})/.exec(text)?.[1];

describe('dispatch', () => {
  it("gives a crash's apology the request id as its reference, matching exactly one error line", () => {
    const { entries, log } = recorder();
    const reply = dispatchLine(testRegistry, ctx, 'explode', { log });
    const ref = reply.error?.reference;
    expect(ref).toMatch(HEX8);
    expect(reply.body).toBe(`Sorry — Beatbook hit a problem answering that. Reference ${ref}.`);
    const errors = entries.filter((e) => e.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      msg: 'command failed',
      requestId: ref,
      reference: ref,
      command: 'explode',
      platform: 'cli',
      error: 'database disk image is malformed',
    });
    expect(entries.find((e) => e.level === 'debug')).toMatchObject({ requestId: ref, code: 'internal', ok: false });
  });

  it('uses the id the adapter gives, and a fresh one per request otherwise', () => {
    const { log } = recorder();
    expect(dispatchLine(testRegistry, ctx, 'explode', { log, requestId: '0badcafe' }).error?.reference).toBe(
      '0badcafe',
    );
    const refs = new Set(
      Array.from({ length: 50 }, () => dispatchLine(testRegistry, ctx, 'explode', { log }).error?.reference),
    );
    expect(refs.size).toBe(50);
  });

  it('logs one debug line per command: name, platform, duration, outcome — and none of the words typed', () => {
    const { entries, log } = recorder();
    dispatchLine(registry, { ...ctx, platform: 'slack' }, 'search pegasus journalists', { log, requestId: 'a1b2c3d4' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toEqual({
      level: 'debug',
      msg: 'command',
      requestId: 'a1b2c3d4',
      command: 'search',
      platform: 'slack',
      ms: expect.any(Number),
      ok: true,
    });
  });

  it('names only registered commands: an unknown word or a bad option is logged by its code, not its text', () => {
    const { entries, log } = recorder();
    dispatchLine(registry, ctx, 'pegasus spyware journalists', { log });
    dispatchLine(registry, ctx, 'quote from:pegasus-2017', { log });
    dispatchLine(registry, ctx, 'actor Zorblax Quuxington', { log });
    expect(entries.map((e) => [e.command, e.code])).toEqual([
      [null, 'unknown_command'],
      ['quote', 'bad_date'],
      ['actor', 'not_found'],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/pegasus|spyware|Zorblax/i);
    expect(entries.every((e) => e.level === 'debug')).toBe(true);
  });

  it('without a logger (console, CLI) writes only crashes to stderr, one JSON line with the reference', () => {
    const written: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: unknown) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    let ref: string | undefined;
    try {
      dispatchLine(registry, ctx, 'actor cisen');
      dispatchLine(registry, ctx, 'quote from:someday');
      expect(written).toEqual([]);
      ref = dispatchLine(testRegistry, ctx, 'explode').error?.reference;
    } finally {
      process.stderr.write = write;
    }
    expect(written).toHaveLength(1);
    const line = JSON.parse(written[0]!);
    expect(line).toMatchObject({ level: 'error', requestId: ref, reference: ref });
    if (!process.env.DEBUG) expect(line.stack).toBeUndefined();
  });

  it('keeps the request id through pino: JSON lines with requestId, at debug and error level', () => {
    const lines: string[] = [];
    const pino = createLogger('debug', { write: (l: string) => void lines.push(l) });
    const ref = dispatchLine(testRegistry, ctx, 'explode', { log: pino }).error?.reference;
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.map((p) => [p.level, p.msg, p.requestId])).toEqual([
      [50, 'command failed', ref],
      [20, 'command', ref],
    ]);
    // At the default level the per-command line is not written; the error is.
    const quiet: string[] = [];
    dispatchLine(testRegistry, ctx, 'explode', {
      log: createLogger('info', { write: (l: string) => void quiet.push(l) }),
    });
    expect(quiet.map((l) => JSON.parse(l).msg)).toEqual(['command failed']);
  });
});

describe('Discord: one id per interaction', () => {
  const { entries, log } = recorder();
  let fake: FakeDiscord;
  let bot: Awaited<ReturnType<typeof startTestBot>>;

  beforeAll(async () => {
    bot = await startTestBot({ store, registry: testRegistry, log });
    fake = bot.fake;
  });
  afterAll(async () => {
    await bot?.stop();
  });

  async function interact(raw: Record<string, unknown>) {
    const cb = await fake.callback(raw);
    return cb.body.data as { flags?: number; embeds: { description?: string; footer?: { text: string } }[] };
  }

  it("a crashing command's apology reference is its request id, in exactly one error line", async () => {
    const data = await interact(slash(fake, 'explode'));
    const ref = referenceOf(data.embeds[0]!.description!);
    expect(ref).toMatch(HEX8);
    expect(data.flags).toBe(64);
    const errors = entries.filter((e) => e.level === 'error' && (e.reference === ref || e.requestId === ref));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ msg: 'command failed', requestId: ref, reference: ref, platform: 'discord' });
    expect(entries.filter((e) => e.requestId === ref).map((e) => e.msg)).toEqual(['command failed', 'command']);
  });

  it('a normal command logs its debug line under a fresh id, without the option values', async () => {
    const before = new Set(entries.map((e) => e.requestId));
    await interact(slash(fake, 'actor', { name: 'cisen' }));
    const line = entries.find((e) => e.msg === 'command' && e.command === 'actor')!;
    expect(line).toMatchObject({ level: 'debug', platform: 'discord', ok: true });
    expect(line.requestId).toMatch(HEX8);
    expect(before.has(line.requestId)).toBe(false);
    expect(JSON.stringify(line)).not.toContain('cisen');
  });

  it('a reply Discord refuses is logged and apologised for under the same id as the command', async () => {
    fake.fail({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, status: 500 });
    const data = await interact(slash(fake, 'source', { ref: 'P1' }));
    const ref = referenceOf(data.embeds[0]!.description!);
    expect(ref).toMatch(HEX8);
    const about = entries.filter((e) => e.requestId === ref);
    expect(about.map((e) => e.msg)).toEqual(['command', 'discord interaction failed']);
    expect(about[0]).toMatchObject({ command: 'source', ok: true });
    expect(about.filter((e) => e.level === 'error')).toHaveLength(1);
  });
});

describe('Slack: one id per request', () => {
  const { entries, log } = recorder();
  let app: SlackHttpApp;
  let responses: ResponseUrlServer;

  beforeAll(async () => {
    app = await startSlackHttp({
      botToken: 'xoxb-1212-3434-requestidtest',
      signingSecret: 'signing-secret-for-request-id-tests',
      store,
      registry: testRegistry,
      log,
      prepare: (api) =>
        api.on('users.info', (args) => (args.user === 'U0NOSCOPE' ? { ok: false, error: 'missing_scope' } : undefined)),
    });
    responses = app.responses;
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function command(text: string, user = 'U0REPORTER') {
    const { ack, body } = await app.command(text, { user, label: 'rid' });
    expect(ack.status).toBe(200);
    return { body };
  }

  it("a crashing command's apology reference is its request id, in exactly one error line", async () => {
    const { body } = await command('explode');
    const ref = referenceOf(String(body.text));
    expect(ref).toMatch(HEX8);
    const errors = entries.filter((e) => e.level === 'error' && (e.reference === ref || e.requestId === ref));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ msg: 'command failed', requestId: ref, platform: 'slack' });
    expect(JSON.stringify(body)).not.toContain('malformed');
  });

  it('every line about one request carries its id: the admin lookup that failed and the command', async () => {
    await command('digest unsubscribe', 'U0NOSCOPE');
    const warn = entries.find((e) => e.level === 'warn' && e.user === 'U0NOSCOPE')!;
    expect(warn.requestId).toMatch(HEX8);
    const lines = entries.filter((e) => e.requestId === warn.requestId);
    expect(lines.map((e) => e.msg)).toEqual([warn.msg, 'command']);
    expect(lines[1]).toMatchObject({ command: 'digest', code: 'forbidden', ok: false });
  });

  it("a respond() that fails is logged by Bolt's error handler under the command's id", async () => {
    responses.fail(1, 404);
    await command('actor cisen');
    await expect.poll(() => entries.some((e) => e.msg === 'slack listener failed')).toBe(true);
    const failed = entries.find((e) => e.msg === 'slack listener failed')!;
    expect(failed.requestId).toMatch(HEX8);
    const cmd = entries.find((e) => e.msg === 'command' && e.requestId === failed.requestId);
    expect(cmd).toMatchObject({ command: 'actor', ok: true });
  });
});
