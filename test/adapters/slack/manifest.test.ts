import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BOT_SCOPES, FIND_SHORTCUT, SLASH_COMMAND } from '../../../src/adapters/slack/ids.js';

interface Manifest {
  display_information: { name: string };
  features: {
    bot_user: { display_name: string };
    slash_commands: { command: string; usage_hint?: string; should_escape?: boolean }[];
    shortcuts: { name: string; type: string; callback_id: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
}

const manifest = parse(
  readFileSync(new URL('../../../src/adapters/slack/manifest.yaml', import.meta.url), 'utf8'),
) as Manifest;

describe('the Slack app manifest', () => {
  it('declares the slash command the code listens for, with a usage hint', () => {
    expect(manifest.display_information.name).toBe('Beatbook');
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    expect(manifest.features.slash_commands[0]!.usage_hint).toContain('speaker:');
  });

  it('declares the "Find in Beatbook" message shortcut with the callback id the code routes', () => {
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ name: 'Find in Beatbook', type: 'message', callback_id: FIND_SHORTCUT }),
    ]);
  });

  it('asks for exactly the bot scopes the code uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('turns on Socket Mode and interactivity (buttons, shortcut)', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
