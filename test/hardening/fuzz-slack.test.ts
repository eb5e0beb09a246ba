// Hostile input on the Slack text path, end to end: the real Bolt app in HTTP mode receives correctly signed
// `/beatbook <nasty>` slash commands (and nasty "Find in Beatbook" messages and forged button values), and
// every answer it POSTs to the response_url must fit Block Kit's limits, carry no live mention and no stack,
// and leave the store as it was; the app must keep answering afterwards. Nothing leaves 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../commands/index.js';
import type { ResponseUrlServer } from '../adapters/slack/fakes/response-url.js';
import { type SlackHttpApp, startSlackHttp } from '../adapters/slack/http-app.js';
import { blocksOf, expectNoOpenTcp, recordingLog } from '../adapters/slack/harness.js';
import { buttonClick, messageShortcut, slashCommand } from '../adapters/slack/payloads.js';
import { slackProblems, slackTexts } from '../helpers/limits.js';
import { seededStore } from '../helpers/store.js';
import { fingerprint } from './fingerprint.js';
import { knownBug } from './known-bugs.js';
import { stackLeak } from './leaks.js';
import { type Nasty, sampleNasty } from './nasty.js';

const BOT_TOKEN = 'xoxb-1111-2222-beatbookfuzz';
const SECRET = 'signing-secret-for-fuzz-tests-only';
const USER = 'U0REPORTER';

const { db, store } = seededStore();
const { log, entries } = recordingLog();
let app: SlackHttpApp;
let responses: ResponseUrlServer;
let before: Record<string, string>;

/** About two strings of every family of the fixture, plus every huge one. */
const SAMPLE = sampleNasty(2);
const COMMANDS = registry.list().map((c) => c.name);

beforeAll(async () => {
  before = fingerprint(db);
  app = await startSlackHttp({
    botToken: BOT_TOKEN,
    signingSecret: SECRET,
    api: { admins: ['U0DESKCHIEF'] },
    store,
    registry,
    log,
  });
  responses = app.responses;
});

afterAll(async () => {
  await app?.stop();
  await expectNoOpenTcp();
});

/** Slack's own escaping of typed text: &, < and > arrive as entities. */
const slackEscaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** POSTs a signed form to Bolt's endpoint; resolves with the HTTP status and body. */
const deliver = (form: Record<string, string>) => app.post(form);

/** Everything wrong with one answer Bolt posted to a response_url. */
function problems(body: Record<string, unknown>, where: string): string[] {
  const out = slackProblems(body).map((p) => `${where}: ${p}`);
  if (body.response_type !== undefined && !['in_channel', 'ephemeral'].includes(String(body.response_type)))
    out.push(`${where}: response_type ${String(body.response_type)}`);
  for (const t of slackTexts(body)) {
    const leak = stackLeak(t);
    if (leak) out.push(`${where}: ${leak}`);
    if (t.includes('Beatbook hit a problem')) out.push(`${where}: an internal error`);
  }
  return out;
}

/** Runs `/beatbook <text>` and returns what was wrong with the ack and the answer. */
async function slash(text: string, where: string): Promise<string[]> {
  const url = responses.url('fuzz');
  const ack = await deliver(slashCommand(text, url, USER));
  if (ack.status !== 200 || ack.body !== '') return [`${where}: ack ${ack.status} ${ack.body.slice(0, 80)}`];
  return problems(await responses.first(url), where);
}

/** The line Slack would deliver for the `i`th string: the text alone, or after one of the commands. */
function forms(n: Nasty, i: number): { text: string; where: string; command: string }[] {
  const command = COMMANDS[i % COMMANDS.length]!;
  return [
    { text: n.text, where: `/beatbook ${n.label} (raw)`, command: n.text.trim().split(/\s+/)[0] ?? '' },
    { text: `${command} ${slackEscaped(n.text)}`, where: `/beatbook ${command} ${n.label} (escaped)`, command },
  ];
}

describe('Slack /beatbook with hostile text (HTTP mode, signed requests)', () => {
  it('samples every family of the fixture and every huge string', () => {
    expect(SAMPLE.length).toBeGreaterThanOrEqual(40);
    expect(SAMPLE.filter((n) => n.family === 'huge').length).toBeGreaterThanOrEqual(5);
  });

  it('acks each with 200 and answers within Block Kit limits, with no live mention and no stack', async () => {
    const found: string[] = [];
    let sent = 0;
    for (const [i, n] of SAMPLE.entries()) {
      for (const f of forms(n, i)) {
        if (knownBug(f.command, n.text)) continue;
        found.push(...(await slash(f.text, f.where)));
        sent++;
      }
    }
    expect(found.slice(0, 15), `${found.length} problems`).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(2 * SAMPLE.length - 4);
  });

  it('answers "Find in Beatbook" on a hostile message privately, within limits', async () => {
    const found: string[] = [];
    for (const n of SAMPLE) {
      const url = responses.url('find');
      const ack = await deliver({ payload: JSON.stringify(messageShortcut(n.text, url, USER)) });
      if (ack.status !== 200) {
        found.push(`find ${n.label}: ack ${ack.status}`);
        continue;
      }
      const body = await responses.first(url);
      expect(body.response_type, n.label).toBe('ephemeral');
      found.push(...problems(body, `find ${n.label}`));
    }
    expect(found.slice(0, 15), `${found.length} problems`).toEqual([]);
  });

  it('answers forged and hostile button values privately or with a page, never with a crash', async () => {
    const values = [
      '',
      'not json',
      '{"c":',
      '[]',
      'null',
      '{"c": 5}',
      '{"c": "   "}',
      '{"u": "U0REPORTER"}',
      `{"c": "${'x'.repeat(3000)}"}`,
      ...SAMPLE.filter((n) => n.text.length < 1500).map((n) => JSON.stringify({ c: n.text, u: USER })),
      ...SAMPLE.filter((n) => n.text.length < 1500).map((n) => JSON.stringify({ c: `search ${n.text}` })),
      // Someone else's button: the refusal repeats the command as text to type.
      JSON.stringify({ c: 'actor cisen', u: 'U0SOMEONEELSE' }),
      ...SAMPLE.filter((n) => n.text.length < 1500).map((n) => JSON.stringify({ c: n.text, u: 'U0SOMEONEELSE' })),
    ];
    const found: string[] = [];
    for (const [i, value] of values.entries()) {
      const where = `button #${i} ${JSON.stringify(value.slice(0, 40))}`;
      const command = (() => {
        try {
          return String((JSON.parse(value) as { c?: unknown }).c ?? '');
        } catch {
          return '';
        }
      })();
      if (knownBug(command.trim().split(/\s+/)[0] ?? '', command)) continue;
      const url = responses.url('click');
      const ack = await deliver({
        payload: JSON.stringify(buttonClick({ action_id: `bb_next`, value }, url, USER)),
      });
      if (ack.status !== 200) {
        found.push(`${where}: ack ${ack.status}`);
        continue;
      }
      found.push(...problems(await responses.first(url), where));
    }
    expect(found.slice(0, 15), `${found.length} problems`).toEqual([]);
  });

  it('keeps answering afterwards, logged no crash, and changed nothing in the store', async () => {
    const url = responses.url('after');
    expect((await deliver(slashCommand('actor cisen', url, USER))).status).toBe(200);
    const body = await responses.first(url);
    expect(blocksOf(body)[0]).toMatchObject({ type: 'header', text: { text: 'CISEN' } });
    expect(entries.filter((e) => e.level === 'error')).toEqual([]);
    expect(fingerprint(db)).toEqual(before);
  });
});
