// The /ask development set: every answerable question must come back with an answer that is right, cited to
// the document that supports it, and present in the cited words; no unanswerable question may get one.
import { describe, expect, it } from 'vitest';
import { seededStore } from '../helpers/store.js';
import { QUESTION_TYPES, evaluate, expectGrounded, loadSet } from './judge.js';

const dev = loadSet('ask-dev.yaml');
const { store, db } = seededStore();

describe('ask on the development set', () => {
  const e = evaluate(store, db, dev);
  if (process.env.ASK_DEBUG) console.log(`${e.failures()}\n${e.summary()}`);
  else if (process.env.ASK_REPORT) console.log(`ask-dev.yaml\n${e.summary()}`);

  it('covers every question type with at least 60 answerable and 15 unanswerable questions', () => {
    expect(dev.answerable.length).toBeGreaterThanOrEqual(60);
    expect(dev.unanswerable.length).toBeGreaterThanOrEqual(15);
    const types = new Set(dev.answerable.map((a) => a.type));
    for (const t of QUESTION_TYPES) expect(types).toContain(t);
  });

  // The target is 90%. Measured: 174/186 (93.5%) with 1 wrong answer in stop 14 (was 137/186 with 14
  // wrong); 174/186 with 0 wrong in stops 15 and 16. The floors are those numbers, so that any regression fails.
  // Of the 174, 134 are given confidently and 40 as possible answers (CONFIDENT). The unread held-out sets
  // (ask-heldout.test.ts) give the honest numbers: 61/200, with 24 wrong (9 of them stated confidently).
  it('answers at least 93% of the answerable questions correctly, with the right citation', () => {
    expect(e.count('correct') / e.verdicts.length).toBeGreaterThanOrEqual(0.93);
    expect(e.count('wrong source')).toBe(0);
  });

  it('says "not in the store" rather than answer wrongly', () => {
    expect(e.count('wrong answer')).toBe(0);
  });

  it('gives no answer, confident or possible, to a question the corpus cannot answer', () => {
    expect(e.answeredUnanswerable()).toEqual([]);
  });

  it('states at least 134 of its right answers confidently, and no wrong one', () => {
    expect(e.confident('correct')).toBeGreaterThanOrEqual(134);
    expect(e.confident('wrong answer') + e.confident('wrong source')).toBe(0);
  });

  it('grounds every answer in the words it cites', () => {
    expectGrounded(db, e);
  });
});
