import type { CommandSpec, Context } from './command.js';
import { UserError } from './errors.js';

/** A precondition every adapter runs before a handler: returns normally or throws a UserError. */
export type Guard = (spec: CommandSpec, ctx: Context) => void;

export function checkPermission(spec: CommandSpec, ctx: Context): void {
  if (spec.permission === 'admin' && !ctx.user.admin) {
    throw new UserError('forbidden', `Only channel managers can run ${spec.name}.`);
  }
}

/** A budget: at most `limit` commands in any `windowMs`. */
export interface Budget {
  limit: number;
  windowMs: number;
}

/**
 * Keys remembered at most. A flood of distinct user ids (or a bot cycling through them) must not grow the
 * map without end: past this, the least recently active key is forgotten — its owner gets a fresh budget,
 * which is the lesser evil next to running out of memory.
 */
export const MAX_KEYS = 10_000;

/**
 * Sliding-window counter per key. The map is kept in order of last activity (a hit re-inserts its key),
 * so expired keys are always at the front and each call sweeps them in time proportional to what it drops.
 */
export class SlidingWindow {
  private hits = new Map<string, number[]>();

  constructor(
    readonly budget: Budget,
    private maxKeys = MAX_KEYS,
  ) {}

  /** Milliseconds until `key` may run again; 0 when it has budget left now. */
  wait(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.budget.limit) return 0;
    return Math.max(1, this.budget.windowMs - (now - recent[recent.length - this.budget.limit]!));
  }

  record(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    // Only the last `limit` hits can ever decide a wait.
    if (recent.length > this.budget.limit) recent.splice(0, recent.length - this.budget.limit);
    this.hits.delete(key);
    this.hits.set(key, recent);
    this.sweep(now);
    while (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value!);
  }

  /** How many keys are remembered (for tests of the memory bound). */
  get size(): number {
    return this.hits.size;
  }

  private recent(key: string, now: number): number[] {
    return (this.hits.get(key) ?? []).filter((t) => now - t < this.budget.windowMs);
  }

  private sweep(now: number): void {
    for (const [key, times] of this.hits) {
      if (now - times[times.length - 1]! < this.budget.windowMs) break;
      this.hits.delete(key);
    }
  }
}

/** Commands that cost nothing and must work even for someone who was told to slow down. */
const FREE = new Set(['help']);

export interface CooldownOptions {
  /** Per user, across channels (BEATBOOK_COOLDOWN). */
  user: Budget;
  /** Per channel, shared by everyone in it (BEATBOOK_CHANNEL_COOLDOWN): a newsroom channel gets a larger budget. */
  channel?: Budget;
  clock?: () => number;
  maxKeys?: number;
}

/**
 * Per-user and per-channel sliding-window cooldowns as one guard: both budgets are checked before either is
 * charged, so a command refused by the channel's budget does not also use up the user's. `help` is free.
 */
export function cooldowns(opts: CooldownOptions): Guard {
  const clock = opts.clock ?? Date.now;
  const users = new SlidingWindow(opts.user, opts.maxKeys);
  const channels = opts.channel ? new SlidingWindow(opts.channel, opts.maxKeys) : undefined;
  return (spec, ctx) => {
    if (FREE.has(spec.name)) return;
    const now = clock();
    const userKey = `${ctx.platform}:${ctx.user.id}`;
    const channelKey = ctx.channelId ? `${ctx.platform}:${ctx.channelId}` : undefined;
    const userWait = users.wait(userKey, now);
    const channelWait = channels && channelKey ? channels.wait(channelKey, now) : 0;
    if (userWait > 0 || channelWait > 0) {
      const seconds = Math.ceil(Math.max(userWait, channelWait) / 1000);
      const who = userWait >= channelWait ? 'you have' : 'this channel has';
      throw new UserError(
        'rate_limited',
        `Slow down — ${who} run a lot of commands in a short time. Try again in ${seconds} s.`,
      );
    }
    users.record(userKey, now);
    if (channels && channelKey) channels.record(channelKey, now);
  };
}

/** Per-user sliding-window cooldown: at most `limit` commands in `windowMs`. */
export function cooldown(limit: number, windowMs: number, clock: () => number = Date.now): Guard {
  return cooldowns({ user: { limit, windowMs }, clock });
}
