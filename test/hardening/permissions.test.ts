// Admin-only commands, one test per way of being refused: in the shared layer (whatever the platform), on
// Discord (Manage Channels, BEATBOOK_ADMINS, direct messages) and on Slack (workspace admins, BEATBOOK_ADMINS,
// a users.info that fails). A refusal is private and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHelp } from '../../commands/help.js';
import { registry } from '../../commands/index.js';
import { buildSlashCommands } from '../../src/adapters/discord/slash.js';
import { loadConfig } from '../../src/config.js';
import type { CommandSpec, Context } from '../../src/core/command.js';
import { type Registry, dispatchCommand, dispatchLine } from '../../src/core/dispatch.js';
import type { Reply } from '../../src/core/reply.js';
import type { DB } from '../../src/store/db.js';
import { digestStore } from '../../src/store/digest.js';
import type { FakeDiscord } from '../adapters/discord/fake-discord.js';
import { startTestBot } from '../adapters/discord/bot.js';
import { EDITOR, MANAGER_PERMISSIONS, PLAIN_PERMISSIONS, REPORTER, slash } from '../adapters/discord/raw.js';
import type { FakeSlackApi } from '../adapters/slack/fakes/web-api.js';
import { type SlackHttpApp, startSlackHttp } from '../adapters/slack/http-app.js';
import { recordingLog } from '../adapters/slack/harness.js';
import { seededStore, snapshot } from '../helpers/store.js';

const { db, store } = seededStore();
const digests = digestStore(db);
const AT = new Date('2026-11-23T12:00:00Z');

/** Everything a refused command could have written: the row counts, every subscription, the audit log. */
function state(d: DB) {
  return {
    rows: snapshot(d),
    subscriptions: digestStore(d).allSubscriptions(1000),
    audit: (d.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
  };
}

// A command declared for channel managers as a whole, next to the real registry (whose digest checks per
// subcommand: preview and status are for everyone).
let deskRuns = 0;
const desk: CommandSpec = {
  name: 'desk',
  description: 'Managers only (test)',
  examples: ['desk'],
  options: [{ name: 'note', type: 'string', description: 'A note', positional: true }],
  permission: 'admin',
  handler() {
    deskRuns++;
    return { ok: true, title: 'Desk settings', citations: [] };
  },
};
const withDesk: Registry = {
  get: (name) => (name.toLowerCase() === 'desk' ? desk : registry.get(name)),
  list: () => [...registry.list(), desk],
};

/** Every admin-only way in: each command declared admin, and each digest subcommand that checks itself. */
const ADMIN_LINES = [
  ...withDesk
    .list()
    .filter((c) => c.permission === 'admin')
    .map((c) => c.name),
  'digest subscribe time:08:00 tz:America/Mexico_City',
  'digest unsubscribe',
];

function expectRefused(r: Reply): void {
  expect(r.ok).toBe(false);
  expect(r.ephemeral).toBe(true);
  expect(r.error?.code).toBe('forbidden');
  expect(r.body).toMatch(/^Only channel managers can /);
}

describe('the shared layer refuses every admin-only command to a non-admin', () => {
  const inChannel = (platform: 'discord' | 'slack', admin: boolean): Context => ({
    store,
    user: { id: 'U-reporter', admin },
    platform,
    channelId: `${platform}-desk`,
    now: AT,
  });

  it.each(ADMIN_LINES)('%s: forbidden on both platforms, from a typed line, store unchanged', (line) => {
    for (const platform of ['discord', 'slack'] as const) {
      const before = state(db);
      const runs = deskRuns;
      expectRefused(dispatchLine(withDesk, inChannel(platform, false), line));
      expect(deskRuns).toBe(runs);
      expect(state(db)).toEqual(before);
    }
  });

  it('refuses the same commands sent as split options (Discord slash, buttons)', () => {
    const before = state(db);
    expectRefused(dispatchCommand(withDesk, inChannel('discord', false), 'desk', { note: 'x' }));
    expectRefused(
      dispatchCommand(withDesk, inChannel('discord', false), 'digest', {
        action: 'subscribe',
        time: '08:00',
        tz: 'UTC',
      }),
    );
    expectRefused(dispatchCommand(withDesk, inChannel('discord', false), 'digest', { action: 'unsubscribe' }));
    expect(deskRuns).toBe(0);
    expect(state(db)).toEqual(before);
  });

  it('refuses before validating: a non-admin learns nothing about the options of an admin command', () => {
    expectRefused(dispatchLine(withDesk, inChannel('slack', false), 'desk bogus:1'));
    expectRefused(dispatchLine(withDesk, inChannel('slack', false), 'digest subscribe time:25:99 tz:Nowhere'));
  });

  it("leaves a channel manager's subscription alone when a reporter tries to stop it", () => {
    const editor = inChannel('slack', true);
    expect(dispatchLine(registry, editor, 'digest subscribe time:07:30 tz:UTC').ok).toBe(true);
    const before = state(db);
    expectRefused(dispatchLine(registry, inChannel('slack', false), 'digest unsubscribe'));
    expect(state(db)).toEqual(before);
    expect(digests.subscription('slack', 'slack-desk')).toMatchObject({ enabled: 1, time_of_day: '07:30' });
  });

  it('lets anyone preview and see the status of their own channel, but not list every channel', () => {
    expect(dispatchLine(registry, inChannel('discord', false), 'digest preview').ok).toBe(true);
    expect(dispatchLine(registry, inChannel('slack', false), 'digest status').ok).toBe(true);
    const noChannel: Context = { store, user: { id: 'U-reporter', admin: false }, platform: 'discord', now: AT };
    expectRefused(dispatchLine(registry, noChannel, 'digest status'));
    const operator: Context = { store, user: { id: 'local', admin: true }, platform: 'cli', now: AT };
    expect(dispatchLine(registry, operator, 'digest status').title).toBe('Digest subscriptions');
  });

  it('help says which commands are for channel managers', () => {
    const help = makeHelp(() => withDesk.list());
    expect(help.handler(inChannel('slack', false), { command: 'desk' }).body).toContain(
      'Only channel managers can run it.',
    );
  });
});

describe('Discord registration', () => {
  it('defaults every admin-declared command to Manage Channels, and leaves everyone-commands open', () => {
    const { commands } = buildSlashCommands(withDesk);
    for (const spec of withDesk.list()) {
      const c = commands.find((x) => x.name === spec.name) as { default_member_permissions?: string } | undefined;
      expect(c, spec.name).toBeDefined();
      if (spec.permission === 'admin') expect(c!.default_member_permissions, spec.name).toBe('16');
      // digest stays visible: preview and status are for everyone; subscribe/unsubscribe check in the handler.
      else expect(c!.default_member_permissions, spec.name).toBeUndefined();
    }
  });
});

describe('Discord: /digest subscribe without Manage Channels', () => {
  let fake: FakeDiscord;
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  const LISTED = { id: '700000000000000077', username: 'listed' };

  beforeAll(async () => {
    bot = await startTestBot({
      fake: { channelIds: ['900000000000000300'] },
      store,
      registry: withDesk,
      config: loadConfig({ BEATBOOK_ADMINS: LISTED.id }),
      log: () => undefined,
      now: () => AT,
    });
    fake = bot.fake;
  });
  afterAll(async () => {
    await bot?.stop();
  });

  async function answer(raw: Record<string, unknown>) {
    const cb = await fake.callback(raw);
    return cb.body.data as { flags?: number; embeds: { title?: string; description?: string }[] };
  }

  const subscribe = { action: 'subscribe', time: '08:00', tz: 'America/Mexico_City' };

  it('answers a member without Manage Channels privately and writes nothing', async () => {
    const before = state(db);
    const data = await answer(slash(fake, 'digest', subscribe, REPORTER, PLAIN_PERMISSIONS));
    expect(data.flags).toBe(64);
    expect(data.embeds[0]!.description).toMatch(/^Only channel managers can subscribe a channel to the digest/);
    expect(state(db)).toEqual(before);
    expect(digests.subscription('discord', fake.channelId)).toBeUndefined();
  });

  it('refuses a member without Manage Channels an admin-declared command too', async () => {
    const runs = deskRuns;
    const data = await answer(slash(fake, 'desk', {}, REPORTER, PLAIN_PERMISSIONS));
    expect(data.flags).toBe(64);
    expect(data.embeds[0]!.description).toBe('Only channel managers can run desk.');
    expect(deskRuns).toBe(runs);
  });

  it('refuses in a direct message, where nobody manages a channel', async () => {
    const dm = {
      type: 2,
      channel_id: '900000000000000999',
      channel: { id: '900000000000000999', type: 1 },
      user: { ...REPORTER, discriminator: '0', avatar: null, global_name: null },
      app_permissions: '0',
      context: 1,
      data: {
        id: '800000000000000001',
        name: 'digest',
        type: 1,
        options: Object.entries(subscribe).map(([name, value]) => ({ name, type: 3, value })),
      },
    };
    const before = state(db);
    const data = await answer(dm);
    expect(data.flags).toBe(64);
    expect(data.embeds[0]!.description).toMatch(/^Only channel managers/);
    expect(state(db)).toEqual(before);
  });

  it('lets a channel manager subscribe, and a BEATBOOK_ADMINS member without the permission unsubscribe', async () => {
    const managed = await answer(slash(fake, 'digest', subscribe, EDITOR, MANAGER_PERMISSIONS));
    expect(managed.embeds[0]!.title).toBe('Daily digest subscribed');
    expect(digests.subscription('discord', fake.channelId)?.enabled).toBe(1);
    const stop = await answer(slash(fake, 'digest', { action: 'unsubscribe' }, LISTED, PLAIN_PERMISSIONS));
    expect(stop.embeds[0]!.title).toBe('Daily digest stopped');
    expect(digests.subscription('discord', fake.channelId)?.enabled).toBe(0);
  });
});

describe('Slack: admin checks', () => {
  const { log, entries } = recordingLog();
  let app: SlackHttpApp;
  let api: FakeSlackApi;

  beforeAll(async () => {
    app = await startSlackHttp({
      botToken: 'xoxb-4444-5555-permissionstest',
      signingSecret: 'signing-secret-for-permission-tests',
      api: { admins: ['U0WSADMIN'] },
      // users.info for this user fails as Slack does without the users:read scope; for another, the HTTP call dies.
      prepare: (fake) => {
        fake.on('users.info', (args) =>
          args.user === 'U0NOSCOPE' ? { ok: false, error: 'missing_scope' } : undefined,
        );
        fake.on('users.info', (args) => (args.user === 'U0DOWN' ? { status: 500, body: { ok: false } } : undefined));
      },
      store,
      registry,
      config: loadConfig({ BEATBOOK_ADMINS: 'U0LISTED' }),
      log,
      now: () => AT,
    });
    api = app.api;
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function command(text: string, user: string, channel = 'C0DIGEST'): Promise<Record<string, unknown>> {
    const { ack, body } = await app.command(text, { user, channel, label: 'perm' });
    expect(ack.status).toBe(200);
    return body;
  }

  const SUBSCRIBE = 'digest subscribe time:08:00 tz:America/Mexico_City';

  it('refuses a user who is neither a workspace admin nor in BEATBOOK_ADMINS, privately, writing nothing', async () => {
    const before = state(db);
    const r = await command(SUBSCRIBE, 'U0REPORTER');
    expect(r.response_type).toBe('ephemeral');
    expect(String(r.text)).toContain('Only channel managers can subscribe a channel to the digest');
    expect(state(db)).toEqual(before);
    expect(api.called('users.info').some((c) => c.args.user === 'U0REPORTER')).toBe(true);
  });

  it('lets a user listed in BEATBOOK_ADMINS subscribe, without asking Slack', async () => {
    const r = await command(SUBSCRIBE, 'U0LISTED');
    expect(r.response_type).toBe('in_channel');
    expect(String(r.text)).toContain('Daily digest subscribed');
    expect(digests.subscription('slack', 'C0DIGEST')).toMatchObject({ enabled: 1, created_by: 'U0LISTED' });
    expect(api.called('users.info').some((c) => c.args.user === 'U0LISTED')).toBe(false);
  });

  it('refuses a reporter who tries to stop that subscription', async () => {
    const before = state(db);
    const r = await command('digest unsubscribe', 'U0REPORTER');
    expect(r.response_type).toBe('ephemeral');
    expect(String(r.text)).toContain('Only channel managers can unsubscribe a channel from the digest');
    expect(state(db)).toEqual(before);
  });

  it.each(['U0NOSCOPE', 'U0DOWN'])(
    'treats a failing users.info (%s) as "not an admin": a refusal and a warning, not a crash',
    async (user) => {
      const before = state(db);
      const r = await command('digest unsubscribe', user);
      expect(r.response_type).toBe('ephemeral');
      expect(String(r.text)).toContain('Only channel managers');
      expect(state(db)).toEqual(before);
      expect(entries.some((e) => e.level === 'warn' && /users\.info failed/.test(e.msg) && e.user === user)).toBe(true);
      // And the bot carries on.
      expect((await command('actor cisen', user)).response_type).toBe('in_channel');
    },
  );

  it('lets a workspace admin (users.info is_admin) stop it', async () => {
    const r = await command('digest unsubscribe', 'U0WSADMIN');
    expect(String(r.text)).toContain('Daily digest stopped');
    expect(digests.subscription('slack', 'C0DIGEST')?.enabled).toBe(0);
  });
});
