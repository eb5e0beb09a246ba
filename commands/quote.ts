import type { Args, CommandSpec, Context } from '../src/core/command.js';
import { cite } from '../src/core/cite.js';
import { notFound } from '../src/core/errors.js';
import { isReply, lookup } from '../src/core/lookup.js';
import { pageWindow } from '../src/core/paging.js';
import { type ReplyItem, collectCitations, echo } from '../src/core/reply.js';
import { resolveEntity } from '../src/core/resolve.js';
import { type DateValue, dateRange, formatDate } from '../src/ingest/dates.js';
import type { QuoteFilter, QuoteRow } from '../src/store/queries.js';

/** At most this many quotes are paged through, however wide the filter (50 pages of 10). */
export const MAX_QUOTES = 500;

export const quote: CommandSpec = {
  name: 'quote',
  description: 'Verbatim quotes with speaker, date where known, and source.',
  examples: [
    'quote speaker:zavala',
    'quote speaker:"Peña Nieto" about:pegasus',
    'quote about:"Law of Internal Security"',
    'quote spied on',
  ],
  permission: 'everyone',
  options: [
    { name: 'text', type: 'string', description: 'Words in the quote', positional: true, maxLength: 200 },
    { name: 'speaker', type: 'entity', kind: 'actor', description: 'Who said it' },
    {
      name: 'about',
      type: 'string',
      description: 'A topic: words, or the name of an actor, event or policy',
      maxLength: 200,
    },
    { name: 'from', type: 'date', description: 'Said on or after (2017, 2017-03, 2017-03-05)' },
    { name: 'to', type: 'date', description: 'Said on or before' },
    { name: 'limit', type: 'integer', min: 1, max: 50, default: 10, description: 'How many quotes per page' },
    { name: 'page', type: 'integer', min: 1, max: 1000, description: 'Page of results', hidden: true },
  ],
  handler(ctx: Context, args: Args) {
    const s = ctx.store;
    const filter: QuoteFilter = {};
    const scope: string[] = [];
    if (args.speaker !== undefined) {
      const who = lookup(ctx, 'actor', String(args.speaker), (e) => `quote speaker:${e.slug}`);
      if (isReply(who)) return who;
      filter.speakerId = who.id;
      scope.push(`by ${who.name}`);
    }
    if (args.about !== undefined) {
      const about = String(args.about);
      const r = resolveEntity(s, 'any', about);
      filter.aboutWords = about;
      if (r.status === 'found') {
        filter.aboutEntity = r.entity;
        scope.push(`about ${r.entity.name}`);
      } else {
        scope.push(`about "${echo(about, 40)}"`);
      }
    }
    if (args.text !== undefined) {
      filter.text = String(args.text);
      scope.push(`containing "${echo(String(args.text), 40)}"`);
    }
    if (args.from !== undefined || args.to !== undefined) {
      if (args.from) filter.from = dateRange((args.from as DateValue).value)!.from;
      if (args.to) filter.to = dateRange((args.to as DateValue).value)!.to;
      scope.push(
        `from ${args.from ? formatDate((args.from as DateValue).value) : 'the start'} to ${args.to ? formatDate((args.to as DateValue).value) : 'now'}`,
      );
    }
    // However wide the filter, at most MAX_QUOTES are paged through; the reply says so.
    const { found, undated } = s.quoteCount(filter, MAX_QUOTES + 1);
    const total = Math.min(found, MAX_QUOTES);
    // Only the page shown is cited: a citation is a read, and an unfiltered `quote` is every quote in the store.
    const item = (q: QuoteRow): ReplyItem => ({
      label: `${q.speaker_name ?? (q.speaker_label ? `${q.speaker_label} (unidentified)` : 'unattributed')}${q.published ? ` · ${formatDate(q.published)}` : ''}`,
      text: `“${q.text.replace(/\s+/g, ' ')}”${q.partial ? ' (partial quote)' : ''}`,
      citation: cite(s, q.passage_id, undefined, q.start, q.end),
    });
    const title = `Quotes${scope.length ? ` ${scope.join(', ')}` : ''}`;
    if (total === 0) {
      return notFound(
        `No quote ${scope.join(', ') || 'matches'} is in the store.${undated ? ' Quotes whose date is unknown were left out by from:/to:.' : ''}`,
      );
    }
    const base = [
      'quote',
      args.text ? `"${String(args.text).replace(/"/g, '')}"` : '',
      args.speaker ? `speaker:"${String(args.speaker).replace(/"/g, '')}"` : '',
      args.about ? `about:"${String(args.about).replace(/"/g, '')}"` : '',
      args.from ? `from:${(args.from as DateValue).value}` : '',
      args.to ? `to:${(args.to as DateValue).value}` : '',
      `limit:${args.limit ?? 10}`,
    ]
      .filter(Boolean)
      .join(' ');
    const page = pageWindow(total, Number(args.page ?? 1), base, Number(args.limit ?? 10));
    const items = s.quotes(filter, page.end - page.start, page.start).map(item);
    const capped =
      found > MAX_QUOTES
        ? ` (the first ${MAX_QUOTES} are paged here; narrow it with speaker:, about: or from:/to:)`
        : '';
    return {
      ok: true,
      title: echo(title, 200),
      body: `${found > MAX_QUOTES ? `More than ${MAX_QUOTES} quotes` : `${total} quote${total === 1 ? '' : 's'}`}${capped}.${undated ? ` ${undated} without a known date were left out.` : ''}`,
      items,
      citations: collectCitations(items),
      ...(page.paging ? { paging: page.paging } : {}),
    };
  },
};
