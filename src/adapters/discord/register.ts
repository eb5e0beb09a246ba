import { PermissionFlagsBits, REST, Routes } from 'discord.js';
import type { Registry } from '../../core/dispatch.js';
import { buildSlashCommands } from './slash.js';

export { buildSlashCommands, slashCommandPayload, FIND_IN_BEATBOOK } from './slash.js';

/**
 * The least the bot needs. Answers to slash commands, buttons and the context menu travel through the
 * interaction webhook and need no channel permission at all; these bits are for the daily digest, which
 * posts into a channel on its own:
 *   View Channel (1 << 10)          see the channel it posts the digest to
 *   Send Messages (1 << 11)         post the digest
 *   Embed Links (1 << 14)           the digest is an embed
 *   Read Message History (1 << 16)  check after a restart whether today's digest is already there
 */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory;

/** The URL a server admin opens to add the bot: scopes bot + applications.commands, minimal permissions. */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: 'bot applications.commands',
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}

/**
 * Publishes the commands generated from the declarations, replacing whatever was registered before (a bulk
 * overwrite, so a removed command disappears too). With a guild id they appear in that server at once
 * (development); without, globally.
 */
export async function registerCommands(opts: {
  token: string;
  applicationId: string;
  guildId?: string;
  registry: Registry;
  api?: string;
}): Promise<{ scope: 'guild' | 'global'; count: number; skipped: { name: string; reason: string }[] }> {
  const { commands, skipped } = buildSlashCommands(opts.registry);
  const rest = new REST({ ...(opts.api ? { api: opts.api } : {}), timeout: 15_000 }).setToken(opts.token);
  const route = opts.guildId
    ? Routes.applicationGuildCommands(opts.applicationId, opts.guildId)
    : Routes.applicationCommands(opts.applicationId);
  const saved = (await rest.put(route, { body: commands })) as unknown[];
  return {
    scope: opts.guildId ? 'guild' : 'global',
    count: Array.isArray(saved) ? saved.length : commands.length,
    skipped,
  };
}
