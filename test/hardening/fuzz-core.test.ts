// Hostile input through the shared layer: every command of the registry gets every string of the nasty
// fixture — as the whole line, as each option typed on a line (console, CLI, Slack) and as each raw option
// value (as Discord delivers them) — plus fast-check properties over the parser and the dispatcher. Each
// reply must come back (never a throw), never be an internal error, render within Discord's and Slack's
// limits with no live mention and no stack, and leave the store byte-for-byte as it was.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { registry } from '../../commands/index.js';
import { renderText } from '../../src/adapters/console/render.js';
import { encodeButtonId } from '../../src/adapters/discord/buttons.js';
import { type ButtonIdFor, renderDiscord } from '../../src/adapters/discord/render.js';
import { renderBlocks } from '../../src/adapters/slack/render.js';
import type { CommandSpec, Context } from '../../src/core/command.js';
import { dispatchCommand, dispatchLine } from '../../src/core/dispatch.js';
import { UserError } from '../../src/core/errors.js';
import { parseLine } from '../../src/core/parse.js';
import type { Reply } from '../../src/core/reply.js';
import { discordProblems, discordTexts, slackProblems, slackTexts, wellFormed } from '../helpers/limits.js';
import { seededStore } from '../helpers/store.js';
import { REQUIRED_VALUES } from './baseline.js';
import { fingerprint } from './fingerprint.js';
import { knownBug } from './known-bugs.js';
import { stackLeak } from './leaks.js';
import { NASTY, mixedText } from './nasty.js';

const { db, store } = seededStore();
const NOW = new Date('2026-11-23T12:00:00Z');
const REPORTER = '700000000000000001';
const SLACK_OWNER = 'U0REPORTER';

/** A reporter without any management right, in a chat channel: admin-only actions must be refused. */
const reporter = (platform: 'discord' | 'slack'): Context => ({
  store,
  user: { id: platform === 'discord' ? REPORTER : SLACK_OWNER, admin: false },
  platform,
  channelId: platform === 'discord' ? '900000000000000200' : 'C0SECURITY',
  now: NOW,
});

/** The real custom_id codec; an over-long line gets its would-be key without a write to button_state. */
const buttonId: ButtonIdFor = ({ kind, line }) =>
  encodeButtonId({ kind, owner: REPORTER, issuedAt: NOW, line }, (long) =>
    createHash('sha256').update(long).digest('base64url').slice(0, 16),
  );

/** A valid value for each required positional, so that the other options get past missing_argument. */
const BASELINE: Record<string, Record<string, string>> = { ...REQUIRED_VALUES, digest: { action: 'preview' } };
/** digest's time: and tz: only mean something with subscribe. */
const BASELINE_FOR_OPTION: Record<string, Record<string, string>> = {
  'digest.time': { action: 'subscribe', tz: 'America/Mexico_City' },
  'digest.tz': { action: 'subscribe', time: '08:00' },
};

/** Values a forged interaction can put where Discord would send a number, or a string. */
const ODD_NUMBERS = [-1, 0, -0, 1.5, 2 ** 53, 1e21, Number.NaN, Number.POSITIVE_INFINITY, Number.MIN_SAFE_INTEGER];

let dispatches = 0;
const crashes: unknown[] = [];
const opts = {
  log: (entry: Record<string, unknown>) => {
    if (entry.level === 'error') crashes.push(entry.error);
  },
};

/** Everything wrong with one reply: what it is, how it renders on each platform, what it leaks. */
function inspect(reply: unknown, where: string): string[] {
  const r = reply as Reply;
  if (!r || typeof r.title !== 'string' || !Array.isArray(r.citations)) return [`${where}: not a Reply`];
  const out: string[] = [];
  if (r.error?.code === 'internal') out.push(`${where}: internal error (${String(crashes.at(-1))})`);
  const discord = renderDiscord(r, { buttonId });
  for (const p of discordProblems(discord)) out.push(`${where}: Discord ${p}`);
  const slack = renderBlocks(r, { owner: SLACK_OWNER });
  for (const p of slackProblems(slack, { reply: r, owner: SLACK_OWNER })) out.push(`${where}: Slack ${p}`);
  for (const text of [...discordTexts(discord), ...slackTexts(slack), renderText(r)]) {
    const leak = stackLeak(text);
    if (leak) out.push(`${where}: ${leak}`);
  }
  return out;
}

function line(text: string, problems: string[], where: string): void {
  dispatches++;
  try {
    problems.push(...inspect(dispatchLine(registry, reporter('slack'), text, opts), where));
  } catch (e) {
    problems.push(`${where}: dispatchLine threw ${(e as Error).message}`);
  }
}

function command(name: string, raw: Record<string, string | number>, problems: string[], where: string): void {
  dispatches++;
  try {
    problems.push(...inspect(dispatchCommand(registry, reporter('discord'), name, raw, opts), where));
  } catch (e) {
    problems.push(`${where}: dispatchCommand threw ${(e as Error).message}`);
  }
}

/** `opt:"value"` on a line, or the quoted free text for the positional option. */
function typed(spec: CommandSpec, opt: CommandSpec['options'][number], value: string): string {
  const base = { ...BASELINE[spec.name], ...BASELINE_FOR_OPTION[`${spec.name}.${opt.name}`] };
  const positional = spec.options.find((o) => o.positional);
  const parts = [spec.name];
  if (positional && positional.name !== opt.name && base[positional.name]) parts.push(base[positional.name]!);
  for (const [k, v] of Object.entries(base)) if (k !== positional?.name && k !== opt.name) parts.push(`${k}:${v}`);
  parts.push(opt.positional ? `"${value}"` : `${opt.name}:"${value}"`);
  return parts.join(' ');
}

function raw(spec: CommandSpec, opt: CommandSpec['options'][number], value: string | number) {
  return { ...BASELINE[spec.name], ...BASELINE_FOR_OPTION[`${spec.name}.${opt.name}`], [opt.name]: value };
}

const SHOW = Number(process.env.FUZZ_SHOW ?? 15);

describe('every command × every nasty string', () => {
  const commands = registry.list();

  it('covers every command of the registry and a fixture of every family', () => {
    expect(commands.map((c) => c.name).sort()).toEqual(
      ['actor', 'ask', 'digest', 'event', 'find', 'help', 'policy', 'quote', 'search', 'source', 'timeline'].sort(),
    );
    expect(NASTY.length).toBeGreaterThanOrEqual(120);
    expect(new Set(NASTY.map((n) => n.family)).size).toBeGreaterThanOrEqual(18);
    expect(NASTY.some((n) => n.text.length >= 100_000)).toBe(true);
  });

  for (const spec of commands) {
    it(`${spec.name}: as the line's text, as each option typed, as each raw option — a clean reply, store unchanged`, () => {
      const before = fingerprint(db);
      const problems: string[] = [];
      for (const n of NASTY) {
        if (knownBug(spec.name, n.text)) continue;
        line(`${spec.name} ${n.text}`, problems, `line "${spec.name} ${n.label}"`);
        for (const opt of spec.options) {
          line(typed(spec, opt, n.text), problems, `line ${spec.name} ${opt.name}:${n.label}`);
          command(spec.name, raw(spec, opt, n.text), problems, `raw ${spec.name} {${opt.name}: ${n.label}}`);
        }
      }
      for (const opt of spec.options)
        for (const x of ODD_NUMBERS)
          command(spec.name, raw(spec, opt, x), problems, `raw ${spec.name} {${opt.name}: ${x}}`);
      expect(problems.slice(0, SHOW), `${problems.length} problems`).toEqual([]);
      expect(fingerprint(db)).toEqual(before);
    });
  }

  it('refuses digest subscribe and unsubscribe to a reporter, whatever the options', () => {
    const before = fingerprint(db);
    for (const n of NASTY.filter((x) => x.text.length < 200)) {
      for (const text of [
        `digest subscribe time:08:00 tz:"${n.text}"`,
        `digest subscribe time:"${n.text}" tz:America/Mexico_City`,
        `digest unsubscribe ${n.text}`,
      ]) {
        dispatches++;
        const r = dispatchLine(registry, reporter('slack'), text, opts);
        expect(r.ok, text).toBe(false);
        expect(r.error?.code, text).not.toBe('internal');
      }
    }
    // A well-formed request from a reporter is refused for who they are, not for its form.
    expect(
      dispatchLine(registry, reporter('slack'), 'digest subscribe time:08:00 tz:America/Mexico_City').error,
    ).toMatchObject({ code: 'forbidden' });
    expect(fingerprint(db)).toEqual(before);
  });
});

describe('digest as a channel manager, on a throwaway store', () => {
  const copy = seededStore();
  const manager: Context = {
    store: copy.store,
    user: { id: 'U0DESKCHIEF', admin: true },
    platform: 'slack',
    channelId: 'C0FUZZ',
    now: NOW,
  };

  it('rejects every nasty time: and tz: without writing a subscription', () => {
    const before = fingerprint(copy.db);
    const problems: string[] = [];
    for (const n of NASTY) {
      for (const [where, r] of [
        [
          `time:${n.label}`,
          dispatchCommand(registry, manager, 'digest', { action: 'subscribe', time: n.text, tz: 'UTC' }, opts),
        ],
        [
          `tz:${n.label}`,
          dispatchCommand(registry, manager, 'digest', { action: 'subscribe', time: '08:00', tz: n.text }, opts),
        ],
        [`line ${n.label}`, dispatchLine(registry, manager, `digest subscribe ${n.text}`, opts)],
      ] as const) {
        dispatches++;
        if (r.ok) problems.push(`${where}: subscribed`);
        problems.push(...inspect(r, where));
      }
    }
    expect(problems.slice(0, SHOW), `${problems.length} problems`).toEqual([]);
    expect(fingerprint(copy.db)).toEqual(before);
  });

  it('still subscribes with a valid time and zone (the refusals above were about the input)', () => {
    const r = dispatchLine(registry, manager, 'digest subscribe time:08:00 tz:America/Mexico_City');
    expect(r.ok).toBe(true);
    expect(fingerprint(copy.db).digest_subscriptions).not.toEqual(fingerprint(db).digest_subscriptions);
  });
});

describe('properties', () => {
  const names = registry.list().map((c) => c.name);
  const RUNS = 300;
  const CODES = new Set(['bad_input', 'too_long']);
  const SMUGGLED = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f\u200b\ufeff]/;

  /** The parser's contract: a clean parse, or a user error it explains. */
  const parses = (s: string) => {
    let parsed;
    try {
      parsed = parseLine(s);
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect(CODES.has((e as UserError).code), (e as UserError).code).toBe(true);
      expect((e as UserError).message.length).toBeGreaterThan(0);
      return;
    }
    expect(parsed.command).not.toMatch(/\s/);
    for (const o of parsed.options) expect(o.key).toMatch(/^[a-z_][a-z0-9_-]{0,30}$/);
    for (const t of [parsed.command, ...parsed.words, ...parsed.options.map((o) => o.value)])
      expect(SMUGGLED.test(t), JSON.stringify(t)).toBe(false);
  };

  it('parseLine: arbitrary UTF-16 (lone surrogates included) parses cleanly or is a user error', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2100 }), parses), { numRuns: RUNS });
  });

  it('parseLine: lines built from the nasty fixture parse cleanly or are a user error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), mixedText, (cmd, text) => parses(`${cmd} ${text}`)),
      { numRuns: RUNS },
    );
  });

  const dispatched = (text: string) => {
    if (knownBug(text.trim().split(/\s+/)[0]?.toLowerCase() ?? '', text)) return;
    dispatches++;
    const problems = inspect(dispatchLine(registry, reporter('slack'), text, opts), JSON.stringify(text.slice(0, 80)));
    expect(problems).toEqual([]);
  };

  it('dispatchLine: any command followed by arbitrary UTF-16 gives a clean reply', () => {
    const before = fingerprint(db);
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.string({ unit: 'binary', maxLength: 300 }), (cmd, s) =>
        dispatched(`${cmd} ${s}`),
      ),
      { numRuns: RUNS },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), dispatched), { numRuns: RUNS });
    expect(fingerprint(db)).toEqual(before);
  });

  it('dispatchLine: any command with options and text mixed from the fixture gives a clean reply', () => {
    const before = fingerprint(db);
    const optionNames = [...new Set(registry.list().flatMap((c) => c.options.map((o) => o.name)))];
    const option = fc
      .tuple(fc.constantFrom(...optionNames), mixedText, fc.constantFrom('"', '', '“'))
      .map(([k, v, q]) => `${k}:${q}${v}${q === '“' ? '”' : q}`);
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(fc.oneof(option, mixedText), { maxLength: 4 }), (cmd, parts) =>
        dispatched([cmd, ...parts].join(' ')),
      ),
      { numRuns: RUNS },
    );
    expect(fingerprint(db)).toEqual(before);
  });

  it('dispatchCommand: raw option objects of mixed text and numbers give a clean reply', () => {
    const before = fingerprint(db);
    const specs = registry.list();
    const value = fc.oneof(mixedText, fc.integer(), fc.double(), fc.string({ unit: 'binary', maxLength: 300 }));
    fc.assert(
      fc.property(
        fc
          .constantFrom(...specs)
          .chain((spec) =>
            fc.tuple(
              fc.constant(spec.name),
              fc.dictionary(
                fc.oneof(fc.constantFrom(...spec.options.map((o) => o.name)), fc.string({ maxLength: 12 })),
                value,
                { maxKeys: 5 },
              ),
            ),
          ),
        ([name, rawOptions]) => {
          if (knownBug(name, JSON.stringify(rawOptions))) return;
          dispatches++;
          const r = dispatchCommand(registry, reporter('discord'), name, rawOptions, opts);
          expect(inspect(r, `${name} ${JSON.stringify(rawOptions).slice(0, 120)}`)).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
    expect(fingerprint(db)).toEqual(before);
  });
});

describe('bugs this suite found, fixed', () => {
  it('cuts an echoed emoji-only value without splitting a surrogate pair (actor page:😀…)', () => {
    const r = dispatchCommand(registry, reporter('discord'), 'actor', { name: 'cisen', page: '😀'.repeat(500) });
    expect(r.error?.code).toBe('bad_option');
    expect(wellFormed(r.body!)).toBe(true);
    expect(r.body).toContain('😀'.repeat(14));
  });

  it('shows a lone surrogate as U+FFFD on both platforms instead of sending broken UTF-16', () => {
    const r = dispatchLine(registry, reporter('slack'), 'search pegasus\ud800');
    const slack = renderBlocks(r);
    expect(slackTexts(slack).every(wellFormed)).toBe(true);
    expect(slack.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Search: pegasus\ufffd' } });
    expect(discordTexts(renderDiscord(r)).every(wellFormed)).toBe(true);
  });

  it('cleans Discord option values as the line parser cleans typed text', () => {
    // A zero-width space inside a name, sent as a raw option, used to reach name resolution as is.
    const zw = dispatchCommand(registry, reporter('discord'), 'actor', { name: 'ci\u200bsen' });
    expect(zw.title).toBe(dispatchLine(registry, reporter('slack'), 'actor ci\u200bsen').title);
    expect(zw.title).toBe('CISEN');
    // A value of nothing but control characters is a missing value, as it is on a typed line.
    const nul = dispatchCommand(registry, reporter('discord'), 'actor', { name: '\u0000\u0001\u202e' });
    expect(nul.error?.code).toBe('missing_argument');
  });
});

describe('bugs reported by this suite, since fixed', () => {
  // ask looked words up in plain-object tables, so "constructor" found Object.prototype.constructor.
  for (const example of [
    'ask constructor',
    'ask {{constructor.constructor("return process")()}}',
    'ask who is the constructor',
    'ask why did the current constructor resign',
    'ask what does __proto__ stand for',
    'ask when did toString happen',
  ])
    it(`"${example}" answers without an internal error`, () => {
      const r = dispatchLine(registry, reporter('slack'), example, opts);
      expect(r.error?.code).not.toBe('internal');
    });
});

afterAll(() => {
  // FUZZ_STATS=1 prints the size of the run, for the record.
  if (process.env.FUZZ_STATS)
    process.stdout.write(`fuzz-core: ${dispatches} dispatches, ${NASTY.length} fixture strings\n`);
});
