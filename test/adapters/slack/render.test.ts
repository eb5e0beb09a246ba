import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registry } from '../../../commands/index.js';
import { LIMITS, renderBlocks } from '../../../src/adapters/slack/render.js';
import { dispatchLine } from '../../../src/core/dispatch.js';
import type { Citation, Reply } from '../../../src/core/reply.js';
import { slackProblems } from '../../helpers/limits.js';
import { seededStore } from '../../helpers/store.js';

const { store, ctx } = seededStore();

// Text as chat and the corpus can produce it: hostile markup, astral characters, and runs long enough to
// force every truncation path (an ampersand grows fivefold when escaped).
const fragment = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('<!channel>', '<@U123>', '<#C1|x>', '<https://x.example|y>', '&', '>', '@here', '😀', '\n'),
  fc.constantFrom('x'.repeat(2999), '&'.repeat(700), 'word '.repeat(900)),
);
const text = fc.array(fragment, { maxLength: 6 }).map((p) => p.join(''));
const shortText = fc
  .array(
    fragment.filter((f) => f.length < 100),
    { maxLength: 4 },
  )
  .map((p) => p.join(''));
const citation: fc.Arbitrary<Citation> = fc.record({
  ref: fc.nat(99999).map((n) => `P${n}`),
  passageId: fc.nat(99999),
  documentSlug: fc.constant('doc'),
  title: text,
  outlet: fc.option(shortText, { nil: null }),
  published: fc.option(fc.constantFrom('2017', '2017-03', '2017-03-05'), { nil: null }),
});
const commandLine = fc.oneof(
  shortText.map((t) => `search ${t}`),
  fc.constant(`search ${'y'.repeat(2100)}`),
);
const reply: fc.Arbitrary<Reply> = fc.record(
  {
    ok: fc.boolean(),
    title: text,
    body: text,
    fields: fc.array(fc.record({ name: shortText, value: text }), { maxLength: 25 }),
    items: fc.array(
      fc.record({
        label: fc.option(shortText, { nil: undefined }),
        text,
        citation: fc.option(citation, { nil: undefined }),
      }),
      { maxLength: 60 },
    ),
    sections: fc.array(fc.record({ title: shortText, start: fc.nat(60) }), { maxLength: 6 }),
    citations: fc.array(citation, { maxLength: 130 }),
    choices: fc.array(
      fc.record({ label: shortText, command: commandLine, description: fc.option(shortText, { nil: undefined }) }),
      { maxLength: 40 },
    ),
    paging: fc.record({
      page: fc.nat(50),
      pages: fc.nat(50),
      next: fc.option(commandLine, { nil: undefined }),
      prev: fc.option(commandLine, { nil: undefined }),
    }),
  },
  { requiredKeys: ['ok', 'title', 'citations'] },
);

describe('Reply → Block Kit', () => {
  it('respects every Slack limit and escapes every text, whatever the reply holds', () => {
    fc.assert(
      fc.property(reply, (r) => {
        expect(slackProblems(renderBlocks(r, { owner: 'U0OWNER' }), { reply: r, owner: 'U0OWNER' })).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('renders every example of every command within the limits', () => {
    for (const spec of registry.list()) {
      for (const example of spec.examples) {
        const r = dispatchLine(registry, ctx, example);
        expect(slackProblems(renderBlocks(r, { owner: 'U0OWNER' }), { reply: r, owner: 'U0OWNER' }), example).toEqual(
          [],
        );
      }
    }
  });

  it('lays out an actor profile: header, body, fields, cited items, citation context, paging buttons', () => {
    const r = dispatchLine(registry, ctx, 'actor Peña Nieto');
    const { blocks } = renderBlocks(r, { owner: 'U0OWNER' });
    expect(blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      ...blocks.slice(3, -4).map(() => 'section'),
      'context',
      'context',
      'context',
      'actions',
    ]);
    const cites = blocks.filter((b) => b.type === 'context').flatMap((b) => b.elements.map((e) => e.text));
    expect(cites[0]).toMatch(/^\[1\] .+ · source P\d+/);
    for (const c of r.citations) expect(store.citation(c.passageId)).toBeDefined();
    expect(cites.at(-1)).toMatch(/^Page 1 of \d+$/);
  });

  it('cuts a reply too long for one message with a note rather than failing', () => {
    const many: Reply = {
      ok: true,
      title: 'Many',
      citations: [],
      items: Array.from({ length: 400 }, (_, i) => ({ text: `${'long item text '.repeat(40)} ${i}` })),
      sections: Array.from({ length: 60 }, (_, i) => ({ title: `Part ${i}`, start: i * 6 })),
    };
    const { blocks } = renderBlocks(many);
    expect(blocks).toHaveLength(LIMITS.blocks);
    expect(JSON.stringify(blocks.at(-1))).toContain('more than one Slack message can hold');
  });

  it('shows a command too long for a button as text to type instead', () => {
    const long = `search ${'z'.repeat(2100)}`;
    const r: Reply = { ok: true, title: 'Long', citations: [], paging: { page: 1, pages: 2, next: long } };
    const { blocks } = renderBlocks(r, { owner: 'U0OWNER' });
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(JSON.stringify(blocks)).toContain('next: `/beatbook search zzz');
  });

  it('marks errors but not "not in the store" in the header', () => {
    const bad = dispatchLine(registry, ctx, 'quote from:notadate');
    expect(renderBlocks(bad).blocks[0]).toMatchObject({ type: 'header', text: { text: '⚠ Cannot run that' } });
    const none = dispatchLine(registry, ctx, 'actor zzyzx qwertyuiop');
    expect(renderBlocks(none).blocks[0]).toMatchObject({ type: 'header', text: { text: 'Not in the store' } });
  });
});
