// The Discord renderer: every output within Discord's limits (property tests over hostile replies), and real
// answers from the seeded store rendered with their sources.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registry } from '../../../commands/index.js';
import { type DiscordMessage, renderDiscord } from '../../../src/adapters/discord/render.js';
import { dispatchLine } from '../../../src/core/dispatch.js';
import { errorReply } from '../../../src/core/errors.js';
import type { Citation, ErrorCode, Reply } from '../../../src/core/reply.js';
import { expectDiscordWithinLimits as expectWithinLimits } from '../../helpers/limits.js';
import { seededStore } from '../../helpers/store.js';

const { ctx } = seededStore();

let counter = 0;
/** A button id encoder that, like the real one, always fits — and sometimes declines. */
const buttonId = ({ line }: { line: string }) =>
  line.length % 7 === 0 ? undefined : `t|${counter++}|${line}`.slice(0, 99);

/** The [n] markers of items and the numbers the Sources list carries. */
function markersAndSources(m: DiscordMessage): { markers: Set<number>; listed: Set<number> } {
  const markers = new Set<number>();
  const listed = new Set<number>();
  let inSources = false;
  for (const e of m.embeds) {
    if (e.title === 'Sources') inSources = true;
    else if (e.title) inSources = false;
    const d = e.description ?? '';
    if (inSources) for (const x of d.matchAll(/^\*\*\[(\d+)\]\*\* /gm)) listed.add(Number(x[1]));
    else for (const x of d.matchAll(/ \[(\d+)\]$/gm)) markers.add(Number(x[1]));
  }
  return { markers, listed };
}

// Text as hostile as chat and a corpus can make it: long, multi-byte, astral, mentions and markdown.
const hostile = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength, unit: 'grapheme' }),
    // fast-check keeps strings short by default; the limits only bite on long ones.
    fc.string({ maxLength, unit: 'grapheme', size: 'max' }),
    fc.string({ maxLength, unit: 'binary', size: 'large' }),
    fc.constantFrom(
      '@everyone look',
      '<@&123456789012345678> and <@!1> <#2>',
      '**bold** `code` [link](http://x.example) > quote\n# heading',
      '😀'.repeat(3000),
      'x'.repeat(maxLength),
    ),
  );

const citation: fc.Arbitrary<Citation> = fc.record({
  ref: fc.oneof(
    fc.nat({ max: 99999 }).map((n) => `P${n}`),
    fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([p, a, b]) => `P${p}@${a}-${b}`),
    hostile(50),
  ),
  passageId: fc.nat(),
  documentSlug: fc.string({ maxLength: 40 }),
  title: hostile(600),
  outlet: fc.option(hostile(200), { nil: null }),
  published: fc.option(fc.constantFrom('2017', '2017-03', '2017-03-05', 'not a date'), { nil: null }),
});

const reply: fc.Arbitrary<Reply> = fc
  .uniqueArray(citation, { maxLength: 40, selector: (c) => c.ref, size: 'large' })
  .chain((citations) =>
    fc.record({
      ok: fc.boolean(),
      title: hostile(600),
      body: fc.option(hostile(9000), { nil: undefined }),
      fields: fc.array(fc.record({ name: hostile(400), value: hostile(2000) }), { maxLength: 40, size: 'large' }),
      items: fc.array(
        fc.record({
          label: fc.option(hostile(300), { nil: undefined }),
          text: hostile(3000),
          citation: citations.length
            ? fc.option(fc.constantFrom(...citations), { nil: undefined })
            : fc.constant(undefined),
        }),
        { maxLength: 80, size: 'large' },
      ),
      sections: fc.array(fc.record({ title: hostile(300), start: fc.nat({ max: 80 }) }), { maxLength: 10 }),
      citations: fc.constant(citations),
      choices: fc.array(
        fc.record({
          label: hostile(200),
          command: hostile(300),
          description: fc.option(hostile(50), { nil: undefined }),
        }),
        { maxLength: 40 },
      ),
      paging: fc.option(
        fc.record({
          page: fc.nat(),
          pages: fc.nat(),
          next: fc.option(hostile(300), { nil: undefined }),
          prev: fc.option(hostile(300), { nil: undefined }),
        }),
        { nil: undefined },
      ),
      ephemeral: fc.option(fc.boolean(), { nil: undefined }),
      error: fc.option(
        fc.record({
          code: fc.constantFrom<ErrorCode>('bad_input', 'not_found', 'internal', 'forbidden'),
          message: hostile(500),
          reference: fc.option(fc.stringMatching(/^[0-9a-f]{8}$/), { nil: undefined }),
        }),
        { nil: undefined },
      ),
    }),
  );

// endOnFailure: shrinking replies this large takes minutes; the first counterexample is reported as is.
describe('renderDiscord', () => {
  it('keeps every output within Discord limits, for any reply', () => {
    fc.assert(
      fc.property(reply, (r) => {
        const m = renderDiscord(r, { buttonId });
        expectWithinLimits(m);
        // Every marker shown points at a listed source.
        const { markers, listed } = markersAndSources(m);
        for (const n of markers) expect(listed.has(n)).toBe(true);
      }),
      { numRuns: 150, endOnFailure: true },
    );
  });

  it('makes errors private, except "not in the store", which is an answer', () => {
    fc.assert(
      fc.property(reply, (r) => {
        const m = renderDiscord(r);
        const expected = r.error ? r.error.code !== 'not_found' : r.ephemeral === true;
        expect(m.ephemeral).toBe(expected);
        expect(m.flags).toBe(expected ? 64 : 0);
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });

  it('shows an internal error as the apology with its reference id', () => {
    const m = renderDiscord(
      errorReply('internal', 'Sorry — Beatbook hit a problem answering that. Reference 0badc0de.', '0badc0de'),
    );
    expect(m.ephemeral).toBe(true);
    expect(m.embeds[0]!.title).toBe('⚠ Something went wrong');
    expect(m.embeds[0]!.description).toContain('Reference 0badc0de');
    expect(m.embeds[0]!.footer?.text).toBe('Reference 0badc0de');
  });

  it('renders every documented example from the real store within limits, sources matching markers', () => {
    let withSources = 0;
    for (const spec of registry.list()) {
      for (const example of spec.examples) {
        const r = dispatchLine(registry, ctx, example);
        const m = renderDiscord(r, { buttonId });
        expectWithinLimits(m);
        const { markers, listed } = markersAndSources(m);
        for (const n of markers) expect(listed.has(n), example).toBe(true);
        // Everything the reply cites that is shown is listed with its ref.
        if (r.citations.length) {
          withSources++;
          const sources = m.embeds.find((e) => e.title === 'Sources')!.description!;
          expect(sources).toContain(`\`${r.citations[0]!.ref}\``);
        }
      }
    }
    expect(withSources).toBeGreaterThan(5);
  });

  it('lists an actor\'s sources as "[n] title — outlet, date · source P…"', () => {
    const r = dispatchLine(registry, ctx, 'actor enrique-pena-nieto');
    const m = renderDiscord(r);
    const sources = m.embeds.find((e) => e.title === 'Sources')!.description!.split('\n');
    expect(sources.length).toBe(r.citations.length);
    const c = r.citations[0]!;
    expect(sources[0]).toMatch(/^\*\*\[1\]\*\* .+ — .+ · source `P\d+(@\d+-\d+)?`$/);
    expect(sources[0]).toContain(`\`${c.ref}\``);
    // Page 1 of several: the footer says so; without a button encoder there are no buttons.
    expect(m.embeds[0]!.footer?.text).toMatch(/^Page 1 of \d+$/);
    expect(m.components).toEqual([]);
  });

  it('cuts an over-long answer with a note instead of failing', () => {
    const r = dispatchLine(registry, ctx, 'quote limit:50');
    const m = renderDiscord(r);
    expectWithinLimits(m);
    expect(m.embeds.map((e) => e.description ?? '').join('\n')).toMatch(/more not shown/);
  });
});
