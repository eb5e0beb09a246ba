import type { Reply } from './reply.js';

/**
 * What `serve` and the digest scheduler need from a running chat adapter. Each adapter (Discord, Slack)
 * returns one of these from its start function; the composition root in src/cli.ts owns the lifecycle.
 */
export interface RunningAdapter {
  platform: 'discord' | 'slack';
  /** Posts an unsolicited reply (the daily digest) to a channel. */
  post(channelId: string, reply: Reply): Promise<void>;
  /**
   * Whether the bot already posted a message containing `marker` in the channel since `since` — how a
   * delivery claimed before a crash is settled on restart without posting twice.
   */
  wasPosted(channelId: string, marker: string, since: Date): Promise<boolean>;
  /** Disconnects and releases sockets; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The channel no longer exists or the bot may no longer post there. A delivery that meets this disables the
 * subscription (with a log line) instead of retrying forever; any other error is retried later.
 */
export class ChannelGoneError extends Error {
  constructor(
    readonly platform: 'discord' | 'slack',
    readonly channelId: string,
    reason: string,
  ) {
    super(`${platform} channel ${channelId} is gone or closed to the bot: ${reason}`);
    this.name = 'ChannelGoneError';
  }
}

/** One structured log line; adapters and the scheduler log through this, never with console.log. */
export type Logger = (
  entry: { level: 'debug' | 'info' | 'warn' | 'error'; msg: string } & Record<string, unknown>,
) => void;
