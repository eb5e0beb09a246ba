import { renderText } from '../../src/adapters/console/render.js';
import { ChannelGoneError, type RunningAdapter } from '../../src/core/platform.js';
import type { Reply } from '../../src/core/reply.js';

export interface PostedMessage {
  channelId: string;
  title: string;
  text: string;
  reply: Reply;
  at: Date;
}

/**
 * A chat platform in memory: channels hold the messages the bot posted, a channel can be deleted, the service
 * can fail, and a post can land without its caller ever hearing back (the crash window). It stands in for
 * Discord or Slack, not for any code of ours.
 */
export class FakePlatform implements RunningAdapter {
  readonly messages: PostedMessage[] = [];
  readonly deleted = new Set<string>();
  /** The next n posts fail with a server error; with `landed` they reach the channel first. */
  failures: { count: number; landed: boolean } = { count: 0, landed: false };
  /** Posts after this hang forever: `landed` decides whether the message reached the channel. */
  hang: { landed: boolean } | null = null;
  wasPostedCalls = 0;

  constructor(
    readonly platform: 'discord' | 'slack',
    private clock: () => Date,
  ) {}

  async post(channelId: string, reply: Reply): Promise<void> {
    if (this.deleted.has(channelId)) throw new ChannelGoneError(this.platform, channelId, 'Unknown Channel');
    const message = { channelId, title: reply.title, text: renderText(reply), reply, at: this.clock() };
    if (this.hang) {
      if (this.hang.landed) this.messages.push(message);
      return new Promise<void>(() => undefined);
    }
    if (this.failures.count > 0) {
      this.failures.count--;
      if (this.failures.landed) this.messages.push(message);
      throw new Error('503 Service Unavailable');
    }
    this.messages.push(message);
  }

  async wasPosted(channelId: string, marker: string, since: Date): Promise<boolean> {
    this.wasPostedCalls++;
    if (this.deleted.has(channelId)) throw new ChannelGoneError(this.platform, channelId, 'Unknown Channel');
    return this.messages.some((m) => m.channelId === channelId && m.text.includes(marker) && m.at >= since);
  }

  in(channelId: string): PostedMessage[] {
    return this.messages.filter((m) => m.channelId === channelId);
  }

  async stop(): Promise<void> {}
}
