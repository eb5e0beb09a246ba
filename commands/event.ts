import type { Args, CommandSpec, Context } from '../src/core/command.js';
import { cite } from '../src/core/cite.js';
import { factText } from '../src/core/fact-text.js';
import { notFound } from '../src/core/errors.js';
import { isReply, lookup } from '../src/core/lookup.js';
import { pageWindow } from '../src/core/paging.js';
import { type Reply, type ReplyItem, collectCitations } from '../src/core/reply.js';
import { dateRange, formatDate, parseDateValue } from '../src/ingest/dates.js';
import type { EventRow, Store } from '../src/store/queries.js';

const PRECISION_NOTE: Record<string, string> = {
  day: '',
  month: ' (month known, not the day)',
  year: ' (year known only)',
};

export function when(e: EventRow): string {
  if (!e.date_start) return 'Date not stated in the sources';
  const span =
    e.date_end && e.date_end !== e.date_start
      ? `${formatDate(e.date_start)} – ${formatDate(e.date_end)}`
      : formatDate(e.date_start);
  return `${span}${PRECISION_NOTE[e.date_precision ?? 'day'] ?? ''}`;
}

/** At most this many events of one date are paged through (a year at scale holds thousands). */
export const MAX_EVENTS_ON = 200;
const PER_PAGE = 10;

function eventsOn(store: Store, text: string, pageNo: number): Reply | null {
  const d = parseDateValue(text.trim());
  if (!d) return null;
  const r = dateRange(d.value)!;
  const range = { from: r.from, to: r.to, limit: MAX_EVENTS_ON + 1 };
  const found = store.timelineCount(range, 'events');
  if (found === 0) {
    return notFound(`No event dated ${formatDate(d.value)} is in the store.`);
  }
  const total = Math.min(found, MAX_EVENTS_ON);
  const page = pageWindow(total, pageNo, `event ${d.value}`, PER_PAGE);
  // Only the page shown is read and cited.
  const items: ReplyItem[] = store
    .timelineEvents({ ...range, limit: page.end })
    .slice(page.start)
    .map((e) => ({
      label: when(e),
      text: e.title,
      citation: cite(store, e.passage_id, e.evidence),
    }));
  const capped = found > MAX_EVENTS_ON ? ` (the first ${MAX_EVENTS_ON}; give a month or a day for more)` : '';
  return {
    ok: true,
    title: `Events in ${formatDate(d.value)}`,
    ...(page.paging
      ? { body: `${found > MAX_EVENTS_ON ? `More than ${MAX_EVENTS_ON}` : total} events${capped}.` }
      : {}),
    items,
    citations: collectCitations(items),
    ...(page.paging ? { paging: page.paging } : {}),
  };
}

export const event: CommandSpec = {
  name: 'event',
  description: 'What happened, when (at the precision the sources give), where, who took part, and the sources.',
  examples: ['event ayotzinapa', 'event "Cienfuegos arrest"', 'event 2014-09-26', 'event 2017-12'],
  permission: 'everyone',
  options: [
    {
      name: 'name',
      type: 'string',
      description: 'Event name, or a date: 2014, 2014-09 or 2014-09-26',
      positional: true,
      required: true,
      maxLength: 200,
    },
    { name: 'page', type: 'integer', min: 1, max: 1000, description: 'Page of events on a date', hidden: true },
  ],
  handler(ctx: Context, args: Args) {
    const text = String(args.name);
    const byDate = eventsOn(ctx.store, text, Number(args.page ?? 1));
    if (byDate) return byDate;
    const found = lookup(ctx, 'event', text, (e) => `event ${e.slug}`);
    if (isReply(found)) return found;
    const s = ctx.store;
    const e = s.event(found.id)!;
    const main = cite(s, e.passage_id, e.evidence);
    const items: ReplyItem[] = [];
    const sections: { title: string; start: number }[] = [];
    const facts = s.factsAbout('event', e.id);
    if (facts.length) sections.push({ title: 'Facts', start: items.length });
    for (const f of facts)
      items.push({
        label: f.date ? formatDate(f.date) : undefined,
        text: factText(f, { type: 'event', id: e.id }),
        citation: cite(s, f.passage_id, f.evidence, f.start, f.end),
      });
    const related = s.policiesSharingActors(e.id);
    if (related.length) sections.push({ title: 'Related policies (shared actors)', start: items.length });
    for (const p of related) items.push({ text: p.name, citation: cite(s, p.passage_id, p.evidence) });
    const who = s.actorsOfEvent(e.id);
    return {
      ok: true,
      title: e.title,
      body: e.summary ?? undefined,
      fields: [
        { name: 'When', value: when(e) },
        ...(e.place ? [{ name: 'Where', value: e.place }] : []),
        ...(who.length ? [{ name: 'Who', value: who.map((a) => `${a.name} (${a.role})`).join('; ') }] : []),
        { name: 'Kind', value: e.kind.replace(/_/g, ' ') },
      ],
      items,
      sections,
      citations: collectCitations(items, [main]),
    };
  },
};
