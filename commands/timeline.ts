import type { Args, CommandSpec, Context } from '../src/core/command.js';
import { cite } from '../src/core/cite.js';
import { factText } from '../src/core/fact-text.js';
import { notFound } from '../src/core/errors.js';
import { isReply, lookup } from '../src/core/lookup.js';
import { pageWindow } from '../src/core/paging.js';
import { type ReplyItem, collectCitations, echo } from '../src/core/reply.js';
import { resolveEntity } from '../src/core/resolve.js';
import { type DateValue, dateRange, formatDate } from '../src/ingest/dates.js';
import type { TimelineFilter } from '../src/store/queries.js';

interface Entry {
  date: string;
  /** Events before facts on the same date, then store order. */
  order: readonly [number, number];
  /** Built only for the page shown: a citation is a read. */
  item: () => ReplyItem;
}

/** At most this many entries are ever assembled, however wide the range. */
const MAX_ENTRIES = 500;
const PER_PAGE = 15;

export const timeline: CommandSpec = {
  name: 'timeline',
  description: 'Dated events and facts in order, at the precision the sources give ("2017" stays a year).',
  examples: [
    'timeline from:2014 to:2014',
    'timeline actor:cienfuegos',
    'timeline about:pegasus from:2016',
    'timeline actor:"Peña Nieto" to:2018',
  ],
  permission: 'everyone',
  options: [
    { name: 'actor', type: 'entity', kind: 'actor', description: 'Only what involves this actor' },
    { name: 'about', type: 'string', description: 'Only what concerns an event, policy or words', maxLength: 200 },
    { name: 'from', type: 'date', description: 'From (2014, 2014-09, 2014-09-26)' },
    { name: 'to', type: 'date', description: 'To' },
    { name: 'page', type: 'integer', min: 1, max: 1000, description: 'Page of results', hidden: true },
  ],
  handler(ctx: Context, args: Args) {
    const s = ctx.store;
    const from = args.from ? dateRange((args.from as DateValue).value)!.from : '0000-01-01';
    const to = args.to ? dateRange((args.to as DateValue).value)!.to : '9999-12-31';
    let actorId: number | null = null;
    let actorName = '';
    if (args.actor !== undefined) {
      const who = lookup(ctx, 'actor', String(args.actor), (e) => `timeline actor:${e.slug}`);
      if (isReply(who)) return who;
      actorId = who.id;
      actorName = who.name;
    }
    const about = args.about !== undefined ? String(args.about) : null;
    const aboutEntity = about ? resolveEntity(s, 'any', about) : null;
    // The store filters, orders, counts and limits: a wide range at scale reads only the rows up to this page.
    const filter: TimelineFilter = {
      from,
      to,
      limit: MAX_ENTRIES + 1,
      ...(actorId !== null ? { actorId } : {}),
      ...(about !== null ? { aboutWords: about } : {}),
      ...(aboutEntity?.status === 'found' ? { aboutEntity: aboutEntity.entity } : {}),
    };
    const counted = s.timelineCount(filter);
    const more = counted > MAX_ENTRIES;
    const total = Math.min(counted, MAX_ENTRIES);
    const scope = [
      actorName ? `involving ${actorName}` : '',
      about ? `about ${aboutEntity?.status === 'found' ? aboutEntity.entity.name : `"${echo(about, 40)}"`}` : '',
      args.from || args.to
        ? `${args.from ? formatDate((args.from as DateValue).value) : 'start'} – ${args.to ? formatDate((args.to as DateValue).value) : 'now'}`
        : '',
    ].filter(Boolean);
    if (total === 0) {
      return notFound(`No dated event or fact ${scope.join(', ') || ''} is in the store.`);
    }
    const base = [
      'timeline',
      args.actor ? `actor:"${String(args.actor).replace(/"/g, '')}"` : '',
      about ? `about:"${about.replace(/"/g, '')}"` : '',
      args.from ? `from:${(args.from as DateValue).value}` : '',
      args.to ? `to:${(args.to as DateValue).value}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const page = pageWindow(total, Number(args.page ?? 1), base, PER_PAGE);
    const within = { ...filter, limit: page.end };
    const entries: Entry[] = [
      ...s.timelineEvents(within).map((e) => ({
        date: e.date_start!,
        order: [0, e.id] as const,
        item: () => ({ label: formatDate(e.date_start), text: e.title, citation: cite(s, e.passage_id, e.evidence) }),
      })),
      ...s.timelineFacts(within).map((f) => ({
        date: f.date!,
        order: [1, f.id] as const,
        item: () => {
          const text = factText(f, actorId !== null ? { type: 'actor', id: actorId } : undefined);
          return { label: formatDate(f.date), text, citation: cite(s, f.passage_id, f.evidence, f.start, f.end) };
        },
      })),
    ];
    // "2017" sorts before "2017-03", which sorts before "2017-03-05": a year never poses as 1 January. Within a
    // date, events come before facts and each in store order — the order the store reads, so every page is a
    // stable slice of one sequence.
    entries.sort((a, b) => a.date.localeCompare(b.date) || a.order[0] - b.order[0] || a.order[1] - b.order[1]);
    const items = entries.slice(page.start, page.end).map((e) => e.item());
    return {
      ok: true,
      title: `Timeline${scope.length ? ` ${scope.join(', ')}` : ''}`,
      body: more
        ? `More than ${MAX_ENTRIES} dated entries (the first ${MAX_ENTRIES} are paged here; narrow the range for more).`
        : `${total} dated entr${total === 1 ? 'y' : 'ies'}.`,
      items,
      citations: collectCitations(items),
      ...(page.paging ? { paging: page.paging } : {}),
    };
  },
};
