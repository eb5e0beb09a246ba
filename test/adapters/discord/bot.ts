import { loadConfig } from '../../../src/config.js';
import type { RunningAdapter } from '../../../src/core/platform.js';
import { type StartDiscordOptions, startDiscord } from '../../../src/adapters/discord/start.js';
import { FakeDiscord, type FakeDiscordOptions } from './fake-discord.js';

/**
 * The real discord.js bot connected to the local fake gateway and REST: the set-up the Discord tests share.
 * Options not given take the values those tests use (no retries, a 2 s REST timeout, default config).
 */
export async function startTestBot(
  opts: Pick<StartDiscordOptions, 'store' | 'registry' | 'log'> &
    Partial<Omit<StartDiscordOptions, 'store' | 'registry' | 'log' | 'applicationId'>> & { fake?: FakeDiscordOptions },
): Promise<{ fake: FakeDiscord; adapter: RunningAdapter; stop(): Promise<void> }> {
  const { fake: fakeOptions, ...rest } = opts;
  const fake = await FakeDiscord.start(fakeOptions);
  const adapter = await startDiscord({
    token: fake.token,
    config: loadConfig({}),
    ...rest,
    applicationId: fake.applicationId,
    rest: { timeout: 2000, retries: 0, ...rest.rest, api: fake.api },
  });
  return {
    fake,
    adapter,
    async stop() {
      await adapter.stop();
      await fake.close();
    },
  };
}
