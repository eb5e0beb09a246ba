/**
 * The daily digest as data: a pure function of the store and its inputs (the day, the window for "new in the
 * archive", the quotes the channel has seen lately). Same inputs, same Reply — which is what lets a delivery be
 * re-composed after a failed attempt and still be the digest that was claimed.
 */
import { cite } from '../core/cite.js';
import { type Reply, type ReplyItem, collectCitations, neutralize } from '../core/reply.js';
import { formatDate, parseDateValue } from '../ingest/dates.js';
import { digestStore } from '../store/digest.js';
import type { EventRow, QuoteRow, Store } from '../store/queries.js';
import { addDays, isLeapYear, longDay, shortDay } from './calendar.js';

export interface DigestOptions {
  /** The local day the digest is for, YYYY-MM-DD. */
  date: string;
  /** ISO timestamp of the channel's last digest: documents added after it are "new in the archive". */
  since?: string;
  /** Upper bound of that window (ISO timestamp); default the end of `date` (UTC). */
  until?: string;
  /** Quote ids the channel was sent in the last 30 days, most recent first; never picked again. */
  recentQuoteIds?: number[];
}

export interface ComposedDigest {
  reply: Reply;
  /** The quote of the day, recorded on the delivery so it is not repeated within 30 days. */
  quoteId: number | null;
  /** The stable words a posted digest carries, by which a restart recognises one already posted. */
  marker: string;
}

/** How many new documents and new quotes one digest lists before it only counts the rest. */
const MAX_NEW_DOCUMENTS = 8;
const MAX_NEW_QUOTES = 5;
const MAX_QUOTE_CHARS = 280;
const WEEK = 7;

/** "Beatbook digest — Saturday 26 September 2026": the title, and the marker a restart looks for. */
export function digestMarker(date: string): string {
  return `Beatbook digest — ${longDay(date)}`;
}

export function composeDigest(store: Store, opts: DigestOptions): Reply {
  return composeDigestWithPick(store, opts).reply;
}

export function composeDigestWithPick(store: Store, opts: DigestOptions): ComposedDigest {
  const date = opts.date;
  if (parseDateValue(date)?.precision !== 'day') throw new Error(`composeDigest needs a YYYY-MM-DD day, got ${date}`);
  const ds = digestStore(store.writer);
  const year = Number(date.slice(0, 4));
  const items: ReplyItem[] = [];
  const sections: { title: string; start: number }[] = [];
  const section = (title: string, add: ReplyItem[]) => {
    if (add.length === 0) return;
    sections.push({ title, start: items.length });
    items.push(...add);
  };
  const eventItem = (e: EventRow, label: string): ReplyItem => ({
    label,
    text: neutralize(`${e.title}${e.place ? ` (${e.place})` : ''}`),
    citation: cite(store, e.passage_id, e.evidence),
  });

  // On this day: day-precision events whose anniversary is the date, at least one year on.
  const today = ds
    .dayEventsOn(monthDaysObservedOn(date))
    .filter((e) => yearsSince(e, year) >= 1)
    .map((e) => eventItem(e, `${formatDate(e.date_start)} · ${ago(yearsSince(e, year))}`));
  section('On this day', today);

  // Month-precision events: the day is unknown, so they are remembered once, on the first of their month.
  const month = date.endsWith('-01')
    ? ds
        .monthEventsIn(date.slice(5, 7))
        .filter((e) => yearsSince(e, year) >= 1)
        .map((e) => eventItem(e, `This month in ${e.date_start!.slice(0, 4)} · ${ago(yearsSince(e, year))}`))
    : [];
  section('This month in history', month);

  // Coming up this week: the next seven days' day-precision anniversaries, in calendar order.
  const coming: ReplyItem[] = [];
  for (let n = 1; n <= WEEK; n++) {
    const day = addDays(date, n);
    const y = Number(day.slice(0, 4));
    for (const e of ds.dayEventsOn(monthDaysObservedOn(day))) {
      const years = yearsSince(e, y);
      if (years >= 1) coming.push(eventItem(e, `${shortDay(day)} · ${years} year${years === 1 ? '' : 's'} since`));
    }
  }
  section('Coming up this week', coming);

  // New in the archive: documents (and the attributed quotes extracted from them) added since the last digest.
  const newQuoteIds = new Set<number>();
  if (opts.since !== undefined) {
    const until = opts.until ?? `${addDays(date, 1)}T00:00:00.000Z`;
    const docs = ds.documentsAdded(opts.since, until, MAX_NEW_DOCUMENTS);
    // A document without a passage has nothing to cite, and an uncited line is not said.
    const docItems: ReplyItem[] = docs.rows
      .filter((d) => d.first_passage_id !== null)
      .map((d) => ({
        label: neutralize(
          [d.outlet, d.published ? formatDate(d.published) : null].filter(Boolean).join(', ') || 'New document',
        ),
        text: neutralize(d.title),
        citation: cite(store, d.first_passage_id!),
      }));
    section(
      docs.total > docs.rows.length
        ? `New in the archive (${docs.total} documents; the first ${docs.rows.length} shown)`
        : 'New in the archive',
      docItems,
    );
    const quotes = ds.quotesAdded(opts.since, until, MAX_NEW_QUOTES);
    for (const q of quotes) newQuoteIds.add(q.id);
    section(
      'New quotes in the archive',
      quotes.map((q) => quoteItem(store, q)),
    );
  }

  // A quiet day says so in one line instead of reaching for filler.
  const quiet = today.length === 0 && month.length === 0;

  // The quote of the day never repeats a quote already listed as new in this same digest.
  const pick = quoteOfTheDay(
    ds.quotes().filter((q) => !newQuoteIds.has(q.id)),
    date,
    opts.recentQuoteIds ?? [],
  );
  const pickItem = pick ? quoteItem(store, pick) : undefined;
  if (pickItem?.citation) section('Quote of the day', [pickItem]);

  const marker = digestMarker(date);
  return {
    reply: {
      ok: true,
      title: marker,
      ...(quiet ? { body: 'Nothing on the calendar today.' } : {}),
      items,
      sections,
      citations: collectCitations(items),
    },
    quoteId: pick && pickItem?.citation ? pick.id : null,
    marker,
  };
}

/** The month-days whose anniversary falls on `day`: 29 February is remembered on the 28th in common years. */
function monthDaysObservedOn(day: string): string[] {
  const md = day.slice(5);
  return md === '02-28' && !isLeapYear(Number(day.slice(0, 4))) ? [md, '02-29'] : [md];
}

function yearsSince(e: EventRow, year: number): number {
  return year - Number(e.date_start!.slice(0, 4));
}

function ago(years: number): string {
  return `${years} year${years === 1 ? '' : 's'} ago`;
}

function quoteItem(store: Store, q: QuoteRow): ReplyItem {
  const words = q.text.replace(/\s+/g, ' ').trim();
  const shown = words.length > MAX_QUOTE_CHARS ? `${words.slice(0, MAX_QUOTE_CHARS - 1)}…` : words;
  const who = q.speaker_name ?? (q.speaker_label ? `${q.speaker_label} (unidentified)` : 'unattributed');
  return {
    label: neutralize(`${who}${q.published ? ` · ${formatDate(q.published)}` : ''}`),
    text: neutralize(`“${shown}”${q.partial ? ' (partial quote)' : ''}`),
    citation: cite(store, q.passage_id, undefined, q.start, q.end),
  };
}

/**
 * A quote for the day, deterministic in the date: an FNV-1a hash of the day indexes the candidates (ordered by
 * id) that the channel has not seen in the last 30 days. Full sentences by a named actor come first; partial
 * or unnamed-speaker quotes widen the pool only when those are used up. When everything was used recently, the
 * quote used longest ago comes back.
 */
export function quoteOfTheDay(all: QuoteRow[], date: string, recentIds: number[]): QuoteRow | null {
  const recent = new Set(recentIds);
  const sayable = all.filter(
    (q) => (q.speaker_actor_id !== null || q.speaker_label !== null) && q.text.replace(/\s+/g, ' ').trim().length >= 30,
  );
  const strong = sayable.filter((q) => q.speaker_actor_id !== null && !q.partial && q.confidence >= 0.7);
  for (const pool of [strong, sayable]) {
    const fresh = pool.filter((q) => !recent.has(q.id));
    if (fresh.length > 0) return fresh[fnv1a(date) % fresh.length]!;
  }
  for (let i = recentIds.length - 1; i >= 0; i--) {
    const q = sayable.find((x) => x.id === recentIds[i]);
    if (q) return q;
  }
  return null;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
