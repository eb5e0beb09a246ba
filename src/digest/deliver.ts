/**
 * One delivery: the row is claimed before anything is posted, then posted, then marked sent. Whenever a
 * delivery is taken up again — a row left claimed by a crash, or a failed attempt being retried — the channel
 * is first asked whether the digest already landed (`wasPosted`), so a post that reached the platform but was
 * never recorded is not posted twice.
 */
import { ChannelGoneError, type Logger, type RunningAdapter } from '../core/platform.js';
import type { DigestStore, PendingDelivery, SubscriptionRow } from '../store/digest.js';
import type { Store } from '../store/queries.js';
import { addDays } from './calendar.js';
import { type ComposedDigest, composeDigestWithPick } from './compose.js';

/** Attempts per delivery (the first one included) before a day's digest is given up. */
export const MAX_ATTEMPTS = 4;
/** Wait before retry n (n = attempts made so far): 5, 10, 20 minutes — well inside the same day. */
export const retryDelayMs = (attempts: number): number => 5 * 60_000 * 2 ** Math.max(0, attempts - 1);

export type DeliveryOutcome =
  | 'posted' // composed and posted now
  | 'already-posted' // found in the channel after a crash or a failed attempt; recorded, not re-posted
  | 'failed' // this attempt failed; retried later if attempts remain
  | 'disabled' // channel gone or closed to the bot: subscription disabled
  | 'missed'; // left over from an earlier day and never posted: not posted late

export interface DeliveryEvent {
  outcome: DeliveryOutcome;
  subscriptionId: number;
  platform: string;
  channelId: string;
  day: string;
  error?: string;
}

export interface DeliveryDeps {
  store: Store;
  digests: DigestStore;
  adapter: (platform: string) => RunningAdapter | undefined;
  log: Logger;
  /** A post that neither succeeds nor fails within this long counts as a failed attempt. */
  postTimeoutMs: number;
}

/** Composes a channel's digest for a local day as it would be (or was) delivered. */
export function composeForChannel(
  deps: Pick<DeliveryDeps, 'store' | 'digests'>,
  sub: Pick<SubscriptionRow, 'id' | 'active_since'>,
  day: string,
  until: Date,
): ComposedDigest {
  const prev = deps.digests.lastSentBefore(sub.id, day);
  return composeDigestWithPick(deps.store, {
    date: day,
    since: prev ? (prev.attempted_at ?? prev.claimed_at) : sub.active_since,
    until: until.toISOString(),
    recentQuoteIds: deps.digests.recentQuoteIds(sub.id, addDays(day, -30), day),
  });
}

/**
 * Delivers a row this scheduler holds in state 'claimed'. With `checkFirst` the channel is asked whether the
 * digest (its marker) is already there since the row was first claimed, and if so it is only recorded.
 */
export async function attemptDelivery(
  deps: DeliveryDeps,
  row: PendingDelivery,
  now: Date,
  checkFirst: boolean,
): Promise<DeliveryEvent> {
  const { digests, log } = deps;
  const base = { subscriptionId: row.subscription_id, platform: row.platform, channelId: row.channel_id, day: row.day };
  const adapter = deps.adapter(row.platform);
  const sub = digests.subscriptionById(row.subscription_id);
  if (!adapter || !sub) {
    digests.markFailed(row.id, adapter ? 'subscription removed' : `no ${row.platform} adapter running`);
    return { ...base, outcome: 'failed', error: 'not deliverable now' };
  }
  const marker = row.marker ?? '';
  try {
    if (checkFirst && marker && (await adapter.wasPosted(row.channel_id, marker, new Date(row.claimed_at)))) {
      // The post landed before the crash or the error; record it with the quote that digest would have had.
      const quoteId = composeForChannel(deps, sub, row.day, new Date(row.attempted_at ?? row.claimed_at)).quoteId;
      digests.markSent(row.id, now, quoteId);
      log({ level: 'info', msg: 'digest found already posted; recorded', ...base, deliveryId: row.id });
      return { ...base, outcome: 'already-posted' };
    }
    const digest = composeForChannel(deps, sub, row.day, now);
    digests.setQuote(row.id, digest.quoteId);
    await withTimeout(adapter.post(row.channel_id, digest.reply), deps.postTimeoutMs);
    digests.markSent(row.id, now, digest.quoteId);
    log({ level: 'info', msg: 'digest posted', ...base, deliveryId: row.id, attempt: row.attempts });
    return { ...base, outcome: 'posted' };
  } catch (e) {
    const error = (e as Error).message ?? String(e);
    if (e instanceof ChannelGoneError) {
      digests.markFailed(row.id, `channel gone: ${error}`);
      digests.disable(row.subscription_id, `channel gone: ${error}`, now);
      log({ level: 'warn', msg: 'digest channel is gone or closed to the bot; subscription disabled', ...base, error });
      return { ...base, outcome: 'disabled', error };
    }
    digests.markFailed(row.id, error);
    const last = row.attempts >= MAX_ATTEMPTS;
    log({
      level: last ? 'error' : 'warn',
      msg: last ? 'digest delivery failed; giving up for the day' : 'digest delivery failed; will retry',
      ...base,
      deliveryId: row.id,
      attempt: row.attempts,
      error,
    });
    return { ...base, outcome: 'failed', error };
  }
}

class PostTimeoutError extends Error {}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PostTimeoutError(`post did not finish within ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
