import type { Args, CommandSpec, Context } from '../src/core/command.js';
import { cite } from '../src/core/cite.js';
import { notFound } from '../src/core/errors.js';
import { type ReplyItem, collectCitations, echo } from '../src/core/reply.js';
import { paginate } from '../src/core/paging.js';
import { autocomplete } from '../src/core/resolve.js';
import { formatDate } from '../src/ingest/dates.js';
import { RANK_WINDOW } from '../src/store/queries.js';

/** The most passages one search returns (its `limit:` ceiling), quotes and names beside them; pages of 10. */
export const MAX_PASSAGES = 25;
export const MAX_QUOTES = 5;
const MAX_NAMES = 5;
const PER_PAGE = 10;

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
    { name: 'limit', type: 'integer', min: 1, max: MAX_PASSAGES, default: 8, description: 'How many passages' },
    { name: 'page', type: 'integer', min: 1, max: 1000, description: 'Page of results', hidden: true },
  ],
  handler(ctx: Context, args: Args) {
    const s = ctx.store;
    const text = String(args.text);
    const limit = Number(args.limit ?? 8);
    const names = autocomplete(s, 'any', text).slice(0, MAX_NAMES);
    // Every read is capped by a LIMIT however common the words ("search the" matches every passage): at most
    // `limit` passages (25) and MAX_QUOTES quotes, paged, and only the page shown is cited.
    const { hits: passages, windowed } = s.searchPassagesRanked(text, limit);
    const quotes = s.searchQuotes(text, MAX_QUOTES);
    const entries: { section: string; item: () => ReplyItem }[] = [
      ...passages.map((p) => ({
        section: 'Passages',
        item: () => ({
          label: `${p.title}${p.published ? ` · ${formatDate(p.published)}` : ''}`,
          text: p.snippet.replace(/\s+/g, ' '),
          citation: cite(s, p.id),
        }),
      })),
      ...quotes.map((q) => ({
        section: 'Quotes',
        item: () => ({
          label: q.speaker_name ?? q.speaker_label ?? 'unattributed',
          text: `“${q.text.replace(/\s+/g, ' ')}”`,
          citation: cite(s, q.passage_id, undefined, q.start, q.end),
        }),
      })),
    ];
    if (entries.length === 0 && names.length === 0) {
      return notFound(`Nothing in the store matches "${echo(text, 60)}".`);
    }
    // The text goes back in quotes so words like "key:value" stay words; a quote mark inside becomes a space,
    // which the search folds the same way, so every page searches exactly what the first did.
    const base = `search "${text.replace(/"/g, ' ').trim()}"${limit !== 8 ? ` limit:${limit}` : ''}`;
    const page = paginate(entries, Number(args.page ?? 1), base, PER_PAGE);
    const items = page.items.map((e) => e.item());
    const sections: { title: string; start: number }[] = [];
    page.items.forEach((e, i) => {
      if (i === 0 || page.items[i - 1]!.section !== e.section) sections.push({ title: e.section, start: i });
    });
    return {
      ok: true,
      title: `Search: ${echo(text, 80)}`,
      ...(names.length
        ? { fields: [{ name: 'Names', value: names.map((n) => `${n.name} (${n.type} ${n.slug})`).join('\n') }] }
        : {}),
      ...(windowed
        ? {
            body: `These words are in more than ${RANK_WINDOW.toLocaleString('en-US')} passages: ranked among the ${RANK_WINDOW.toLocaleString('en-US')} most recently added. Add words to narrow it.`,
          }
        : {}),
      items,
      sections,
      citations: collectCitations(items),
      choices: names.map((n) => ({ label: n.name, command: `${n.type} ${n.slug}`, description: n.type })),
      ...(page.paging ? { paging: page.paging } : {}),
    };
  },
};
