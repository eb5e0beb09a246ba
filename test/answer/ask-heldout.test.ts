// The /ask held-out sets: how `ask` does on questions nobody fitted it to. Only totals are printed
// (ASK_REPORT=1), never the failures: reading them would turn a set into a second development set.
//
// ask-heldout.yaml was written before any tuning; its failures have since been read (stop 13), so it is now
// half a development set. ask-heldout-2.yaml was written blind to the implementation on 2026-11-23 by someone
// who read only the corpus and the earlier sets, and its failures have not been read: it gives the honest number.
// The floors below are the measured numbers, so that a regression fails; they are not targets, and the second
// set's answers to unanswerable questions are a known defect (issue 5 stays open on them).
import { describe, expect, it } from 'vitest';
import { seededStore } from '../helpers/store.js';
import { QUESTION_TYPES, evaluate, expectGrounded, loadSet } from './judge.js';

const { store, db } = seededStore();

const SETS = [
  // Before tuning: 22/40, 6 wrong, 2/10 unanswerable answered. Stop 13: 25/40, 8 wrong, 0/10. Stop 14, after the
  // answer-type checks written from its failures: 28/40, 4 wrong, 0/10.
  { file: 'ask-heldout.yaml', correct: 28, wrong: 4, unanswerable: 0 },
  // First and only measurement, stop 14: 19/40 (47.5%), 6 wrong, 15 not found, 3/10 unanswerable answered.
  { file: 'ask-heldout-2.yaml', correct: 19, wrong: 6, unanswerable: 3 },
];

describe.each(SETS)('ask on the held-out set $file', ({ file, correct, wrong, unanswerable }) => {
  const set = loadSet(file);
  const e = evaluate(store, db, set);
  if (process.env.ASK_REPORT) console.log(`${file}\n${e.summary()}`);

  it('covers every question type with 40 answerable and 10 unanswerable questions', () => {
    expect(set.answerable.length).toBe(40);
    expect(set.unanswerable.length).toBe(10);
    const types = new Set(set.answerable.map((a) => a.type));
    for (const t of QUESTION_TYPES) expect(types).toContain(t);
  });

  it(`answers at least ${correct} of 40 correctly, with the right citation`, () => {
    expect(e.count('correct')).toBeGreaterThanOrEqual(correct);
    expect(e.count('wrong source')).toBe(0);
  });

  it(`gives no more than ${wrong} wrong answers`, () => {
    expect(e.count('wrong answer')).toBeLessThanOrEqual(wrong);
  });

  it(`answers no more than ${unanswerable} of the questions the corpus cannot answer`, () => {
    expect(e.answeredUnanswerable().length).toBeLessThanOrEqual(unanswerable);
  });

  it('grounds every answer in the words it cites', () => {
    expectGrounded(db, e);
  });
});
