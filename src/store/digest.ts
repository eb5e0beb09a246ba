import type { DB } from './db.js';
import type { EventRow, QuoteRow } from './queries.js';

/** Every digest read and write: subscriptions, the delivery ledger, and the corpus reads composition needs. */

export type DigestPlatform = 'discord' | 'slack';

export interface SubscriptionRow {
  id: number;
  platform: DigestPlatform;
  channel_id: string;
  time_of_day: string; // HH:MM, local to tz
  tz: string;
  enabled: number;
  created_by: string | null;
  created_at: string;
  active_since: string;
  disabled_reason: string | null;
  updated_at: string | null;
}

export type DeliveryStatus = 'claimed' | 'sent' | 'failed';

export interface DeliveryRow {
  id: number;
  subscription_id: number;
  day: string;
  status: DeliveryStatus;
  claimed_at: string;
  sent_at: string | null;
  quote_id: number | null;
  attempts: number;
  attempted_at: string | null;
  marker: string | null;
  error: string | null;
}

/** A delivery with the subscription it belongs to, as the scheduler settles and retries it. */
export type PendingDelivery = DeliveryRow & Pick<SubscriptionRow, 'platform' | 'channel_id' | 'tz' | 'enabled'>;

export interface NewDocumentRow {
  id: number;
  slug: string;
  title: string;
  outlet: string | null;
  published: string | null;
  added_at: string;
  first_passage_id: number | null;
}

const PENDING_SELECT = `SELECT d.*, s.platform, s.channel_id, s.tz, s.enabled
  FROM digest_deliveries d JOIN digest_subscriptions s ON s.id = d.subscription_id`;

const QUOTE_SELECT = `SELECT q.*, q."end" AS "end", a.name AS speaker_name, doc.published FROM quotes q
  LEFT JOIN actors a ON a.id = q.speaker_actor_id JOIN passages p ON p.id = q.passage_id
  JOIN documents doc ON doc.id = p.document_id`;

export class DigestStore {
  private s;

  constructor(readonly db: DB) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      subByChannel: p('SELECT * FROM digest_subscriptions WHERE platform = ? AND channel_id = ?'),
      subById: p('SELECT * FROM digest_subscriptions WHERE id = ?'),
      // Re-subscribing a disabled channel starts a new run (active_since); changing the time of a live one
      // keeps it, so a changed time never re-owes a slot already passed.
      upsertSub:
        p(`INSERT INTO digest_subscriptions (platform, channel_id, time_of_day, tz, enabled, created_by, created_at, active_since, updated_at)
        VALUES (@platform, @channelId, @time, @tz, 1, @by, @now, @now, @now)
        ON CONFLICT (platform, channel_id) DO UPDATE SET time_of_day = excluded.time_of_day, tz = excluded.tz,
          active_since = CASE WHEN enabled = 1 THEN active_since ELSE excluded.active_since END,
          enabled = 1, disabled_reason = NULL, updated_at = excluded.updated_at`),
      disableSub: p(
        'UPDATE digest_subscriptions SET enabled = 0, disabled_reason = ?, updated_at = ? WHERE id = ? AND enabled = 1',
      ),
      enabledSubs: p('SELECT * FROM digest_subscriptions WHERE enabled = 1 ORDER BY id'),
      allSubs: p('SELECT * FROM digest_subscriptions ORDER BY enabled DESC, id LIMIT ?'),
      audit: p('INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)'),
      delivery: p('SELECT * FROM digest_deliveries WHERE subscription_id = ? AND day = ?'),
      deliveryById: p('SELECT * FROM digest_deliveries WHERE id = ?'),
      claim: p(`INSERT INTO digest_deliveries (subscription_id, day, status, claimed_at, attempted_at, attempts, marker)
        VALUES (?, ?, 'claimed', ?, ?, 1, ?) ON CONFLICT (subscription_id, day) DO NOTHING`),
      reclaim:
        p(`UPDATE digest_deliveries SET status = 'claimed', attempts = attempts + 1, attempted_at = ?, error = NULL
        WHERE id = ? AND status = 'failed' AND attempts < ?`),
      markSent: p(
        "UPDATE digest_deliveries SET status = 'sent', sent_at = ?, quote_id = COALESCE(?, quote_id), error = NULL WHERE id = ? AND status = 'claimed'",
      ),
      markFailed: p("UPDATE digest_deliveries SET status = 'failed', error = ? WHERE id = ? AND status = 'claimed'"),
      setQuote: p('UPDATE digest_deliveries SET quote_id = ? WHERE id = ?'),
      pending: p(`${PENDING_SELECT} WHERE d.id = ?`),
      claimed: p(`${PENDING_SELECT} WHERE d.status = 'claimed' ORDER BY d.id`),
      retryable: p(`${PENDING_SELECT} WHERE d.status = 'failed' AND d.attempts < ? AND s.enabled = 1 ORDER BY d.id`),
      lastDelivery: p('SELECT * FROM digest_deliveries WHERE subscription_id = ? ORDER BY day DESC, id DESC LIMIT 1'),
      lastSentBefore: p(`SELECT * FROM digest_deliveries WHERE subscription_id = ? AND status = 'sent' AND day < ?
        ORDER BY day DESC, id DESC LIMIT 1`),
      recentQuotes: p(`SELECT quote_id FROM digest_deliveries WHERE subscription_id = ? AND status = 'sent'
        AND quote_id IS NOT NULL AND day >= ? AND day < ? ORDER BY day DESC`),
      dayEvents: p(`SELECT * FROM events WHERE date_precision = 'day' AND date_start IS NOT NULL
        AND substr(date_start, 6, 5) IN (SELECT value FROM json_each(?)) ORDER BY date_start, id`),
      monthEvents: p(`SELECT * FROM events WHERE date_precision = 'month' AND date_start IS NOT NULL
        AND substr(date_start, 6, 2) = ? ORDER BY date_start, id`),
      docsAdded: p(`SELECT d.id, d.slug, d.title, d.outlet, d.published, d.added_at,
          (SELECT p.id FROM passages p WHERE p.document_id = d.id ORDER BY p.ordinal LIMIT 1) AS first_passage_id
        FROM documents d WHERE d.added_at > ? AND d.added_at <= ? ORDER BY d.added_at, d.id LIMIT ?`),
      docsAddedCount: p('SELECT count(*) AS n FROM documents WHERE added_at > ? AND added_at <= ?'),
      quotesAdded: p(`${QUOTE_SELECT} WHERE doc.added_at > ? AND doc.added_at <= ?
        AND (q.speaker_actor_id IS NOT NULL OR q.speaker_label IS NOT NULL) ORDER BY doc.added_at, q.id LIMIT ?`),
      quotesAll: p(`${QUOTE_SELECT} ORDER BY q.id`),
    };
  }

  // ── subscriptions ────────────────────────────────────────────────────────────────────────────────────────

  subscription(platform: DigestPlatform, channelId: string): SubscriptionRow | undefined {
    return this.s.subByChannel.get(platform, channelId) as SubscriptionRow | undefined;
  }
  subscriptionById(id: number): SubscriptionRow | undefined {
    return this.s.subById.get(id) as SubscriptionRow | undefined;
  }
  /** Creates or updates the channel's subscription and records who did it; returns the stored row. */
  subscribe(p: {
    platform: DigestPlatform;
    channelId: string;
    time: string;
    tz: string;
    by: string;
    now: Date;
  }): SubscriptionRow {
    return this.db.transaction(() => {
      this.s.upsertSub.run({
        platform: p.platform,
        channelId: p.channelId,
        time: p.time,
        tz: p.tz,
        by: p.by,
        now: p.now.toISOString(),
      });
      const row = this.subscription(p.platform, p.channelId)!;
      this.s.audit.run(
        p.now.toISOString(),
        p.by,
        'digest.subscribe',
        JSON.stringify({ platform: p.platform, channel: p.channelId, time: p.time, tz: p.tz }),
      );
      return row;
    })();
  }
  /** Stops a channel's digest; the row (and its delivery history) stays. Returns false when none was active. */
  unsubscribe(platform: DigestPlatform, channelId: string, by: string, now: Date): boolean {
    return this.db.transaction(() => {
      const row = this.subscription(platform, channelId);
      if (!row || !row.enabled) return false;
      this.s.disableSub.run('unsubscribed', now.toISOString(), row.id);
      this.s.audit.run(now.toISOString(), by, 'digest.unsubscribe', JSON.stringify({ platform, channel: channelId }));
      return true;
    })();
  }
  /** Disables a subscription the bot can no longer serve (deleted channel, lost permission). */
  disable(id: number, reason: string, now: Date): boolean {
    const changed = this.s.disableSub.run(reason.slice(0, 300), now.toISOString(), id).changes === 1;
    if (changed) this.s.audit.run(now.toISOString(), 'scheduler', 'digest.disable', JSON.stringify({ id, reason }));
    return changed;
  }
  enabledSubscriptions(): SubscriptionRow[] {
    return this.s.enabledSubs.all() as SubscriptionRow[];
  }
  allSubscriptions(limit = 50): SubscriptionRow[] {
    return this.s.allSubs.all(limit) as SubscriptionRow[];
  }

  // ── the delivery ledger ──────────────────────────────────────────────────────────────────────────────────

  delivery(subscriptionId: number, day: string): DeliveryRow | undefined {
    return this.s.delivery.get(subscriptionId, day) as DeliveryRow | undefined;
  }
  deliveryById(id: number): DeliveryRow | undefined {
    return this.s.deliveryById.get(id) as DeliveryRow | undefined;
  }
  /**
   * Claims the (subscription, day) slot before anything is posted. UNIQUE(subscription_id, day) makes this the
   * one place two racing schedulers are told apart: exactly one INSERT wins. Returns the row id, or null.
   */
  claim(subscriptionId: number, day: string, now: Date, marker: string): number | null {
    const at = now.toISOString();
    const r = this.s.claim.run(subscriptionId, day, at, at, marker);
    return r.changes === 1 ? Number(r.lastInsertRowid) : null;
  }
  /** Takes a failed delivery back for another attempt, if it has attempts left; true when this caller won it. */
  reclaim(id: number, now: Date, maxAttempts: number): boolean {
    return this.s.reclaim.run(now.toISOString(), id, maxAttempts).changes === 1;
  }
  markSent(id: number, now: Date, quoteId: number | null): void {
    this.s.markSent.run(now.toISOString(), quoteId, id);
  }
  markFailed(id: number, error: string): void {
    this.s.markFailed.run(error.slice(0, 500), id);
  }
  setQuote(id: number, quoteId: number | null): void {
    this.s.setQuote.run(quoteId, id);
  }
  pending(id: number): PendingDelivery | undefined {
    return this.s.pending.get(id) as PendingDelivery | undefined;
  }
  /** Deliveries claimed but never marked: after a crash, these are what start-up settles. */
  claimedDeliveries(): PendingDelivery[] {
    return this.s.claimed.all() as PendingDelivery[];
  }
  /** Failed deliveries of live subscriptions that still have attempts left. */
  retryableDeliveries(maxAttempts: number): PendingDelivery[] {
    return this.s.retryable.all(maxAttempts) as PendingDelivery[];
  }
  lastDelivery(subscriptionId: number): DeliveryRow | undefined {
    return this.s.lastDelivery.get(subscriptionId) as DeliveryRow | undefined;
  }
  lastSentBefore(subscriptionId: number, day: string): DeliveryRow | undefined {
    return this.s.lastSentBefore.get(subscriptionId, day) as DeliveryRow | undefined;
  }
  /** Quote ids sent to the channel on days in [fromDay, toDay), most recent first. */
  recentQuoteIds(subscriptionId: number, fromDay: string, toDay: string): number[] {
    return (this.s.recentQuotes.all(subscriptionId, fromDay, toDay) as { quote_id: number }[]).map((r) => r.quote_id);
  }

  // ── corpus reads for composition ─────────────────────────────────────────────────────────────────────────

  /** Day-precision events whose month-day ("09-26") is one of those given. */
  dayEventsOn(monthDays: string[]): EventRow[] {
    return this.s.dayEvents.all(JSON.stringify(monthDays)) as EventRow[];
  }
  /** Month-precision events of a calendar month ("09"), any year. */
  monthEventsIn(month: string): EventRow[] {
    return this.s.monthEvents.all(month) as EventRow[];
  }
  /** Documents added in (since, until], oldest first, with the passage a citation can point at. */
  documentsAdded(since: string, until: string, limit: number): { rows: NewDocumentRow[]; total: number } {
    return {
      rows: this.s.docsAdded.all(since, until, limit) as NewDocumentRow[],
      total: (this.s.docsAddedCount.get(since, until) as { n: number }).n,
    };
  }
  /** Attributed quotes extracted from documents added in (since, until]. */
  quotesAdded(since: string, until: string, limit: number): QuoteRow[] {
    return this.s.quotesAdded.all(since, until, limit) as QuoteRow[];
  }
  quotes(): QuoteRow[] {
    return this.s.quotesAll.all() as QuoteRow[];
  }
}

const stores = new WeakMap<DB, DigestStore>();
/** One DigestStore (prepared statements) per connection. */
export function digestStore(db: DB): DigestStore {
  let s = stores.get(db);
  if (!s) {
    s = new DigestStore(db);
    stores.set(db, s);
  }
  return s;
}

/**
 * When each stored document (by content hash) entered the archive. A re-seed deletes and re-inserts every
 * document; carrying these times across keeps "New in the archive" from announcing the whole corpus again.
 */
export function documentAddedTimes(db: DB): Map<string, string> {
  const rows = db.prepare('SELECT content_hash, added_at FROM documents').all() as {
    content_hash: string;
    added_at: string;
  }[];
  return new Map(rows.map((r) => [r.content_hash, r.added_at]));
}

export function restoreAddedTimes(db: DB, times: Map<string, string>): void {
  const update = db.prepare('UPDATE documents SET added_at = ? WHERE content_hash = ?');
  for (const [hash, at] of times) update.run(at, hash);
}
