/**
 * Raw interactions as Discord's gateway delivers them (INTERACTION_CREATE payloads), for FakeDiscord. Only the
 * fields discord.js reads; ids are snowflake-shaped strings.
 */
import type { FakeDiscord } from './fake-discord.js';

export interface RawUser {
  id: string;
  username: string;
}

export const REPORTER: RawUser = { id: '700000000000000001', username: 'reporter' };
export const EDITOR: RawUser = { id: '700000000000000002', username: 'editor' };

/** No permissions beyond reading and writing; MANAGE_CHANNELS is 1 << 4. */
export const PLAIN_PERMISSIONS = String((1n << 10n) | (1n << 11n));
export const MANAGER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 4n));

function base(fake: FakeDiscord, user: RawUser, permissions: string) {
  return {
    guild_id: fake.guildId,
    channel_id: fake.channelId,
    channel: { id: fake.channelId, type: 0, guild_id: fake.guildId, name: 'desk-0' },
    app_permissions: '0',
    context: 0,
    guild_locale: 'en-US',
    member: {
      user: { ...user, discriminator: '0', avatar: null, global_name: null },
      roles: [],
      permissions,
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    },
  };
}

const OPTION_TYPE = { string: 3, integer: 4 } as const;

/** A slash command with options given as name → value (strings become STRING, numbers INTEGER). */
export function slash(
  fake: FakeDiscord,
  name: string,
  options: Record<string, string | number> = {},
  user: RawUser = REPORTER,
  permissions = PLAIN_PERMISSIONS,
) {
  return {
    ...base(fake, user, permissions),
    type: 2,
    data: {
      id: '800000000000000001',
      name,
      type: 1,
      options: Object.entries(options).map(([n, value]) => ({
        name: n,
        type: typeof value === 'number' ? OPTION_TYPE.integer : OPTION_TYPE.string,
        value,
      })),
    },
  };
}

/** Autocomplete while typing `value` into option `focused` of command `name`. */
export function autocompleteOf(fake: FakeDiscord, name: string, focused: string, value: string, user = REPORTER) {
  return {
    ...base(fake, user, PLAIN_PERMISSIONS),
    type: 4,
    data: {
      id: '800000000000000001',
      name,
      type: 1,
      options: [{ name: focused, type: OPTION_TYPE.string, value, focused: true }],
    },
  };
}

/** A click on the button `customId` of `message` (a message object as the fake returned it). */
export function click(fake: FakeDiscord, customId: string, message: Record<string, unknown>, user = REPORTER) {
  return {
    ...base(fake, user, PLAIN_PERMISSIONS),
    type: 3,
    message,
    data: { custom_id: customId, component_type: 2 },
  };
}

/** The "Find in Beatbook" message context menu on a message saying `content`. */
export function contextMenu(
  fake: FakeDiscord,
  name: string,
  content: string,
  user = REPORTER,
  extra: Record<string, unknown> = {},
) {
  const target = fake.message(
    fake.channelId,
    { content },
    { ...EDITOR, discriminator: '0', avatar: null, global_name: null },
  );
  return {
    ...base(fake, user, PLAIN_PERMISSIONS),
    type: 2,
    data: {
      id: '800000000000000002',
      name,
      type: 3,
      target_id: target.id,
      resolved: { messages: { [target.id]: { ...target, ...extra } } },
    },
  };
}
