// The Discord adapter end to end: the real discord.js client, logged in to a fake gateway and REST on
// 127.0.0.1, answering interactions with the real registry over the seeded store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../../commands/index.js';
import { startDiscord } from '../../../src/adapters/discord/start.js';
import { decodeButtonId } from '../../../src/adapters/discord/buttons.js';
import { FIND_IN_BEATBOOK } from '../../../src/adapters/discord/slash.js';
import { loadConfig } from '../../../src/config.js';
import type { CommandSpec } from '../../../src/core/command.js';
import type { Registry } from '../../../src/core/dispatch.js';
import { ChannelGoneError, type Logger, type RunningAdapter } from '../../../src/core/platform.js';
import { explodingCommand } from '../../helpers/exploding.js';
import { seededStore } from '../../helpers/store.js';
import { FakeDiscord, type RecordedRequest } from './fake-discord.js';
import { expectNoOpenSockets } from './sockets.js';
import { EDITOR, MANAGER_PERMISSIONS, REPORTER, autocompleteOf, click, contextMenu, slash } from './raw.js';

const { store } = seededStore();

// Test-only commands next to the real ones: one slow enough to need deferring, one that crashes, one for
// channel managers only.
const slowBrief: CommandSpec = {
  name: 'brief',
  description: 'A slow answer (test)',
  examples: [],
  options: [],
  permission: 'everyone',
  slow: true,
  handler(ctx) {
    const until = Date.now() + 150;
    while (Date.now() < until) {
      // Busy: the handler blocks like a heavy query would.
    }
    return registry.get('actor')!.handler(ctx, { name: 'cisen' });
  },
};
const explode = explodingCommand('disk on fire');
const desk: CommandSpec = {
  name: 'desk',
  description: 'Managers only (test)',
  examples: [],
  options: [],
  permission: 'admin',
  handler: () => ({ ok: true, title: 'Desk settings', body: 'Only managers see this.', citations: [] }),
};
const extras = [slowBrief, explode, desk];
const testRegistry: Registry = {
  get: (name) => extras.find((c) => c.name === name) ?? registry.get(name),
  list: () => [...registry.list(), ...extras],
};

const logs: Parameters<Logger>[0][] = [];
const log: Logger = (entry) => logs.push(entry);
let clock = new Date('2026-11-23T12:00:00Z');
let fake: FakeDiscord;
let adapter: RunningAdapter;

async function start(): Promise<RunningAdapter> {
  return startDiscord({
    token: fake.token,
    applicationId: fake.applicationId,
    store,
    registry: testRegistry,
    config: loadConfig({}),
    log,
    rest: { api: fake.api, timeout: 2000, retries: 0 },
    now: () => clock,
  });
}

beforeAll(async () => {
  fake = await FakeDiscord.start({ channelIds: ['900000000000000200', '900000000000000201'] });
  adapter = await start();
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

/** Sends an interaction and waits for its first successful callback. */
async function interact(raw: Record<string, unknown>) {
  const ids = fake.dispatchInteraction(raw);
  const callback = await fake.waitForRequest(
    (r) => r.path === `/interactions/${ids.id}/${ids.token}/callback` && r.status < 300,
  );
  return { ids, callback, data: callback.body.data as Record<string, any> | undefined };
}

/** The request that edits the deferred answer of an interaction. */
const original = (ids: { token: string }) => (r: RecordedRequest) =>
  r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${ids.token}/messages/@original`;

const embedText = (embeds: any[]) =>
  embeds
    .map((e) =>
      [e.title, e.description, e.footer?.text, ...(e.fields ?? []).map((f: any) => `${f.name} ${f.value}`)].join('\n'),
    )
    .join('\n');

/** The refs of a Sources embed: "[3] Title — Outlet, date · source `P12@4-9`". */
function sources(embeds: any[]): Map<number, string> {
  const out = new Map<number, string>();
  const list = embeds.filter(
    (e, i) => e.title === 'Sources' || (i > 0 && embeds[i - 1]?.title === 'Sources' && !e.title),
  );
  for (const e of list)
    for (const m of String(e.description).matchAll(/\*\*\[(\d+)\]\*\* .* · source `(P\d+(?:@\d+-\d+)?)`/g))
      out.set(Number(m[1]), m[2]!);
  return out;
}

const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

const buttons = (data: any): { custom_id: string; label: string }[] =>
  (data.components ?? []).flatMap((row: any) => row.components);

describe('Discord adapter against a fake gateway', () => {
  it('logs in through the gateway handshake and is ready before startDiscord resolves', () => {
    expect(fake.gatewayFrames.some((f) => f.op === 2)).toBe(true);
    expect(fake.requests.find((r) => r.path === '/gateway/bot')?.authorized).toBe(true);
  });

  it('answers /actor name:"Peña Nieto" with an embed and a Sources list whose refs exist in the store', async () => {
    const { callback, data } = await interact(slash(fake, 'actor', { name: 'Peña Nieto' }));
    expect(callback.body.type).toBe(4);
    expect(data!.flags ?? 0).toBe(0);
    expect(data!.embeds[0].title).toBe('Enrique Peña Nieto');
    const refs = sources(data!.embeds);
    expect(refs.size).toBeGreaterThan(3);
    for (const ref of refs.values()) {
      const passage = Number(/^P(\d+)/.exec(ref)![1]);
      expect(store.citation(passage), ref).toBeDefined();
    }
    // Every [n] marker in the answer points at a listed source.
    const markers = [...String(data!.embeds[0].description).matchAll(/ \[(\d+)\]$/gm)].map((m) => Number(m[1]));
    expect(markers.length).toBeGreaterThan(0);
    for (const n of markers) expect(refs.has(n)).toBe(true);
    expect(data!.allowed_mentions).toEqual({ parse: [] });
  });

  it('autocompletes an entity option from the store with at most 25 choices', async () => {
    const { callback, data } = await interact(autocompleteOf(fake, 'actor', 'name', 'pen'));
    expect(callback.body.type).toBe(8);
    const choices = data!.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices).toContainEqual({ name: 'Enrique Peña Nieto (actor)', value: 'enrique-pena-nieto' });
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    // An option that is not an entity offers nothing rather than guesses.
    const other = await interact(autocompleteOf(fake, 'quote', 'about', 'pe'));
    expect(other.data!.choices).toEqual([]);
  });

  it('defers a slow command, then edits the deferred answer', async () => {
    const { ids, callback } = await interact(slash(fake, 'brief'));
    expect(callback.body.type).toBe(5);
    const edit = await fake.waitForRequest(original(ids));
    expect(fake.requests.indexOf(edit)).toBeGreaterThan(fake.requests.indexOf(callback));
    expect(edit.body.embeds[0].title).toBe('CISEN');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('pages with the Next button: the message is updated in place with page 2', async () => {
    const first = await interact(slash(fake, 'actor', { name: 'enrique-pena-nieto' }));
    expect(first.data!.embeds[0].footer.text).toMatch(/^Page 1 of \d+/);
    const next = buttons(first.data).find((b) => b.label.startsWith('Next'))!;
    expect(next.custom_id.length).toBeLessThan(100);
    const page2 = await interact(click(fake, next.custom_id, fake.message(fake.channelId, first.data!)));
    expect(page2.callback.body.type).toBe(7);
    expect(page2.data!.embeds[0].title).toBe('Enrique Peña Nieto');
    expect(page2.data!.embeds[0].footer.text).toMatch(/^Page 2 of \d+/);
    expect(page2.data!.embeds[0].description).not.toBe(first.data!.embeds[0].description);
    expect(buttons(page2.data).map((b) => b.label)).toEqual(['◀ Previous', 'Next ▶']);
  });

  it('keeps a page whose line is too long for a custom_id in the store, and it survives a restart', async () => {
    const first = await interact(
      slash(fake, 'quote', {
        text: 'accompany the current government',
        speaker: 'Andrés Manuel López Obrador',
        limit: 1,
      }),
    );
    const next = buttons(first.data).find((b) => b.label.startsWith('Next'))!;
    expect(decodeButtonId(next.custom_id)?.key).toBeDefined();

    await adapter.stop();
    adapter = await start();

    const page2 = await interact(click(fake, next.custom_id, fake.message(fake.channelId, first.data!)));
    expect(page2.callback.body.type).toBe(7);
    expect(page2.data!.embeds[0].footer.text).toBe('Page 2 of 2');
    expect(page2.data!.embeds[0].title).toContain('Andrés Manuel López Obrador');
  });

  it('offers an ambiguous name as buttons, and a click answers for the chosen entity', async () => {
    const ask = await interact(slash(fake, 'actor', { name: 'Jose' }));
    expect(ask.data!.embeds[0].title).toBe('Which one did you mean by "Jose"?');
    const choices = buttons(ask.data);
    const names = ['jose-antonio-meade', 'jose-antonio-gonzalez-anaya'].map((slug) => store.actor(slug)!.name);
    expect(choices.map((b) => b.label)).toEqual(names.map((n) => `${n} · actor`));
    const chosen = await interact(click(fake, choices[1]!.custom_id, fake.message(fake.channelId, ask.data!)));
    expect(chosen.callback.body.type).toBe(7);
    expect(chosen.data!.embeds[0].title).toBe(names[1]);
    expect(sources(chosen.data!.embeds).size).toBeGreaterThan(0);
  });

  it('"Find in Beatbook" on a message brings back cited quotes and facts about what it names', async () => {
    const { ids, callback } = await interact(
      contextMenu(fake, FIND_IN_BEATBOOK, 'Did Peña Nieto ever answer for the Pegasus spyware?'),
    );
    expect(callback.body.type).toBe(5);
    const edit = await fake.waitForRequest(original(ids));
    const text = embedText(edit.body.embeds);
    expect(text).toContain('Enrique Peña Nieto');
    const refs = sources(edit.body.embeds);
    expect(refs.size).toBeGreaterThan(0);
    for (const ref of refs.values()) expect(store.citation(Number(/^P(\d+)/.exec(ref)![1]))).toBeDefined();
  });

  it('"Find in Beatbook" on an embed-only message (a bot answer) reads its embeds', async () => {
    const embeds = [{ title: 'Quotes about pegasus', description: 'Enrique Peña Nieto and the spyware' }];
    const { ids } = await interact(contextMenu(fake, FIND_IN_BEATBOOK, '', REPORTER, { embeds }));
    const edit = await fake.waitForRequest(original(ids));
    expect(embedText(edit.body.embeds)).toContain('Enrique Peña Nieto');
  });

  it('answers privately when the message has no text to look up', async () => {
    const { data } = await interact(contextMenu(fake, FIND_IN_BEATBOOK, '   '));
    expect(data!.flags).toBe(64);
  });

  it('lands the reply after a 429 with retry_after on the callback route', async () => {
    fake.rateLimit('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 0.2);
    const { ids, data } = await interact(slash(fake, 'actor', { name: 'cisen' }));
    const attempts = fake.interactionRequests(ids).map((r) => r.status);
    expect(attempts).toEqual([429, 204]);
    expect(data!.embeds[0].title).toBe('CISEN');
  });

  it('turns a handler that throws into a private apology with a reference id, and stays up', async () => {
    const { data } = await interact(slash(fake, 'explode'));
    expect(data!.flags).toBe(64);
    const reference = /Reference ([0-9a-f]{8})/.exec(data!.embeds[0].footer.text)?.[1];
    expect(reference).toBeDefined();
    expect(data!.embeds[0].description).toContain(reference);
    expect(logs.some((l) => l.reference === reference && l.level === 'error')).toBe(true);
    const after = await interact(slash(fake, 'actor', { name: 'cisen' }));
    expect(after.data!.embeds[0].title).toBe('CISEN');
  });

  it('shows an error the user caused only to them, deferred or not', async () => {
    const bad = await interact(slash(fake, 'timeline', { from: 'March-2017' }));
    expect(bad.data!.flags).toBe(64);
    expect(bad.data!.embeds[0].description).toContain('needs a date like 2017');
  });

  it('keeps "not in the store" public: it is an answer, not a mistake', async () => {
    const { data } = await interact(slash(fake, 'actor', { name: 'Zorblax Quuxington' }));
    expect(data!.flags ?? 0).toBe(0);
    expect(data!.embeds[0].title).toBe('Not in the store');
  });

  it('lets a channel manager run a managers-only command and refuses everyone else privately', async () => {
    const manager = await interact(slash(fake, 'desk', {}, EDITOR, MANAGER_PERMISSIONS));
    expect(manager.data!.embeds[0].title).toBe('Desk settings');
    const reporter = await interact(slash(fake, 'desk'));
    expect(reporter.data!.flags).toBe(64);
    expect(reporter.data!.embeds[0].description).toContain('Only channel managers');
  });

  it("answers another user's or an expired button politely and privately", async () => {
    const first = await interact(slash(fake, 'actor', { name: 'enrique-pena-nieto' }));
    const next = buttons(first.data).find((b) => b.label.startsWith('Next'))!;
    const message = fake.message(fake.channelId, first.data!);

    const stranger = await interact(click(fake, next.custom_id, message, EDITOR));
    expect(stranger.callback.body.type).toBe(4);
    expect(stranger.data!.flags).toBe(64);
    // Markdown in a reply body is escaped, so the command shows as typed: `actor … page:2`.
    expect(unescape(stranger.data!.embeds[0].description)).toContain(
      'Only the person who asked can page this — run `actor enrique-pena-nieto page:2` yourself.',
    );

    const saved = clock;
    clock = new Date(saved.getTime() + 25 * 60 * 60 * 1000);
    try {
      const late = await interact(click(fake, next.custom_id, message, REPORTER));
      expect(late.data!.flags).toBe(64);
      expect(late.data!.embeds[0].description).toContain('expired');
    } finally {
      clock = saved;
    }
  });

  it('never lets a mention from a query ping anyone', async () => {
    const { data } = await interact(slash(fake, 'search', { text: '@everyone <@&123456789012345678> pegasus' }));
    const text = embedText(data!.embeds);
    expect(text).not.toMatch(/@everyone|<@&/);
    expect(data!.allowed_mentions).toEqual({ parse: [] });
  });

  it('posts a reply to a channel and reports a gone channel as ChannelGoneError', async () => {
    const reply = registry
      .get('actor')!
      .handler({ store, user: { id: 'digest', admin: true }, platform: 'discord', now: clock }, { name: 'cisen' });
    await adapter.post(fake.channelId, { ...reply, title: 'Daily digest 2026-11-23' });
    const posted = fake.channels.get(fake.channelId)!.at(-1)!;
    expect(posted.embeds[0].title).toBe('Daily digest 2026-11-23');
    expect(posted.author.id).toBe(fake.botUser.id);

    await expect(adapter.post('900000000000000999', reply)).rejects.toBeInstanceOf(ChannelGoneError);
    fake.fail({
      method: 'POST',
      path: /^\/channels\/900000000000000201\/messages$/,
      status: 403,
      body: { message: 'Missing Access', code: 50001 },
    });
    await expect(adapter.post('900000000000000201', reply)).rejects.toBeInstanceOf(ChannelGoneError);
  });

  it('tells from channel history whether a marker was already posted since a time', async () => {
    const since = new Date(Date.now() - 60_000);
    expect(await adapter.wasPosted(fake.channelId, 'Daily digest 2026-11-23', since)).toBe(true);
    expect(await adapter.wasPosted(fake.channelId, 'Daily digest 2026-11-24', since)).toBe(false);
    // Someone else quoting the marker does not count; nor does a post from before `since`.
    fake.channels
      .get('900000000000000201')!
      .push(fake.message('900000000000000201', { content: 'Daily digest 2026-11-25' }, { ...fake.botUser, id: '1' }));
    expect(await adapter.wasPosted('900000000000000201', 'Daily digest 2026-11-25', since)).toBe(false);
    expect(await adapter.wasPosted(fake.channelId, 'Daily digest 2026-11-23', new Date(Date.now() + 60_000))).toBe(
      false,
    );
    await expect(adapter.wasPosted('900000000000000999', 'x', since)).rejects.toBeInstanceOf(ChannelGoneError);
  });

  it('sets allowed_mentions.parse = [] on every message it sent', () => {
    const messages = fake.requests.filter((r) => r.status < 300 && r.method !== 'GET' && r.method !== 'DELETE');
    let checked = 0;
    for (const r of messages) {
      if (r.path.endsWith('/callback')) {
        if (r.body.type === 4 || r.body.type === 7) {
          expect(r.body.data.allowed_mentions, r.path).toEqual({ parse: [] });
          checked++;
        }
      } else if (r.path.startsWith('/webhooks/') || /^\/channels\/\d+\/messages$/.test(r.path)) {
        expect(r.body.allowed_mentions, r.path).toEqual({ parse: [] });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('never writes a bot or interaction token to the log', () => {
    const text = JSON.stringify(logs);
    expect(text).not.toContain(fake.token);
    expect(text).not.toContain('itoken-');
  });

  it('refuses to start with a token Discord rejects, and says so without the token', async () => {
    const error = await startDiscord({
      token: 'not.the-right-token.for-this-fake-server',
      applicationId: fake.applicationId,
      store,
      registry: testRegistry,
      config: loadConfig({}),
      log,
      rest: { api: fake.api, timeout: 2000, retries: 0 },
    }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Discord start-up failed/);
    expect((error as Error).message).not.toContain('not.the-right-token');
  });

  it('stops cleanly, twice, leaving no socket open', async () => {
    await adapter.stop();
    await adapter.stop();
    await fake.close();
    await expectNoOpenSockets();
  });
});
