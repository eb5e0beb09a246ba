// The /ask held-out sets: how `ask` does on questions nobody fitted it to. Only totals are printed
// (ASK_REPORT=1); failures are printed (ASK_DEBUG=1) only for a set marked read, one retired to development.
//
// Each set was written blind to the implementation by someone who read only the corpus and the earlier sets.
// Its first measurement is the honest number; once its failures are read and the code changed for them it is
// development data, and a new blind set takes its place. Sets 1–6 are retired; sets 7 to 11 are unread.
// The floors below are the measured numbers, so that a regression fails; they are not targets. On the five
// unread sets ask answers 61 of 200 correctly and 24 wrongly, and answers 11 of the 50 it cannot; of the answers
// it gives confidently (CONFIDENT), 29 are right, 9 wrong, and none answers a question it cannot. Sets 10 and
// 11 were written after the confidence line was set, so they alone test it: confidently 10 right, 4 wrong.
import { describe, expect, it } from 'vitest';
import { seededStore } from '../helpers/store.js';
import { QUESTION_TYPES, evaluate, expectGrounded, loadSet } from './judge.js';

const { store, db } = seededStore();

const SETS = [
  // Before tuning: 22/40, 6 wrong, 2/10 unanswerable answered. Stop 13: 25/40, 8 wrong, 0/10. Stop 14, after the
  // answer-type checks written from its failures: 28/40, 4 wrong, 0/10. Stop 16: 31/40, 0 wrong ("United States"
  // accepted for where Cienfuegos was arrested: the article says so).
  {
    file: 'ask-heldout.yaml',
    correct: 31,
    wrong: 0,
    unanswerable: 0,
    confidentWrong: 0,
    confidentUnanswerable: 0,
    read: true,
  },
  // First measurement, stop 14: 19/40 (47.5%), 6 wrong, 15 not found, 3/10 unanswerable answered. Retired to
  // development in stop 15 (its failures read): 26/40, 0 wrong, 0/10.
  {
    file: 'ask-heldout-2.yaml',
    correct: 26,
    wrong: 0,
    unanswerable: 0,
    confidentWrong: 0,
    confidentUnanswerable: 0,
    read: true,
  },
  // Written blind in stop 15; first measurement (after the changes from held-out 2): 15/40, 9 wrong, 2/10
  // answered. The stop-14 code on it: 16/40, 11 wrong, 2/10. Then retired to development the same stop: 18/40,
  // 5 wrong, 0/10. Stop 16: 20/40, 2 wrong.
  {
    file: 'ask-heldout-3.yaml',
    correct: 20,
    wrong: 2,
    unanswerable: 0,
    confidentWrong: 0,
    confidentUnanswerable: 0,
    read: true,
  },
  // Written blind in stop 15 while held-out 3 was being read; measured once, at the end of that stop: 17/40
  // (42.5%), 5 wrong, 18 not found, 1/10 answered. The stop-14 code on it: 16/40, 9 wrong, 1/10. Retired in stop
  // 16: 21/40, 0 wrong, 0/10.
  {
    file: 'ask-heldout-4.yaml',
    correct: 21,
    wrong: 0,
    unanswerable: 0,
    confidentWrong: 0,
    confidentUnanswerable: 0,
    read: true,
  },
  // Written blind in stop 16 (from the first half of each article) and measured once on stop 15's code and on
  // this stop's: 16/40, 1 wrong, 1/10 answered both (after one change that had cost a correct answer was undone).
  // Retired the same stop; no answer on it changed after.
  {
    file: 'ask-heldout-5.yaml',
    correct: 16,
    wrong: 1,
    unanswerable: 1,
    confidentWrong: 0,
    confidentUnanswerable: 0,
    read: true,
  },
  // Written blind in stop 16 (from the second half of each article). First measurement: stop 15's code 16/40,
  // 9 wrong, 3/10 answered; this stop's code at the time 14/40, 9 wrong, 3/10. Retired the same stop and its
  // failures read: 16/40, 2 wrong, 1/10.
  {
    file: 'ask-heldout-6.yaml',
    correct: 16,
    wrong: 2,
    unanswerable: 1,
    confidentWrong: 1,
    confidentUnanswerable: 0,
    read: true,
  },
  // Written blind in stop 16 while held-out 5 and 6 were being read; measured once, at the end of that stop:
  // 11/40 (27.5%), 5 wrong, 24 not found, 4/10 answered — the same with stop 15's code. Unread.
  {
    file: 'ask-heldout-7.yaml',
    correct: 11,
    wrong: 5,
    unanswerable: 4,
    confidentWrong: 2,
    confidentUnanswerable: 0,
    read: false,
  },
  // Written blind in stop 17 from the odd-numbered paragraphs of each article, and 9 from the even-numbered, while
  // the confidence line was being set on sets 1–7; measured once each, with stop 16's answers: 16/40, 4 wrong,
  // 1/10 answered (confidently: 6 right, 2 wrong, 0/10), and 11/40, 4 wrong, 5/10 (confidently 5, 1, 0/10).
  {
    file: 'ask-heldout-8.yaml',
    correct: 16,
    wrong: 4,
    unanswerable: 1,
    confidentWrong: 2,
    confidentUnanswerable: 0,
    read: false,
  },
  {
    file: 'ask-heldout-9.yaml',
    correct: 11,
    wrong: 4,
    unanswerable: 5,
    confidentWrong: 1,
    confidentUnanswerable: 0,
    read: false,
  },
  // Written blind in stop 17 after the confidence line (CONFIDENT) was set on sets 1–9, 10 from the first half of
  // each article and 11 from the second; measured once each, on the code that set it: 11/40, 6 wrong, 1/10
  // answered (confidently: 5 right, 1 wrong, 0/10), and 12/40, 5 wrong, 0/10 (confidently 5, 3, 0/10).
  {
    file: 'ask-heldout-10.yaml',
    correct: 11,
    wrong: 6,
    unanswerable: 1,
    confidentWrong: 1,
    confidentUnanswerable: 0,
    read: false,
  },
  {
    file: 'ask-heldout-11.yaml',
    correct: 12,
    wrong: 5,
    unanswerable: 0,
    confidentWrong: 3,
    confidentUnanswerable: 0,
    read: false,
  },
];

describe.each(SETS)(
  'ask on the held-out set $file',
  ({ file, correct, wrong, unanswerable, confidentWrong, confidentUnanswerable, read }) => {
    const set = loadSet(file);
    const e = evaluate(store, db, set);
    if (process.env.ASK_REPORT) console.log(`${file}\n${e.summary()}`);
    // Only a set already retired to development may have its failures printed.
    if (process.env.ASK_DEBUG && read) console.log(`${file}\n${e.failures()}`);

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

    it(`states no more than ${confidentWrong} wrong answers as confident ones`, () => {
      expect(e.confident('wrong answer') + e.confident('wrong source')).toBeLessThanOrEqual(confidentWrong);
    });

    it(`answers no more than ${confidentUnanswerable} of the questions the corpus cannot answer confidently`, () => {
      expect(e.confidentlyAnsweredUnanswerable().length).toBeLessThanOrEqual(confidentUnanswerable);
    });

    it('grounds every answer in the words it cites', () => {
      expectGrounded(db, e);
    });
  },
);
