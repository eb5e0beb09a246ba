import type { Args, CommandSpec, Context } from '../src/core/command.js';
import { cite } from '../src/core/cite.js';
import { factText } from '../src/core/fact-text.js';
import { isReply, lookup } from '../src/core/lookup.js';
import { type ReplyItem, collectCitations } from '../src/core/reply.js';
import { formatDate } from '../src/ingest/dates.js';

export const policy: CommandSpec = {
  name: 'policy',
  description:
    'What a law, plan or programme does, its status and dated stages, who backs and opposes it, and what people said.',
  examples: ['policy merida', 'policy "Law of Internal Security"', 'policy "national guard"'],
  permission: 'everyone',
  options: [
    {
      name: 'name',
      type: 'entity',
      kind: 'policy',
      description: 'Policy name (any spelling)',
      positional: true,
      required: true,
    },
  ],
  handler(ctx: Context, args: Args) {
    const found = lookup(ctx, 'policy', String(args.name), (e) => `policy ${e.slug}`);
    if (isReply(found)) return found;
    const s = ctx.store;
    const p = s.policy(found.id)!;
    const items: ReplyItem[] = [];
    const sections: { title: string; start: number }[] = [];
    const stages = s.stagesOfPolicy(p.id);
    if (stages.length) sections.push({ title: 'Stages', start: items.length });
    for (const st of stages)
      items.push({
        label: st.date ? formatDate(st.date) : 'undated',
        text: st.stage,
        citation: cite(s, st.passage_id, st.evidence, st.start, st.end),
      });
    const facts = s.factsAbout('policy', p.id);
    if (facts.length) sections.push({ title: 'Facts', start: items.length });
    for (const f of facts)
      items.push({
        label: f.date ? formatDate(f.date) : undefined,
        text: factText(f, { type: 'policy', id: p.id }),
        citation: cite(s, f.passage_id, f.evidence, f.start, f.end),
      });
    const quotes = s.quotesMentioning('policy', p.id, 10);
    if (quotes.length) sections.push({ title: 'What people said', start: items.length });
    for (const q of quotes)
      items.push({
        label: q.speaker_name ?? q.speaker_label ?? 'unattributed',
        text: `“${q.text.replace(/\s+/g, ' ')}”`,
        citation: cite(s, q.passage_id, undefined, q.start, q.end),
      });
    const actors = s.actorsOfPolicy(p.id);
    const byRole = new Map<string, string[]>();
    for (const a of actors) byRole.set(a.role, [...(byRole.get(a.role) ?? []), a.name]);
    return {
      ok: true,
      title: p.name,
      body: p.summary ?? undefined,
      fields: [
        { name: 'Kind', value: p.kind.replace(/_/g, ' ') },
        ...(p.jurisdiction ? [{ name: 'Jurisdiction', value: p.jurisdiction }] : []),
        ...(p.status ? [{ name: 'Status', value: p.status }] : []),
        ...[...byRole].map(([role, names]) => ({
          name: role.charAt(0).toUpperCase() + role.slice(1),
          value: names.join('; '),
        })),
      ],
      items,
      sections,
      citations: collectCitations(items, [cite(s, p.passage_id, p.evidence)]),
    };
  },
};
