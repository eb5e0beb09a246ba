/**
 * The digest scheduler: croner ticks once a minute; every decision is made by `runDue(now)`, which compares the
 * wall clock of each subscription's zone with its time of day. Comparing local wall-clock times (rather than
 * computing UTC instants) is what makes daylight-saving changes harmless: 08:00 in New York is simply the first
 * tick whose New York time reads 08:00 or later, and a time skipped by a spring-forward change (02:30) is
 * passed by the first tick after the gap.
 */
import { Cron } from 'croner';
import { ChannelGoneError, type Logger, type RunningAdapter } from '../core/platform.js';
import type { DB } from '../store/db.js';
import { type DigestStore, type PendingDelivery, type SubscriptionRow, digestStore } from '../store/digest.js';
import { Store } from '../store/queries.js';
import { localParts } from './calendar.js';
import { digestMarker } from './compose.js';
import { type DeliveryDeps, type DeliveryEvent, MAX_ATTEMPTS, attemptDelivery, retryDelayMs } from './deliver.js';

export interface DigestSchedulerOptions {
  /** The store (or its connection) holding subscriptions and deliveries. */
  store?: Store;
  db?: DB;
  /** The running chat adapters; subscriptions of a platform with no adapter here wait. */
  adapters: RunningAdapter[];
  log: Logger;
  /** The clock; tests inject one. */
  now?: () => Date;
  /** Croner pattern of the tick; every minute by default. */
  pattern?: string;
  postTimeoutMs?: number;
}

export interface DigestScheduler {
  /** Settles, retries and delivers whatever is due at `now` (default: the clock). Runs are serialised. */
  runDue(now?: Date): Promise<DeliveryEvent[]>;
  /** The start-up run (settling rows a crash left claimed, then today's missed slots). */
  started: Promise<DeliveryEvent[]>;
  /** Stops the ticker; resolves once a run in progress has finished. Await it before closing the store. */
  stop(): Promise<void>;
}

/**
 * Decides and performs everything due at `now`, in three steps:
 * 1. rows left 'claimed' (by a crash: runs are serialised, so none of this process's is in flight) are settled:
 *    already in the channel → recorded as sent; from an earlier local day → recorded as missed, never posted
 *    late; otherwise → posted now;
 * 2. failed attempts of today with attempts left, once their back-off has passed, are retried (check first);
 * 3. every enabled subscription whose local time has reached its time of day and which has no row for its
 *    local day is claimed, posted and marked.
 * One scheduler per database is assumed: a second one would settle the first one's in-flight rows.
 */
export async function runDue(deps: DeliveryDeps, now: Date): Promise<DeliveryEvent[]> {
  const { digests, log } = deps;
  const events: DeliveryEvent[] = [];

  // One row's or subscription's trouble (a zone the runtime no longer knows, a store error) never blocks the rest.
  const guarded = async (what: Record<string, unknown>, fn: () => Promise<DeliveryEvent | null>) => {
    try {
      const event = await fn();
      if (event) events.push(event);
    } catch (e) {
      log({ level: 'error', msg: 'digest delivery step failed', ...what, error: (e as Error).message });
    }
  };

  for (const row of digests.claimedDeliveries()) {
    if (!deps.adapter(row.platform)) continue; // settled once that platform's adapter runs again
    await guarded({ deliveryId: row.id }, async () =>
      row.day !== localParts(now, row.tz).day || !row.enabled
        ? settleStale(deps, row, now)
        : attemptDelivery(deps, row, now, true),
    );
  }

  for (const row of digests.retryableDeliveries(MAX_ATTEMPTS)) {
    if (!deps.adapter(row.platform)) continue;
    await guarded({ deliveryId: row.id }, async () => {
      if (row.day !== localParts(now, row.tz).day) return null; // a day's digest is never posted late
      const last = Date.parse(row.attempted_at ?? row.claimed_at);
      if (now.getTime() - last < retryDelayMs(row.attempts)) return null;
      if (!digests.reclaim(row.id, now, MAX_ATTEMPTS)) return null;
      return attemptDelivery(deps, { ...row, status: 'claimed', attempts: row.attempts + 1 }, now, true);
    });
  }

  for (const sub of digests.enabledSubscriptions()) {
    if (!deps.adapter(sub.platform)) continue;
    await guarded({ subscriptionId: sub.id }, async () => {
      const local = localParts(now, sub.tz);
      if (local.time < sub.time_of_day || !owedOn(sub, local.day)) return null;
      if (digests.delivery(sub.id, local.day)) return null;
      const id = digests.claim(sub.id, local.day, now, digestMarker(local.day));
      if (id === null) return null; // another run won the slot
      const row = digests.pending(id);
      return row ? attemptDelivery(deps, row, now, false) : null;
    });
  }
  if (events.length) log({ level: 'debug', msg: 'digest run', at: now.toISOString(), events: events.length });
  return events;
}

/**
 * A subscription is owed a day's digest when it was active by that day's slot: subscribing at 10:00 to an
 * 08:00 digest starts tomorrow, not with an immediate post.
 */
export function owedOn(sub: Pick<SubscriptionRow, 'active_since' | 'tz' | 'time_of_day'>, day: string): boolean {
  const since = localParts(new Date(sub.active_since), sub.tz);
  return since.day < day || (since.day === day && since.time <= sub.time_of_day);
}

/** A claimed row from an earlier day (or of a stopped subscription): record what happened, never post late. */
async function settleStale(deps: DeliveryDeps, row: PendingDelivery, now: Date): Promise<DeliveryEvent> {
  const base = { subscriptionId: row.subscription_id, platform: row.platform, channelId: row.channel_id, day: row.day };
  let posted = false;
  try {
    posted = await deps.adapter(row.platform)!.wasPosted(row.channel_id, row.marker ?? '', new Date(row.claimed_at));
  } catch (e) {
    if (e instanceof ChannelGoneError) {
      deps.digests.markFailed(row.id, `channel gone: ${e.message}`);
      deps.digests.disable(row.subscription_id, `channel gone: ${e.message}`, now);
      deps.log({ level: 'warn', msg: 'digest channel is gone; subscription disabled', ...base, error: e.message });
      return { ...base, outcome: 'disabled', error: e.message };
    }
    deps.log({ level: 'warn', msg: 'could not check a stale digest delivery', ...base, error: (e as Error).message });
  }
  if (posted) {
    deps.digests.markSent(row.id, now, row.quote_id);
    return { ...base, outcome: 'already-posted' };
  }
  deps.digests.markFailed(row.id, row.enabled ? 'missed: not posted on its day' : 'subscription stopped');
  deps.log({ level: 'info', msg: 'stale digest delivery recorded as missed', ...base });
  return { ...base, outcome: 'missed' };
}

/**
 * Starts the digest for `serve`: runs `runDue` at once (crash settlement and today's catch-up), then on every
 * tick of a croner job (each minute).
 */
export function startDigestScheduler(opts: DigestSchedulerOptions): DigestScheduler {
  const store = opts.store ?? (opts.db ? new Store(opts.db) : undefined);
  if (!store) throw new Error('startDigestScheduler needs a store or a db');
  const clock = opts.now ?? (() => new Date());
  const byPlatform = new Map<string, RunningAdapter>();
  for (const a of opts.adapters) if (!byPlatform.has(a.platform)) byPlatform.set(a.platform, a);
  const digests: DigestStore = digestStore(store.writer);
  const deps: DeliveryDeps = {
    store,
    digests,
    adapter: (p) => byPlatform.get(p),
    log: opts.log,
    postTimeoutMs: opts.postTimeoutMs ?? 120_000,
  };

  let stopped = false;
  // Runs are chained so a tick and an explicit call never interleave their claims and posts.
  let chain: Promise<unknown> = Promise.resolve();
  const run = (now?: Date): Promise<DeliveryEvent[]> => {
    const next = chain.then(async () => {
      if (stopped) return [];
      try {
        return await runDue(deps, now ?? clock());
      } catch (e) {
        opts.log({ level: 'error', msg: 'digest run failed', error: (e as Error).message });
        return [];
      }
    });
    chain = next;
    return next;
  };

  // Unnamed on purpose: croner keeps named jobs in a process-wide list, and a second scheduler (another store,
  // a test) would be refused. `protect` skips a tick while the previous one still runs.
  const cron = new Cron(opts.pattern ?? '0 * * * * *', { protect: true }, async () => {
    await run();
  });
  const started = run();
  opts.log({ level: 'info', msg: 'digest scheduler started', adapters: [...byPlatform.keys()] });

  return {
    runDue: run,
    started,
    async stop() {
      stopped = true;
      cron.stop();
      await chain.catch(() => undefined);
    },
  };
}
