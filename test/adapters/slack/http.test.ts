// The real Bolt app in HTTP mode, driven by correctly signed requests; answers land on a local
// response_url server and Web API calls on a local fake. Nothing leaves 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeButton } from '../../../src/adapters/slack/button-value.js';
import { seededStore } from '../../helpers/store.js';
import type { FakeSlackApi } from './fakes/web-api.js';
import type { ResponseUrlServer } from './fakes/response-url.js';
import { type SlackHttpApp, startSlackHttp } from './http-app.js';
import { blocksOf, buttons, citationLines, expectNoOpenTcp, recordingLog, strings, testRegistry } from './harness.js';
import { buttonClick, messageShortcut, slashCommand } from './payloads.js';

const BOT_TOKEN = 'xoxb-1111-2222-beatbooktest';

const { store } = seededStore();
const { log, entries } = recordingLog();
let app: SlackHttpApp;
let api: FakeSlackApi;
let responses: ResponseUrlServer;

beforeAll(async () => {
  app = await startSlackHttp({
    botToken: BOT_TOKEN,
    api: { admins: ['U0DESKCHIEF'] },
    store,
    registry: testRegistry(),
    log,
  });
  ({ api, responses } = app);
});

afterAll(async () => {
  await app.stop();
  await expectNoOpenTcp();
});

/** POSTs a form body to Bolt's endpoint, signed unless told otherwise; resolves with the HTTP status. */
const deliver = (form: Record<string, string>, sign: { secret?: string; timestamp?: number } = {}) =>
  app.post(form, sign);

const interactive = (payload: Record<string, unknown>) => deliver({ payload: JSON.stringify(payload) });

/** Runs `/beatbook <text>` as `user` and resolves with what respond() posted. */
async function command(text: string, user = 'U0REPORTER'): Promise<Record<string, unknown>> {
  const { ack, body } = await app.command(text, { user });
  expect(ack).toEqual({ status: 200, body: '' });
  return body;
}

describe('Slack over HTTP: /beatbook', () => {
  it('answers "/beatbook actor Peña Nieto" in the channel with blocks citing passages that exist', async () => {
    const body = await command('actor Peña Nieto');
    expect(body.response_type).toBe('in_channel');
    expect(body.text).toContain('Enrique Peña Nieto');
    const blocks = blocksOf(body);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'Enrique Peña Nieto' } });
    const cites = citationLines(body);
    expect(cites.length).toBeGreaterThan(0);
    for (const line of cites) {
      const m = /source P(\d+)(?:@(\d+)-(\d+))?/.exec(line);
      expect(m, line).not.toBeNull();
      const c = store.citation(Number(m![1]));
      expect(c, `passage ${m![1]} is in the store`).toBeTruthy();
      expect(line).toContain(c!.title.replace(/&/g, '&amp;'));
    }
    // Item markers [n] refer to listed citations.
    const markers = strings(blocks.filter((b) => b.type === 'section'))
      .join('\n')
      .match(/\[(\d+)\]/g);
    for (const m of markers ?? []) expect(Number(m.slice(1, -1))).toBeLessThanOrEqual(cites.length);
  });

  it('shows the generated help, only to the asker, for "/beatbook" alone and "/beatbook help"', async () => {
    for (const text of ['', 'help']) {
      const body = await command(text);
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toContain('Beatbook — every answer cited');
      const fields = blocksOf(body)
        .flatMap((b) => b.fields ?? [])
        .map((f) => f.text);
      expect(fields.some((f) => f.startsWith('*actor &lt;name&gt;*'))).toBe(true);
      expect(fields.some((f) => f.startsWith('*quote '))).toBe(true);
    }
  });

  it('answers bad input with a clear error only the asker sees', async () => {
    const badDate = await command('quote from:notadate');
    expect(badDate.response_type).toBe('ephemeral');
    expect(badDate.text).toContain('needs a date like 2017');
    const unknown = await command('frobnicate pegasus');
    expect(unknown.response_type).toBe('ephemeral');
    expect(unknown.text).toContain('There is no command "frobnicate"');
    const unclosed = await command('quote speaker:"Peña Nieto');
    expect(unclosed.response_type).toBe('ephemeral');
    expect(unclosed.text).toContain('never closed');
  });

  it('says "not in the store" in the channel: an honest answer, not an error', async () => {
    const body = await command('actor zzyzx qwertyuiop');
    expect(body.response_type).toBe('in_channel');
    expect(body.text).toContain('Not in the store');
  });

  it('checks workspace admins through users.info, once per user, for admin-only commands', async () => {
    const refused = await command('deskonly', 'U0REPORTER');
    expect(refused.response_type).toBe('ephemeral');
    expect(refused.text).toContain('Only channel managers');
    const allowed = await command('deskonly', 'U0DESKCHIEF');
    expect(allowed.text).toContain('Hello, desk chief U0DESKCHIEF');
    await command('deskonly', 'U0DESKCHIEF');
    expect(api.called('users.info').filter((c) => c.args.user === 'U0DESKCHIEF')).toHaveLength(1);
    expect(api.called('users.info').every((c) => c.token === BOT_TOKEN)).toBe(true);
  });
});

describe('Slack over HTTP: request authenticity', () => {
  it('rejects a bad signature with 401 and dispatches nothing', async () => {
    const url = responses.url('forged');
    const forged = await deliver(slashCommand('actor cienfuegos', url), { secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    await command('help'); // a genuine request after it is answered …
    expect(responses.to(url)).toEqual([]); // … and the forged one never was
  });

  it('rejects a correctly signed request whose timestamp is over 5 minutes old', async () => {
    const url = responses.url('replay');
    const stale = await deliver(slashCommand('actor cienfuegos', url), {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(stale.status).toBe(401);
    await command('help');
    expect(responses.to(url)).toEqual([]);
  });
});

describe('Slack over HTTP: buttons', () => {
  it('turns the page when the asker clicks Next, replacing the message, with no state kept between', async () => {
    const first = await command('actor Peña Nieto');
    expect(JSON.stringify(first.blocks)).toContain('Page 1 of');
    const next = buttons(first).find((b) => b.action_id === 'bb_next');
    expect(next).toBeDefined();
    expect(decodeButton(next!.value)).toEqual({ command: 'actor enrique-pena-nieto page:2', owner: 'U0REPORTER' });

    const url = responses.url('next');
    expect((await interactive(buttonClick(next!, url))).status).toBe(200);
    const page2 = await responses.first(url);
    expect(page2.replace_original).toBe(true);
    expect(JSON.stringify(page2.blocks)).toContain('Page 2 of');
    expect(citationLines(page2).length).toBeGreaterThan(0);
    expect(buttons(page2).map((b) => b.action_id)).toEqual(['bb_prev', 'bb_next']);
  });

  it("tells another user, privately, the command to run instead of turning the asker's page", async () => {
    const first = await command('actor Peña Nieto');
    const next = buttons(first).find((b) => b.action_id === 'bb_next')!;
    const url = responses.url('other');
    await interactive(buttonClick(next, url, 'U0INTERN'));
    const note = await responses.first(url);
    expect(note).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(note.text).toContain('/beatbook actor enrique-pena-nieto page:2');
    expect(note.blocks).toBeUndefined();
  });

  it('picks a disambiguation choice with its button', async () => {
    const first = await command('search pegasus');
    const choice = buttons(first).find((b) => b.action_id.startsWith('bb_choice_'));
    expect(choice, 'search offers the names it matched as choices').toBeDefined();
    const picked = decodeButton(choice!.value)!;
    const url = responses.url('choice');
    await interactive(buttonClick(choice!, url));
    const body = await responses.first(url);
    expect(body.replace_original).toBe(true);
    expect(String(body.text)).not.toContain('Cannot run that');
    expect(picked.command).toMatch(/^(actor|event|policy) [a-z0-9-]+$/);
  });

  it('answers a forged or garbled button value with a polite error', async () => {
    const url = responses.url('garbled');
    await interactive(buttonClick({ action_id: 'bb_next', value: '{not json' }, url));
    const body = await responses.first(url);
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('no longer works');
  });
});

describe('Slack over HTTP: the "Find in Beatbook" message shortcut', () => {
  it('looks up what a message names and answers the user privately, with citations', async () => {
    const url = responses.url('find');
    const ack = await interactive(
      messageShortcut('Did Peña Nieto ever answer for the Pegasus spyware? cc <@U0EDITOR> <!channel>', url),
    );
    expect(ack.status).toBe(200);
    const body = await responses.first(url);
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('Enrique Peña Nieto');
    expect(citationLines(body).length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toMatch(/<!channel>|<@U0EDITOR>/);
  });

  it('explains when the message has no text to look up', async () => {
    const url = responses.url('empty');
    await interactive(messageShortcut('', url));
    const body = await responses.first(url);
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('no text');
  });
});

describe('Slack over HTTP: failures stay contained', () => {
  it('turns a handler that throws into a private apology with a reference id, and keeps serving', async () => {
    const body = await command('explode');
    expect(body.response_type).toBe('ephemeral');
    const ref = /Reference ([0-9a-f]{8})/.exec(String(body.text))?.[1];
    expect(ref).toBeDefined();
    expect(JSON.stringify(body)).not.toContain('database is locked');
    expect(entries.some((e) => e.reference === ref && e.level === 'error')).toBe(true);
    const after = await command('actor cienfuegos');
    expect(after.response_type).toBe('in_channel');
    expect(citationLines(after).length).toBeGreaterThan(0);
  });

  it('logs a failing respond() (an expired response_url) and keeps serving', async () => {
    responses.fail(1, 404);
    const url = responses.url('expired');
    await deliver(slashCommand('actor cienfuegos', url));
    await responses.first(url);
    await expect
      .poll(() => entries.some((e) => e.msg === 'slack listener failed' && String(e.error).includes('404')))
      .toBe(true);
    const after = await command('actor cienfuegos');
    expect(after.response_type).toBe('in_channel');
  });
});

describe('Slack over HTTP: hostile text', () => {
  it('never sends a mention or link from user input unescaped', async () => {
    // As Slack delivers them: typed &, <, > arrive escaped; a real mention arrives as <@U…|name> markup.
    const hostile = await command(
      'search &lt;!channel&gt; &amp; &lt;@U1&gt; <@U0EDITOR|editor> <https://evil.example|click>',
    );
    const hostileErr = await command('&lt;!here&gt; &lt;@U1&gt;');
    for (const body of [hostile, hostileErr]) {
      const all = strings(body).join('\n');
      expect(all).not.toMatch(/<!channel>|<!here>|<@U1>|<@U0EDITOR|<https:/);
    }
    expect(String(hostile.text)).toContain('&lt;\u200b!channel&gt; &amp;');
    expect(hostileErr.response_type).toBe('ephemeral');
  });

  it('escapes corpus text: "S&P/BMV" arrives as S&amp;P/BMV', async () => {
    const body = await command('search "S&amp;P/BMV"');
    const sections = strings(blocksOf(body).filter((b) => b.type === 'section')).join('\n');
    // The search marks matches «like this»; the ampersand between them arrives escaped.
    expect(sections).toContain('«S»&amp;«P»');
    expect(sections).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });

  it('never logged a token', () => {
    expect(JSON.stringify(entries)).not.toContain(BOT_TOKEN);
  });
});
