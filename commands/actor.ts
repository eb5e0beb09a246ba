import type { Args, CommandSpec, Context } from '../src/core/command.js';
import { cite } from '../src/core/cite.js';
import { factText } from '../src/core/fact-text.js';
import { isReply, lookup } from '../src/core/lookup.js';
import { paginate } from '../src/core/paging.js';
import { type ReplyItem, collectCitations } from '../src/core/reply.js';
import { formatDate } from '../src/ingest/dates.js';

export const actor: CommandSpec = {
  name: 'actor',
  description: 'Profile of a person or organisation: role, key facts, quotes, events and policies — all cited.',
  examples: ['actor cienfuegos', 'actor "Peña Nieto"', 'actor AMLO', 'actor cisen'],
  permission: 'everyone',
  options: [
    {
      name: 'name',
      type: 'entity',
      kind: 'actor',
      description: 'Who (any spelling, accents optional)',
      positional: true,
      required: true,
    },
    { name: 'page', type: 'integer', min: 1, max: 1000, description: 'Page of results', hidden: true },
  ],
  handler(ctx: Context, args: Args) {
    const found = lookup(ctx, 'actor', String(args.name), (e) => `actor ${e.slug}`);
    if (isReply(found)) return found;
    const a = ctx.store.actor(found.id)!;
    const s = ctx.store;
    const items: ReplyItem[] = [];
    const sections: { title: string; start: number }[] = [];
    const section = (title: string) => sections.push({ title, start: items.length });

    const facts = s.factsAbout('actor', a.id);
    if (facts.length) section('Key facts');
    for (const f of facts) {
      items.push({
        label: f.date ? formatDate(f.date) : undefined,
        text: factText(f, { type: 'actor', id: a.id }),
        citation: cite(s, f.passage_id, f.evidence, f.start, f.end),
      });
    }
    const events = s.eventsOfActor(a.id);
    if (events.length) section('Events');
    for (const e of events)
      items.push({
        label: e.date_start ? formatDate(e.date_start) : 'undated',
        text: `${e.title} — ${e.role}`,
        citation: cite(s, e.passage_id, e.evidence),
      });
    const policies = s.policiesOfActor(a.id);
    if (policies.length) section('Policies');
    for (const p of policies)
      items.push({ text: `${p.name} — ${p.role}`, citation: cite(s, p.passage_id, p.evidence) });
    const quotes = s.quotesBySpeaker(a.id, 20);
    if (quotes.length) section('Quotes');
    for (const q of quotes)
      items.push({
        label: a.name,
        text: `“${q.text.replace(/\s+/g, ' ')}”`,
        citation: cite(s, q.passage_id, undefined, q.start, q.end),
      });

    const page = paginate(items, Number(args.page ?? 1), `actor ${a.slug}`, 12);
    const first = items.indexOf(page.items[0]!);
    const summaryCitation = cite(s, a.passage_id, a.evidence);
    const aliases = s
      .aliases('actor', a.id)
      .map((x) => x.alias)
      .filter((x) => x !== a.name);
    return {
      ok: true,
      title: a.name,
      body: a.summary ?? undefined,
      fields: [
        { name: 'Kind', value: a.kind.replace(/_/g, ' ') },
        ...(a.country ? [{ name: 'Country', value: a.country }] : []),
        ...(aliases.length ? [{ name: 'Also called', value: aliases.slice(0, 12).join(', ') }] : []),
      ],
      items: page.items,
      sections: sections
        .filter((x) => x.start >= first && x.start < first + page.items.length)
        .map((x) => ({ ...x, start: x.start - first })),
      citations: collectCitations(page.items, [summaryCitation]),
      ...(page.paging ? { paging: page.paging } : {}),
    };
  },
};
