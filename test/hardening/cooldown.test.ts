// Cooldowns: per user and per channel, sliding windows on an injected clock, memory bounded, `help` free;
// and end to end, the 11th command in a minute answered with a private "slow down" on Slack and Discord.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../commands/index.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import type { Context } from '../../src/core/command.js';
import { dispatchLine } from '../../src/core/dispatch.js';
import { SlidingWindow, cooldowns } from '../../src/core/guards.js';
import type { Logger } from '../../src/core/platform.js';
import type { FakeDiscord } from '../adapters/discord/fake-discord.js';
import { startTestBot } from '../adapters/discord/bot.js';
import { EDITOR, REPORTER, slash } from '../adapters/discord/raw.js';
import { type SlackHttpApp, startSlackHttp } from '../adapters/slack/http-app.js';
import { seededStore } from '../helpers/store.js';

const { store } = seededStore();
const MINUTE = 60_000;
const T0 = Date.parse('2026-11-23T12:00:00Z');

/** A guard on a clock the test moves by hand. */
function limiter(user = { limit: 10, windowMs: MINUTE }, channel?: { limit: number; windowMs: number }) {
  const clock = { now: T0 };
  const guard = cooldowns({ user, ...(channel ? { channel } : {}), clock: () => clock.now });
  return { clock, guards: [guard] };
}

function ctxOf(user: string, channelId?: string, platform: Context['platform'] = 'slack'): Context {
  return { store, user: { id: user, admin: false }, platform, ...(channelId ? { channelId } : {}), now: new Date(T0) };
}

// A real command on the real store: the cooldown sits in front of genuine work.
const LINE = 'actor cisen';

describe('per-user cooldown (BEATBOOK_COOLDOWN, default 10/60)', () => {
  it('answers 10 commands in a minute and refuses the 11th with a private "slow down — try again in N s"', () => {
    const { clock, guards } = limiter();
    for (let i = 0; i < 10; i++) {
      clock.now = T0 + i * 1000;
      expect(dispatchLine(registry, ctxOf('U1'), LINE, { guards }).title).toBe('CISEN');
    }
    clock.now = T0 + 20_000;
    const refused = dispatchLine(registry, ctxOf('U1'), LINE, { guards });
    expect(refused.ok).toBe(false);
    expect(refused.ephemeral).toBe(true);
    expect(refused.error?.code).toBe('rate_limited');
    // The oldest of the ten (t=0) leaves the window at t=60 s: 40 s from now.
    expect(refused.body).toMatch(/^Slow down — you have run a lot of commands in a short time\. Try again in 40 s\.$/);
  });

  it('slides: each old command that leaves the window frees one place, not the whole budget', () => {
    const { clock, guards } = limiter();
    for (let i = 0; i < 10; i++) {
      clock.now = T0 + i * 1000;
      dispatchLine(registry, ctxOf('U2'), LINE, { guards });
    }
    clock.now = T0 + MINUTE; // the command of t=0 has left the window
    expect(dispatchLine(registry, ctxOf('U2'), LINE, { guards }).ok).toBe(true);
    const again = dispatchLine(registry, ctxOf('U2'), LINE, { guards });
    expect(again.error?.code).toBe('rate_limited');
    expect(again.body).toContain('Try again in 1 s.'); // t=1 s leaves at 61 s
    clock.now = T0 + MINUTE + 1000;
    expect(dispatchLine(registry, ctxOf('U2'), LINE, { guards }).ok).toBe(true);
  });

  it('keeps users apart, and the same id on two platforms apart', () => {
    const { guards } = limiter({ limit: 2, windowMs: MINUTE });
    for (let i = 0; i < 2; i++) dispatchLine(registry, ctxOf('U3'), LINE, { guards });
    expect(dispatchLine(registry, ctxOf('U3'), LINE, { guards }).error?.code).toBe('rate_limited');
    expect(dispatchLine(registry, ctxOf('U4'), LINE, { guards }).ok).toBe(true);
    expect(dispatchLine(registry, ctxOf('U3', undefined, 'discord'), LINE, { guards }).ok).toBe(true);
  });

  it('never counts help, and help still answers someone told to slow down', () => {
    const { guards } = limiter({ limit: 3, windowMs: MINUTE });
    for (let i = 0; i < 20; i++) expect(dispatchLine(registry, ctxOf('U5'), 'help', { guards }).ok).toBe(true);
    for (let i = 0; i < 3; i++) expect(dispatchLine(registry, ctxOf('U5'), LINE, { guards }).ok).toBe(true);
    expect(dispatchLine(registry, ctxOf('U5'), LINE, { guards }).error?.code).toBe('rate_limited');
    expect(dispatchLine(registry, ctxOf('U5'), 'help quote', { guards }).title).toBe('help quote');
  });

  it('does not charge a line that names no command or cannot be parsed', () => {
    const { guards } = limiter({ limit: 2, windowMs: MINUTE });
    const ctx = ctxOf('U6', 'C-desk');
    for (let i = 0; i < 5; i++) {
      expect(dispatchLine(registry, ctx, 'frobnicate', { guards }).error?.code).toBe('unknown_command');
      expect(dispatchLine(registry, ctx, 'quote speaker:"Peña', { guards }).error?.code).toBe('bad_input');
    }
    expect(dispatchLine(registry, ctx, LINE, { guards }).ok).toBe(true);
    expect(dispatchLine(registry, ctx, LINE, { guards }).ok).toBe(true);
  });
});

describe('per-channel cooldown (BEATBOOK_CHANNEL_COOLDOWN, default 30/60)', () => {
  it('gives a channel a shared, larger budget: three reporters at 10 each fill 30, the fourth waits', () => {
    const { clock, guards } = limiter({ limit: 10, windowMs: MINUTE }, { limit: 30, windowMs: MINUTE });
    for (const user of ['A', 'B', 'C'])
      for (let i = 0; i < 10; i++) {
        clock.now += 100;
        expect(dispatchLine(registry, ctxOf(user, 'C-newsroom'), LINE, { guards }).ok).toBe(true);
      }
    const fourth = dispatchLine(registry, ctxOf('D', 'C-newsroom'), LINE, { guards });
    expect(fourth.error?.code).toBe('rate_limited');
    expect(fourth.ephemeral).toBe(true);
    expect(fourth.body).toMatch(
      /^Slow down — this channel has run a lot of commands in a short time\. Try again in \d+ s\.$/,
    );
    // The same reporter in another channel is not held up by this one.
    expect(dispatchLine(registry, ctxOf('D', 'C-other'), LINE, { guards }).ok).toBe(true);
  });

  it("does not charge the user's budget for a command the channel refused", () => {
    const { clock, guards } = limiter({ limit: 3, windowMs: MINUTE }, { limit: 2, windowMs: 10_000 });
    const ctx = ctxOf('E', 'C-small');
    expect(dispatchLine(registry, ctx, LINE, { guards }).ok).toBe(true);
    expect(dispatchLine(registry, ctx, LINE, { guards }).ok).toBe(true);
    clock.now = T0 + 1000;
    for (let i = 0; i < 5; i++) expect(dispatchLine(registry, ctx, LINE, { guards }).error?.code).toBe('rate_limited');
    clock.now = T0 + 11_000; // the channel window has passed; the user has used 2 of 3
    expect(dispatchLine(registry, ctx, LINE, { guards }).ok).toBe(true);
  });

  it('applies only the per-user budget where there is no channel (console, CLI)', () => {
    const { guards } = limiter({ limit: 5, windowMs: MINUTE }, { limit: 1, windowMs: MINUTE });
    for (let i = 0; i < 5; i++)
      expect(dispatchLine(registry, ctxOf('F', undefined, 'cli'), LINE, { guards }).ok).toBe(true);
    expect(dispatchLine(registry, ctxOf('F', undefined, 'cli'), LINE, { guards }).error?.code).toBe('rate_limited');
  });
});

describe('cooldown memory is bounded', () => {
  it('forgets keys whose window has passed', () => {
    const w = new SlidingWindow({ limit: 10, windowMs: MINUTE });
    for (let i = 0; i < 500; i++) w.record(`flood-${i}`, T0);
    expect(w.size).toBe(500);
    w.record('late', T0 + MINUTE);
    expect(w.size).toBe(1);
  });

  it('never holds more than its cap, however many distinct ids arrive inside one window', () => {
    const w = new SlidingWindow({ limit: 10, windowMs: MINUTE }, 1000);
    for (let i = 0; i < 50_000; i++) w.record(`U${i}`, T0 + (i % 1000));
    expect(w.size).toBe(1000);
  });

  it('drops the least recently active key first, so a busy user keeps their count through a flood', () => {
    const w = new SlidingWindow({ limit: 2, windowMs: MINUTE }, 3);
    w.record('busy', T0);
    w.record('busy', T0);
    w.record('x', T0);
    w.record('y', T0);
    w.record('busy', T0 + 1); // busy is now the most recent …
    w.record('z', T0 + 2); // … so x goes, not busy
    expect(w.wait('busy', T0 + 3)).toBeGreaterThan(0);
    expect(w.wait('x', T0 + 3)).toBe(0);
    expect(w.size).toBe(3);
  });

  it('keeps at most `limit` timestamps per key', () => {
    const guard = cooldowns({ user: { limit: 3, windowMs: MINUTE }, clock: () => T0 });
    const spec = registry.get('actor')!;
    for (let i = 0; i < 3; i++) guard(spec, ctxOf('G'));
    for (let i = 0; i < 1000; i++) expect(() => guard(spec, ctxOf('G'))).toThrow(/Slow down/);
  });
});

describe('cooldown configuration', () => {
  it('reads BEATBOOK_COOLDOWN and BEATBOOK_CHANNEL_COOLDOWN as commands/seconds, with defaults 10/60 and 30/60', () => {
    expect(loadConfig({})).toMatchObject({
      cooldown: { limit: 10, windowMs: 60_000 },
      channelCooldown: { limit: 30, windowMs: 60_000 },
    });
    expect(loadConfig({ BEATBOOK_COOLDOWN: '5/30', BEATBOOK_CHANNEL_COOLDOWN: '100/120' })).toMatchObject({
      cooldown: { limit: 5, windowMs: 30_000 },
      channelCooldown: { limit: 100, windowMs: 120_000 },
    });
  });

  it.each(['0/60', '10/0', 'ten/60', '10', '-1/60', '10/60/2'])('refuses %s, naming the variable', (value) => {
    for (const name of ['BEATBOOK_COOLDOWN', 'BEATBOOK_CHANNEL_COOLDOWN']) {
      const e = (() => {
        try {
          loadConfig({ [name]: value });
        } catch (err) {
          return err;
        }
      })();
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as Error).message).toMatch(new RegExp(`^Configuration error: ${name} must look like 10/60`));
    }
  });
});

// ---- end to end ---------------------------------------------------------------------------------------------

const quiet: Logger = () => undefined;

describe('Slack: the 11th command in a minute', () => {
  let app: SlackHttpApp;

  beforeAll(async () => {
    app = await startSlackHttp({
      botToken: 'xoxb-7777-8888-cooldowntest',
      signingSecret: 'signing-secret-for-cooldown-tests',
      store,
      registry,
      log: quiet,
      guards: limiter().guards,
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function command(text: string, user: string): Promise<Record<string, unknown>> {
    const { ack, body } = await app.command(text, { user, label: 'cd' });
    expect(ack.status).toBe(200);
    return body;
  }

  it('gets a slow-down only the asker sees; help and other reporters still get answers', async () => {
    for (let i = 0; i < 10; i++) expect((await command(LINE, 'U0HASTY')).response_type).toBe('in_channel');
    const eleventh = await command(LINE, 'U0HASTY');
    expect(eleventh.response_type).toBe('ephemeral');
    expect(String(eleventh.text)).toMatch(
      /Slow down — you have run a lot of commands in a short time\. Try again in \d+ s\./,
    );
    expect((await command('help', 'U0HASTY')).text).toContain('Beatbook — every answer cited');
    expect((await command(LINE, 'U0CALM')).response_type).toBe('in_channel');
  });
});

describe('Discord: the 11th command in a minute', () => {
  let fake: FakeDiscord;
  let bot: Awaited<ReturnType<typeof startTestBot>>;

  beforeAll(async () => {
    bot = await startTestBot({ store, registry, log: quiet, guards: limiter().guards });
    fake = bot.fake;
  });
  afterAll(async () => {
    await bot?.stop();
  });

  async function run(
    raw: Record<string, unknown>,
  ): Promise<{ flags?: number; embeds: { description?: string; title?: string }[] }> {
    return (await fake.callback(raw)).body.data;
  }

  it('gets a private (ephemeral) slow-down; another member is still answered', async () => {
    for (let i = 0; i < 10; i++) {
      const ok = await run(slash(fake, 'actor', { name: 'cisen' }, REPORTER));
      expect(ok.flags ?? 0).toBe(0);
      expect(ok.embeds[0]!.title).toBe('CISEN');
    }
    const eleventh = await run(slash(fake, 'actor', { name: 'cisen' }, REPORTER));
    expect(eleventh.flags).toBe(64);
    expect(eleventh.embeds[0]!.description).toMatch(
      /Slow down — you have run a lot of commands in a short time\. Try again in \d+ s\./,
    );
    const help = await run(slash(fake, 'help', {}, REPORTER));
    expect(help.embeds[0]!.title).toBe('Beatbook — every answer cited');
    const other = await run(slash(fake, 'actor', { name: 'cisen' }, EDITOR));
    expect(other.embeds[0]!.title).toBe('CISEN');
  });
});
