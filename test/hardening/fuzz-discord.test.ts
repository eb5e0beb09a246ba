// Hostile input on the Discord option path, end to end: the real discord.js client, logged in to the fake
// gateway and REST on 127.0.0.1, receives slash commands whose option values are nasty strings, autocomplete
// requests typing them, and button clicks with forged, over-long and malformed custom_ids. Every answer the
// bot sends must fit Discord's limits, carry allowed_mentions.parse = [] and no stack, and the bot must keep
// answering; nothing but button_state (long paging lines, by design) may change in the store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../commands/index.js';
import type { CommandSpec } from '../../src/core/command.js';
import type { Logger } from '../../src/core/platform.js';
import type { FakeDiscord } from '../adapters/discord/fake-discord.js';
import { startTestBot } from '../adapters/discord/bot.js';
import { REPORTER, autocompleteOf, click, slash } from '../adapters/discord/raw.js';
import { expectNoOpenSockets } from '../adapters/discord/sockets.js';
import {
  DISCORD_LIVE_MENTION,
  type DiscordPayload,
  discordProblems,
  discordTexts,
  wellFormed,
} from '../helpers/limits.js';
import { seededStore } from '../helpers/store.js';
import { REQUIRED_VALUES } from './baseline.js';
import { fingerprint } from './fingerprint.js';
import { knownBug } from './known-bugs.js';
import { stackLeak } from './leaks.js';
import { NASTY, sampleNasty } from './nasty.js';

const { db, store } = seededStore();
const logs: Parameters<Logger>[0][] = [];
const log: Logger = (entry) => logs.push(entry);
const clock = new Date('2026-11-23T12:00:00Z');
let fake: FakeDiscord;
let bot: Awaited<ReturnType<typeof startTestBot>>;
let before: Record<string, string>;

/** About two strings of every family of the fixture, plus every huge one. */
const SAMPLE = sampleNasty(2);
/** button_state holds the lines of long paging buttons: answers may add to it, by design. */
const EXPECTED_WRITES = ['button_state'];

beforeAll(async () => {
  before = fingerprint(db, EXPECTED_WRITES);
  bot = await startTestBot({ store, registry, log, now: () => clock });
  fake = bot.fake;
});

afterAll(async () => {
  await bot?.stop();
  await expectNoOpenSockets();
});

/**
 * Sends an interaction and resolves with the callback type and the message the bot sent for it: the
 * callback's data, or — after a deferral (5, 6) — the follow-up or the edit of the original.
 */
async function answer(raw: Record<string, unknown>): Promise<{ type: number; payload: Record<string, any> }> {
  const callback = await fake.callback(raw);
  const ids = { token: callback.path.split('/')[3]! };
  const type = callback.body.type as number;
  if (type !== 5 && type !== 6) return { type, payload: callback.body.data ?? {} };
  const next = await fake.waitForRequest(
    (r) =>
      r.path.startsWith(`/webhooks/${fake.applicationId}/${ids.token}`) &&
      (r.method === 'POST' || r.method === 'PATCH'),
  );
  return { type, payload: next.body };
}

/** Everything wrong with one message the bot sent. */
function problems(payload: Record<string, any>, where: string): string[] {
  const out = discordProblems(payload as DiscordPayload).map((p) => `${where}: ${p}`);
  for (const t of discordTexts(payload as DiscordPayload)) {
    const leak = stackLeak(t);
    if (leak) out.push(`${where}: ${leak}`);
  }
  if (payload.embeds?.[0]?.title === '⚠ Something went wrong') out.push(`${where}: an internal error`);
  return out;
}

/** A valid value for each required option, so that the nasty one is the option that gets judged. */
const BASELINE = REQUIRED_VALUES;

const COMMANDS: CommandSpec[] = registry.list().filter((c) => c.options.length > 0);

describe('Discord slash commands with hostile option values', () => {
  it('samples every family of the fixture and every huge string', () => {
    expect(SAMPLE.length).toBeGreaterThanOrEqual(40);
    expect(new Set(SAMPLE.map((n) => n.family))).toEqual(new Set(NASTY.map((n) => n.family)));
  });

  it('answers each option of each command, given a nasty value, within limits and mention-free', async () => {
    const found: string[] = [];
    let sent = 0;
    for (const [i, n] of SAMPLE.entries()) {
      const spec = COMMANDS[i % COMMANDS.length]!;
      if (knownBug(spec.name, n.text)) continue;
      for (const opt of spec.options) {
        const { payload } = await answer(slash(fake, spec.name, { ...BASELINE[spec.name], [opt.name]: n.text }));
        found.push(...problems(payload, `/${spec.name} ${opt.name}:${n.label}`));
        sent++;
      }
    }
    expect(found.slice(0, 15), `${found.length} problems`).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(SAMPLE.length);
  });
});

describe('Discord autocomplete with hostile typed values', () => {
  const FOCUS: [string, string][] = [
    ['actor', 'name'],
    ['quote', 'speaker'],
    ['timeline', 'actor'],
    ['policy', 'name'],
    ['search', 'text'],
  ];

  it('suggests at most 25 well-formed choices of at most 100 characters, or none', async () => {
    const found: string[] = [];
    for (const [i, n] of SAMPLE.entries()) {
      const [command, option] = FOCUS[i % FOCUS.length]!;
      const where = `autocomplete /${command} ${option}:${n.label}`;
      const { type, payload } = await answer(autocompleteOf(fake, command, option, n.text));
      if (type !== 8) {
        found.push(`${where}: callback type ${type}`);
        continue;
      }
      const choices = (payload.choices ?? []) as { name: string; value: string }[];
      if (!Array.isArray(payload.choices) || choices.length > 25) found.push(`${where}: ${choices.length} choices`);
      for (const c of choices) {
        if (c.name.length < 1 || c.name.length > 100) found.push(`${where}: choice name ${c.name.length}`);
        if (c.value.length < 1 || c.value.length > 100) found.push(`${where}: choice value ${c.value.length}`);
        if (!wellFormed(c.name) || DISCORD_LIVE_MENTION.test(c.name)) found.push(`${where}: choice ${c.name}`);
      }
    }
    expect(found.slice(0, 15), `${found.length} problems`).toEqual([]);
  });
});

describe('Discord buttons with forged custom_ids', () => {
  const issued = Math.floor(clock.getTime() / 1000).toString(36);
  const owner = BigInt(REPORTER.id).toString(36);
  const earlier = () => fake.message(fake.channelId, { embeds: [{ title: 'An earlier answer' }] });

  /** Forgeries that decode to nothing, an unknown key, or someone else's or an expired button. */
  const FORGED = [
    '',
    'x',
    'bb1',
    'bb1|p',
    'bb1||||',
    'bb1|p|*|zz|=',
    'bb1|q|*|zz|=help',
    `bb1|p|${owner}|${issued}|#nosuchkey`,
    `bb1|p|${owner}|${issued}|#' OR 1=1 --`,
    `bb1|p|${owner}|${issued}|#${'k'.repeat(33)}`,
    `bb1|p|${BigInt('700000000000000002').toString(36)}|${issued}|=actor cisen`,
    `bb1|p|${owner}|${Math.floor(clock.getTime() / 1000 - 3 * 86400).toString(36)}|=actor cisen`,
    '{"c":"actor cisen","u":"1"}',
    '{"c":',
    `bb1|p|*|${issued}|=${'x'.repeat(5000)}`,
    'x'.repeat(101),
    '\u0000\u202e<@&456> @everyone',
  ];

  it('answers every forged custom_id privately, within limits', async () => {
    const found: string[] = [];
    for (const id of FORGED) {
      const where = `click ${JSON.stringify(id.slice(0, 40))}`;
      const { type, payload } = await answer(click(fake, id, earlier()));
      if (type !== 4) found.push(`${where}: callback type ${type}, not a private reply`);
      if (payload.flags !== 64) found.push(`${where}: not ephemeral`);
      found.push(...problems(payload, where));
    }
    expect(found.slice(0, 15), `${found.length} problems`).toEqual([]);
  });

  it('runs a well-formed button carrying a nasty command line like the line itself, within limits', async () => {
    const commands = registry.list().map((c) => c.name);
    const found: string[] = [];
    for (const [i, n] of SAMPLE.entries()) {
      const command = commands[i % commands.length]!;
      if (knownBug(command, n.text)) continue;
      // Inline ids over 100 characters cannot come from Beatbook; a forger can still send them.
      for (const [kind, who] of [
        ['p', owner],
        ['c', '*'],
      ] as const) {
        const id = `bb1|${kind}|${who}|${issued}|=${command} ${n.text}`;
        const where = `click ${kind} ${command} ${n.label}`;
        const { payload } = await answer(click(fake, id, earlier()));
        found.push(...problems(payload, where));
      }
    }
    expect(found.slice(0, 15), `${found.length} problems`).toEqual([]);
  });
});

describe('after the barrage', () => {
  it('still answers, logged no crash, and changed nothing but button_state', async () => {
    const { payload } = await answer(slash(fake, 'actor', { name: 'cisen' }));
    expect(payload.embeds[0].title).toBe('CISEN');
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    expect(logs.filter((l) => l.level === 'error')).toEqual([]);
    expect(fingerprint(db, EXPECTED_WRITES)).toEqual(before);
  });

  it('set allowed_mentions.parse = [] on every message it sent', () => {
    let checked = 0;
    for (const r of fake.requests) {
      if (r.status >= 300 || r.method === 'GET' || r.method === 'DELETE') continue;
      const body = r.path.endsWith('/callback')
        ? r.body.type === 4 || r.body.type === 7
          ? r.body.data
          : null
        : r.body;
      if (!body || !r.path.match(/\/callback$|^\/webhooks\//)) continue;
      expect(body.allowed_mentions, r.path).toEqual({ parse: [] });
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});
