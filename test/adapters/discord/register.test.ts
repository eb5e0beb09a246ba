// Registration: the payload generated from the declarations, what `register` PUTs, and the invite URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../../commands/index.js';
import {
  buildSlashCommands,
  FIND_IN_BEATBOOK,
  inviteUrl,
  registerCommands,
  slashCommandPayload,
} from '../../../src/adapters/discord/register.js';
import type { CommandSpec } from '../../../src/core/command.js';
import type { Registry } from '../../../src/core/dispatch.js';
import { FakeDiscord } from './fake-discord.js';
import { expectNoOpenSockets } from './sockets.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start({ guildId: '900000000000000100' });
});
afterAll(async () => {
  await fake.close();
  await expectNoOpenSockets();
});

const byName = (name: string) => slashCommandPayload(registry).find((c) => c.name === name) as any;

describe('the slash command payload', () => {
  it('has one chat command per declaration, plus the "Find in Beatbook" message menu', () => {
    const payload = slashCommandPayload(registry);
    const chat = payload.filter((c) => c.type === 1).map((c) => c.name);
    expect(chat).toEqual(registry.list().map((s) => s.name));
    expect(payload.filter((c) => c.type === 3)).toEqual([{ type: 3, name: FIND_IN_BEATBOOK }]);
    expect(buildSlashCommands(registry).skipped).toEqual([]);
  });

  it('keeps names and descriptions within what Discord accepts', () => {
    for (const c of slashCommandPayload(registry) as any[]) {
      if (c.type !== 1) continue;
      expect(c.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
      for (const o of c.options ?? []) {
        expect(o.name).toMatch(/^[-_a-z0-9]{1,32}$/);
        expect(o.description.length).toBeLessThanOrEqual(100);
      }
      // Discord refuses a required option after an optional one.
      const required = (c.options ?? []).map((o: any) => o.required);
      expect(required).toEqual([...required].sort((a: boolean, b: boolean) => Number(b) - Number(a)));
    }
    // policy's description is longer than 100 characters: cut, not rejected.
    expect(registry.get('policy')!.description.length).toBeGreaterThan(100);
    expect(byName('policy').description).toMatch(/…$/);
  });

  it('types options from the declarations: entity → autocomplete, date → string, integer → bounds', () => {
    const quote = byName('quote');
    const opt = (name: string) => quote.options.find((o: any) => o.name === name);
    expect(opt('speaker')).toMatchObject({ type: 3, autocomplete: true, required: false });
    expect(opt('from')).toMatchObject({ type: 3, min_length: 4, max_length: 10 });
    expect(opt('limit')).toMatchObject({ type: 4, min_value: 1, max_value: 50 });
    expect(opt('text')).toMatchObject({ type: 3, max_length: 200 });
    // Paging is for buttons only.
    expect(opt('page')).toBeUndefined();
    expect(byName('actor').options).toEqual([
      {
        name: 'name',
        description: 'Who (any spelling, accents optional)',
        required: true,
        type: 3,
        max_length: 300,
        autocomplete: true,
      },
    ]);
  });

  it('gives enum options choices, defaults admin commands to channel managers, skips what Discord cannot name', () => {
    const specs: CommandSpec[] = [
      {
        name: 'digest',
        description: 'Daily digest (test)',
        examples: [],
        permission: 'admin',
        options: [
          { name: 'action', type: 'enum', values: ['preview', 'subscribe'], description: 'What to do', required: true },
        ],
        handler: () => ({ ok: true, title: '', citations: [] }),
      },
      {
        name: 'Bad Name',
        description: 'Not expressible',
        examples: [],
        permission: 'everyone',
        options: [],
        handler: () => ({ ok: true, title: '', citations: [] }),
      },
    ];
    const reg: Registry = { get: (n) => specs.find((s) => s.name === n), list: () => specs };
    const built = buildSlashCommands(reg);
    expect(built.commands).toEqual([
      {
        type: 1,
        name: 'digest',
        description: 'Daily digest (test)',
        default_member_permissions: '16',
        options: [
          {
            name: 'action',
            description: 'What to do',
            required: true,
            type: 3,
            choices: [
              { name: 'preview', value: 'preview' },
              { name: 'subscribe', value: 'subscribe' },
            ],
          },
        ],
      },
    ]);
    expect(built.skipped).toEqual([
      { name: 'Bad Name', reason: expect.stringContaining('not a valid Discord command name') },
    ]);
  });
});

describe('register', () => {
  it('PUTs exactly the generated payload to the guild route when a guild id is given', async () => {
    const result = await registerCommands({
      token: fake.token,
      applicationId: fake.applicationId,
      guildId: fake.guildId,
      registry,
      api: fake.api,
    });
    const put = await fake.waitForRequest((r) => r.method === 'PUT');
    expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(put.authorized).toBe(true);
    expect(put.body).toEqual(slashCommandPayload(registry));
    expect(result).toEqual({ scope: 'guild', count: slashCommandPayload(registry).length, skipped: [] });
  });

  it('PUTs to the global route without a guild id', async () => {
    const result = await registerCommands({
      token: fake.token,
      applicationId: fake.applicationId,
      registry,
      api: fake.api,
    });
    const put = fake.requests.filter((r) => r.method === 'PUT').at(-1)!;
    expect(put.path).toBe(`/applications/${fake.applicationId}/commands`);
    expect(put.body).toEqual(slashCommandPayload(registry));
    expect(result.scope).toBe('global');
  });

  it('fails loudly, without the token, when Discord refuses the token', async () => {
    const error = await registerCommands({
      token: 'wrong.token-value-for-this-test',
      applicationId: fake.applicationId,
      registry,
      api: fake.api,
    }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toContain('wrong.token');
  });
});

describe('the invite URL', () => {
  it('asks for bot + applications.commands and only the permissions the digest needs', () => {
    const url = new URL(inviteUrl('123456789012345678'));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe('123456789012345678');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    // View Channel 1024 + Send Messages 2048 + Embed Links 16384 + Read Message History 65536.
    expect(url.searchParams.get('permissions')).toBe(String(1024 + 2048 + 16384 + 65536));
  });
});
