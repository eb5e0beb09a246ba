import type { Args, CommandSpec, Context } from '../src/core/command.js';
import { cite } from '../src/core/cite.js';
import { notFound } from '../src/core/errors.js';
import { factText } from '../src/core/fact-text.js';
import { entitiesMentioned } from '../src/core/mentioned.js';
import { type ReplyItem, collectCitations, echo } from '../src/core/reply.js';
import { formatDate } from '../src/ingest/dates.js';
import type { QuoteRow } from '../src/store/queries.js';

const ENTITIES = 5;
const QUOTES_EACH = 3;
const FACTS_EACH = 2;

/**
 * Quote retrieval during a discussion: the platforms' "Find in Beatbook" on a chat message lands here. It
 * names what the message mentions and brings back what the store holds about each — quotes first, since that
 * is what a reporter arguing a story reaches for, then key facts. Bounded so it fits one message.
 */
export const find: CommandSpec = {
  name: 'find',
  description: 'Quotes and facts about every actor, event and policy a piece of text mentions.',
  examples: ['find Did Peña Nieto ever answer for Pegasus?', 'find what has CISEN said about Ayotzinapa'],
  permission: 'everyone',
  options: [
    {
      name: 'text',
      type: 'string',
      description: 'A message or any text naming people, agencies, events or policies',
      positional: true,
      required: true,
      maxLength: 4000,
    },
  ],
  handler(ctx: Context, args: Args) {
    const s = ctx.store;
    const text = String(args.text);
    const all = entitiesMentioned(s, text, 50);
    if (all.length === 0) {
      return notFound(
        `No actor, event or policy in the store is named in "${echo(text, 60)}". Try search with a few of its words.`,
      );
    }
    const shown = all.slice(0, ENTITIES);
    const items: ReplyItem[] = [];
    const sections: { title: string; start: number }[] = [];
    for (const e of shown) {
      const start = items.length;
      const quotes: QuoteRow[] = [];
      const seen = new Set<number>();
      const add = (rows: QuoteRow[]) => {
        for (const q of rows) {
          if (seen.has(q.id) || quotes.length >= QUOTES_EACH) continue;
          seen.add(q.id);
          quotes.push(q);
        }
      };
      if (e.type === 'actor') add(s.quotesBySpeaker(e.id, QUOTES_EACH));
      add(s.quotesMentioning(e.type, e.id, QUOTES_EACH * 2));
      for (const q of quotes)
        items.push({
          label: `${q.speaker_name ?? q.speaker_label ?? 'unattributed'}${q.published ? ` · ${formatDate(q.published)}` : ''}`,
          text: `“${q.text.replace(/\s+/g, ' ')}”`,
          citation: cite(s, q.passage_id, undefined, q.start, q.end),
        });
      for (const f of s.factsAbout(e.type, e.id).slice(0, FACTS_EACH))
        items.push({
          label: f.date ? formatDate(f.date) : undefined,
          text: factText(f, { type: e.type, id: e.id }),
          citation: cite(s, f.passage_id, f.evidence, f.start, f.end),
        });
      if (items.length > start) sections.push({ title: `${e.name} (${e.type})`, start });
    }
    const named = shown.map((e) => e.name).join(', ');
    const more = all.length > shown.length ? ` (and ${all.length - shown.length} more not shown)` : '';
    if (items.length === 0)
      return notFound(`The message names ${named}${more}, but the store holds no quote or fact about them.`);
    return {
      ok: true,
      title: `In the store about ${echo(named, 200)}`,
      body: `Named in the message: ${named}${more}. Run actor, event or policy for the full profile.`,
      items,
      sections,
      citations: collectCitations(items),
    };
  },
};
