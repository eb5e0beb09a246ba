import type { Args, CommandSpec, Context } from '../src/core/command.js';
import { cite } from '../src/core/cite.js';
import { notFound } from '../src/core/errors.js';
import { type ReplyItem, collectCitations, echo } from '../src/core/reply.js';
import { autocomplete } from '../src/core/resolve.js';
import { formatDate } from '../src/ingest/dates.js';

export const search: CommandSpec = {
  name: 'search',
  description: 'Passages, quotes and names matching your words, ranked, with the match marked «like this».',
  examples: ['search pegasus journalists', 'search "national guard"', 'search extradited'],
  permission: 'everyone',
  options: [
    {
      name: 'text',
      type: 'string',
      description: 'Words to look for',
      positional: true,
      required: true,
      maxLength: 200,
    },
    { name: 'limit', type: 'integer', min: 1, max: 25, default: 8, description: 'How many passages' },
  ],
  handler(ctx: Context, args: Args) {
    const s = ctx.store;
    const text = String(args.text);
    const limit = Number(args.limit ?? 8);
    const items: ReplyItem[] = [];
    const sections: { title: string; start: number }[] = [];
    const names = autocomplete(s, 'any', text).slice(0, 5);
    const passages = s.searchPassages(text, limit);
    const quotes = s.searchQuotes(text, 5);
    if (passages.length) sections.push({ title: 'Passages', start: items.length });
    for (const p of passages) {
      items.push({
        label: `${p.title}${p.published ? ` · ${formatDate(p.published)}` : ''}`,
        text: p.snippet.replace(/\s+/g, ' '),
        citation: cite(s, p.id),
      });
    }
    if (quotes.length) sections.push({ title: 'Quotes', start: items.length });
    for (const q of quotes)
      items.push({
        label: q.speaker_name ?? q.speaker_label ?? 'unattributed',
        text: `“${q.text.replace(/\s+/g, ' ')}”`,
        citation: cite(s, q.passage_id, undefined, q.start, q.end),
      });
    if (items.length === 0 && names.length === 0) {
      return notFound(`Nothing in the store matches "${echo(text, 60)}".`);
    }
    return {
      ok: true,
      title: `Search: ${echo(text, 80)}`,
      ...(names.length
        ? { fields: [{ name: 'Names', value: names.map((n) => `${n.name} (${n.type} ${n.slug})`).join('\n') }] }
        : {}),
      items,
      sections,
      citations: collectCitations(items),
      choices: names.map((n) => ({ label: n.name, command: `${n.type} ${n.slug}`, description: n.type })),
    };
  },
};
