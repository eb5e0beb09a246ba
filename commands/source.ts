import type { Args, CommandSpec, Context } from '../src/core/command.js';
import { cite } from '../src/core/cite.js';
import { UserError, notFound } from '../src/core/errors.js';
import { echo } from '../src/core/reply.js';
import { formatDate } from '../src/ingest/dates.js';

/** Parses "P123", "p123", "123" or "P123@4510-4562". */
export function parseRef(text: string): { passageId: number; start?: number; end?: number } | null {
  const m = /^p?(\d{1,9})(?:@(\d{1,9})-(\d{1,9}))?$/i.exec(text.trim());
  if (!m) return null;
  return { passageId: Number(m[1]), ...(m[2] ? { start: Number(m[2]), end: Number(m[3]) } : {}) };
}

export const source: CommandSpec = {
  name: 'source',
  description: 'The document and passage behind a citation, with the cited words marked.',
  examples: ['source P12', 'source P12@4510-4562', 'source amlo-spying-campaign'],
  permission: 'everyone',
  options: [
    {
      name: 'ref',
      type: 'string',
      description: 'A citation (P12 or P12@4510-4562) or a document slug',
      positional: true,
      required: true,
      maxLength: 120,
    },
  ],
  handler(ctx: Context, args: Args) {
    const s = ctx.store;
    const text = String(args.ref).trim();
    let ref = parseRef(text);
    if (!ref) {
      const doc = s.documentBySlug(text.toLowerCase());
      const first = doc ? s.firstPassageOf(doc.id) : undefined;
      if (first === undefined)
        throw new UserError(
          'bad_input',
          `"${echo(text, 40)}" is not a citation. Citations look like P12 or P12@4510-4562.`,
        );
      ref = { passageId: first };
    }
    const p = s.passage(ref.passageId);
    if (!p) return notFound(`There is no passage ${echo(text, 40)}.`);
    let shown = p.text;
    if (ref.start !== undefined && ref.end !== undefined) {
      if (ref.start < p.start || ref.end > p.end || ref.end <= ref.start)
        throw new UserError('bad_input', `The offsets in ${echo(text, 40)} are outside passage P${p.id}.`);
      const a = ref.start - p.start;
      const b = ref.end - p.start;
      shown = `${p.text.slice(0, a)}«${p.text.slice(a, b)}»${p.text.slice(b)}`;
    }
    const prev = s.neighbour(p.document_id, p.ordinal - 1);
    const next = s.neighbour(p.document_id, p.ordinal + 1);
    const citation = cite(s, p.id, undefined, ref.start, ref.end)!;
    return {
      ok: true,
      title: p.title,
      body: shown,
      fields: [
        { name: 'Outlet', value: p.outlet ?? 'not stated in the document' },
        { name: 'Published', value: p.published ? formatDate(p.published) : 'not stated in the document' },
        ...(p.author ? [{ name: 'Author', value: p.author }] : []),
        { name: 'Passage', value: `P${p.id} (paragraph ${p.ordinal + 1} of ${p.slug})` },
      ],
      items: [
        ...(prev
          ? [{ label: 'Before', text: prev.text.length > 300 ? `${prev.text.slice(0, 299)}…` : prev.text }]
          : []),
        ...(next ? [{ label: 'After', text: next.text.length > 300 ? `${next.text.slice(0, 299)}…` : next.text }] : []),
      ],
      citations: [citation],
      choices: [
        ...(prev ? [{ label: 'Previous passage', command: `source P${prev.id}` }] : []),
        ...(next ? [{ label: 'Next passage', command: `source P${next.id}` }] : []),
      ],
    };
  },
};
