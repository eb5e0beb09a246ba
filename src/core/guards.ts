import type { CommandSpec, Context } from './command.js';
import { UserError } from './errors.js';

/** A precondition every adapter runs before a handler: returns normally or throws a UserError. */
export type Guard = (spec: CommandSpec, ctx: Context) => void;

export function checkPermission(spec: CommandSpec, ctx: Context): void {
  if (spec.permission === 'admin' && !ctx.user.admin) {
    throw new UserError('forbidden', `Only channel managers can run ${spec.name}.`);
  }
}

/** Per-user sliding-window cooldown: at most `limit` commands in `windowMs`. */
export function cooldown(limit: number, windowMs: number, clock: () => number = Date.now): Guard {
  const hits = new Map<string, number[]>();
  return (_spec, ctx) => {
    const now = clock();
    const key = `${ctx.platform}:${ctx.user.id}`;
    const recent = (hits.get(key) ?? []).filter((t) => now - t < windowMs);
    if (recent.length >= limit) {
      const wait = Math.ceil((windowMs - (now - recent[0]!)) / 1000);
      throw new UserError('rate_limited', `Slow down a little — try again in ${wait} s.`);
    }
    recent.push(now);
    hits.set(key, recent);
  };
}
