import type { Args, CommandSpec, Context } from '../src/core/command.js';
import { cite } from '../src/core/cite.js';
import { notFound } from '../src/core/errors.js';
import { isReply, lookup } from '../src/core/lookup.js';
import { paginate } from '../src/core/paging.js';
import { type ReplyItem, collectCitations, echo } from '../src/core/reply.js';
import { resolveEntity } from '../src/core/resolve.js';
import { type DateValue, dateRange, formatDate } from '../src/ingest/dates.js';
import type { QuoteRow } from '../src/store/queries.js';

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
    let rows: QuoteRow[] | null = null;
    const scope: string[] = [];
    const keep = (next: QuoteRow[]) => {
      const ids = new Set(next.map((q) => q.id));
      rows = rows === null ? next : rows.filter((q) => ids.has(q.id));
    };
    if (args.speaker !== undefined) {
      const who = lookup(ctx, 'actor', String(args.speaker), (e) => `quote speaker:${e.slug}`);
      if (isReply(who)) return who;
      keep(s.quotesBySpeaker(who.id, 500));
      scope.push(`by ${who.name}`);
    }
    if (args.about !== undefined) {
      const about = String(args.about);
      const r = resolveEntity(s, 'any', about);
      const byWords = s.searchQuotes(about, 500);
      if (r.status === 'found') {
        const inPassages = s.passagesMentioning(r.entity.type, r.entity.id);
        const ids = new Set(byWords.map((q) => q.id));
        keep(s.allQuotes().filter((q) => inPassages.has(q.passage_id) || ids.has(q.id)));
        scope.push(`about ${r.entity.name}`);
      } else {
        keep(byWords);
        scope.push(`about "${echo(about, 40)}"`);
      }
    }
    if (args.text !== undefined) {
      keep(s.searchQuotes(String(args.text), 500));
      scope.push(`containing "${echo(String(args.text), 40)}"`);
    }
    let list: QuoteRow[] = rows ?? s.allQuotes();
    let undated = 0;
    if (args.from !== undefined || args.to !== undefined) {
      const from = args.from ? dateRange((args.from as DateValue).value)!.from : '0000';
      const to = args.to ? dateRange((args.to as DateValue).value)!.to : '9999';
      undated = list.filter((q) => !q.published).length;
      list = list.filter(
        (q) => q.published && dateRange(q.published)!.to >= from && dateRange(q.published)!.from <= to,
      );
      scope.push(
        `from ${args.from ? formatDate((args.from as DateValue).value) : 'the start'} to ${args.to ? formatDate((args.to as DateValue).value) : 'now'}`,
      );
    }
    const items: ReplyItem[] = list.map((q) => ({
      label: `${q.speaker_name ?? (q.speaker_label ? `${q.speaker_label} (unidentified)` : 'unattributed')}${q.published ? ` · ${formatDate(q.published)}` : ''}`,
      text: `“${q.text.replace(/\s+/g, ' ')}”${q.partial ? ' (partial quote)' : ''}`,
      citation: cite(s, q.passage_id, undefined, q.start, q.end),
    }));
    const title = `Quotes${scope.length ? ` ${scope.join(', ')}` : ''}`;
    if (items.length === 0) {
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
    const page = paginate(items, Number(args.page ?? 1), base, Number(args.limit ?? 10));
    return {
      ok: true,
      title: echo(title, 200),
      body: `${items.length} quote${items.length === 1 ? '' : 's'}.${undated ? ` ${undated} without a known date were left out.` : ''}`,
      items: page.items,
      citations: collectCitations(page.items),
      ...(page.paging ? { paging: page.paging } : {}),
    };
  },
};
