// The evaluation sets are data about the corpus, and a wrong expectation would mis-score ask: every answerable
// item's evidence is verbatim in the document it cites, and holds one of the accepted answers.
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/store/fold.js';
import { seededStore } from '../helpers/store.js';
import { loadSet } from './judge.js';

const { db } = seededStore();
const body = (slug: string) =>
  (db.prepare('SELECT body FROM documents WHERE slug = ?').get(slug) as { body: string } | undefined)?.body;
// "Whitespace runs may differ": the corpus has no-break spaces where a set's author typed plain ones.
const squash = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
// An ISO form ("2020-10") is how the answer line may write a date the evidence spells out.
const ISO = /^\d{4}-\d{2}(-\d{2})?$/;

describe.each([
  'ask-dev.yaml',
  'ask-heldout.yaml',
  'ask-heldout-2.yaml',
  'ask-heldout-3.yaml',
  'ask-heldout-4.yaml',
  'ask-heldout-5.yaml',
  'ask-heldout-6.yaml',
  'ask-heldout-7.yaml',
  'ask-heldout-8.yaml',
  'ask-heldout-9.yaml',
  'ask-heldout-10.yaml',
  'ask-heldout-11.yaml',
])('%s', (file) => {
  const set = loadSet(file);

  it('quotes each evidence verbatim from the first document it cites', () => {
    for (const item of set.answerable) {
      const slug = Array.isArray(item.doc) ? item.doc[0]! : item.doc;
      const text = body(slug);
      expect(text, `${item.q}: no document ${slug}`).toBeDefined();
      expect(squash(text!).includes(squash(item.evidence)), `${item.q}: evidence not in ${slug}`).toBe(true);
    }
  });

  it('has an accepted answer (or its ISO date) in each evidence', () => {
    for (const item of set.answerable) {
      const ev = fold(item.evidence);
      const held = item.answers.some((a) => !ISO.test(a) && ev.includes(fold(a)));
      expect(
        item.answers.some((a) => !ISO.test(a)),
        `${item.q}: give the answer as written too`,
      ).toBe(true);
      expect(held, `${item.q}: none of ${JSON.stringify(item.answers)} in its evidence`).toBe(true);
    }
  });
});
