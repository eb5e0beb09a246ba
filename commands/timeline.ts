import type { Args, CommandSpec, Context } from '../src/core/command.js';
import { cite } from '../src/core/cite.js';
import { factText } from '../src/core/fact-text.js';
import { notFound } from '../src/core/errors.js';
import { isReply, lookup } from '../src/core/lookup.js';
import { paginate } from '../src/core/paging.js';
import { type ReplyItem, collectCitations, echo } from '../src/core/reply.js';
import { resolveEntity } from '../src/core/resolve.js';
import { type DateValue, dateRange, formatDate } from '../src/ingest/dates.js';

interface Entry {
  date: string;
  text: string;
  item: ReplyItem;
}

/** At most this many entries are ever assembled, however wide the range. */
const MAX_ENTRIES = 500;

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
    const aboutWords = about
      ? about
          .toLowerCase()
          .split(/\s+/)
          .filter((w) => w.length > 2)
      : [];
    const matchesAbout = (text: string, type?: string, id?: number, subjectType?: string, subjectId?: number) => {
      if (!about) return true;
      if (aboutEntity?.status === 'found') {
        const e = aboutEntity.entity;
        if ((type === e.type && id === e.id) || (subjectType === e.type && subjectId === e.id)) return true;
      }
      const t = text.toLowerCase();
      return aboutWords.length > 0 && aboutWords.every((w) => t.includes(w));
    };
    const inRange = (date: string) => {
      const r = dateRange(date);
      return r !== null && r.to >= from && r.from <= to;
    };

    const entries: Entry[] = [];
    for (const e of s.eventsInRange(from, to)) {
      if (actorId !== null && !s.actorsOfEvent(e.id).some((a) => a.id === actorId)) continue;
      if (!matchesAbout(`${e.title} ${e.summary ?? ''}`, 'event', e.id)) continue;
      entries.push({
        date: e.date_start!,
        text: e.title,
        item: { label: formatDate(e.date_start), text: e.title, citation: cite(s, e.passage_id, e.evidence) },
      });
      if (entries.length >= MAX_ENTRIES) break;
    }
    for (const f of s.datedFacts()) {
      if (entries.length >= MAX_ENTRIES) break;
      if (!inRange(f.date!)) continue;
      if (
        actorId !== null &&
        !(
          (f.subject_type === 'actor' && f.subject_id === actorId) ||
          (f.object_type === 'actor' && f.object_id === actorId)
        )
      )
        continue;
      if (
        !matchesAbout(
          `${f.value} ${f.subject_name}`,
          f.object_type ?? undefined,
          f.object_id ?? undefined,
          f.subject_type,
          f.subject_id,
        )
      )
        continue;
      const text = factText(f, actorId !== null ? { type: 'actor', id: actorId } : undefined);
      entries.push({
        date: f.date!,
        text,
        item: { label: formatDate(f.date), text, citation: cite(s, f.passage_id, f.evidence, f.start, f.end) },
      });
    }
    // "2017" sorts before "2017-03", which sorts before "2017-03-05": a year never poses as 1 January.
    entries.sort((a, b) => a.date.localeCompare(b.date) || a.text.localeCompare(b.text));
    const scope = [
      actorName ? `involving ${actorName}` : '',
      about ? `about ${aboutEntity?.status === 'found' ? aboutEntity.entity.name : `"${echo(about, 40)}"`}` : '',
      args.from || args.to
        ? `${args.from ? formatDate((args.from as DateValue).value) : 'start'} – ${args.to ? formatDate((args.to as DateValue).value) : 'now'}`
        : '',
    ].filter(Boolean);
    if (entries.length === 0) {
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
    const page = paginate(
      entries.map((e) => e.item),
      Number(args.page ?? 1),
      base,
      15,
    );
    return {
      ok: true,
      title: `Timeline${scope.length ? ` ${scope.join(', ')}` : ''}`,
      body: `${entries.length} dated entr${entries.length === 1 ? 'y' : 'ies'}${entries.length >= MAX_ENTRIES ? ' (the first 500; narrow the range for more)' : ''}.`,
      items: page.items,
      citations: collectCitations(page.items),
      ...(page.paging ? { paging: page.paging } : {}),
    };
  },
};
