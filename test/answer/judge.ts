// How an `ask` evaluation set is scored, shared by the development and held-out sets so that both are
// measured the same way: an answer is correct only when an accepted form appears in the answer line AND the
// cited passage belongs to a document that supports it.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { ask, type AskResult } from '../../src/answer/answer.js';
import { fold } from '../../src/store/fold.js';
import type { DB } from '../../src/store/db.js';
import type { Store } from '../../src/store/queries.js';

export interface Answerable {
  q: string;
  type: string;
  answers: string[];
  doc: string | string[];
  evidence: string;
}
export interface QuestionSet {
  answerable: Answerable[];
  unanswerable: { q: string; why: string }[];
}

export const QUESTION_TYPES = ['who', 'who said', 'when', 'where', 'how many', 'how much', 'what', 'which', 'why'];

export function loadSet(file: string): QuestionSet {
  return parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8')) as QuestionSet;
}

export type Verdict = 'correct' | 'wrong answer' | 'wrong source' | 'not found';

export interface Evaluation {
  verdicts: { item: Answerable; r: AskResult; v: Verdict }[];
  unanswered: { u: QuestionSet['unanswerable'][number]; r: AskResult }[];
  count(v: Verdict): number;
  /** Unanswerable questions that got an answer anyway. */
  answeredUnanswerable(): string[];
  /** Of the answers with verdict v, those given confidently (not as a possible answer). */
  confident(v: Verdict): number;
  /** Unanswerable questions that got a confident answer. */
  confidentlyAnsweredUnanswerable(): string[];
  /** One line of totals and one per question type: what a report quotes. */
  summary(): string;
  /** Each failure with what was wanted and what came back: for the development set only. */
  failures(): string;
}

export function evaluate(store: Store, db: DB, set: QuestionSet): Evaluation {
  const docOf = (passageId: number) =>
    (
      db
        .prepare('SELECT d.slug FROM passages p JOIN documents d ON d.id = p.document_id WHERE p.id = ?')
        .get(passageId) as {
        slug: string;
      }
    ).slug;
  const judge = (item: Answerable, r: AskResult): Verdict => {
    if (r.status !== 'answered') return 'not found';
    const line = fold(r.answer);
    if (!item.answers.some((a) => line.includes(fold(a)))) return 'wrong answer';
    const docs = Array.isArray(item.doc) ? item.doc : [item.doc];
    return docs.includes(docOf(r.support.passageId)) ? 'correct' : 'wrong source';
  };
  const verdicts = set.answerable.map((item) => {
    const r = ask(store, item.q);
    return { item, r, v: judge(item, r) };
  });
  const unanswered = set.unanswerable.map((u) => ({ u, r: ask(store, u.q) }));
  const count = (v: Verdict) => verdicts.filter((x) => x.v === v).length;
  const answeredUnanswerable = () => unanswered.filter((x) => x.r.status === 'answered').map((x) => x.u.q);
  const sure = (r: AskResult) => r.status === 'answered' && r.confident;
  // A "not in the store" reply still helps when one of the sentences it shows holds the evidence (fold also
  // collapses whitespace runs).
  const shows = (item: Answerable, r: AskResult) => {
    if (r.status !== 'none') return false;
    const ev = fold(item.evidence);
    return r.nearest.some((g) => {
      const t = fold(g.sentence);
      return t.includes(ev) || ev.includes(t) || (ev.length > 40 && t.includes(ev.slice(0, 40)));
    });
  };
  const confident = (v: Verdict) => verdicts.filter((x) => x.v === v && sure(x.r)).length;
  const confidentlyAnsweredUnanswerable = () => unanswered.filter((x) => sure(x.r)).map((x) => x.u.q);
  return {
    verdicts,
    unanswered,
    count,
    answeredUnanswerable,
    confident,
    confidentlyAnsweredUnanswerable,
    summary() {
      const wrong = (n: (v: Verdict) => number) => n('wrong answer') + n('wrong source');
      const shown = verdicts.filter((x) => shows(x.item, x.r)).length;
      const lines = [
        `correct ${count('correct')}/${verdicts.length} (${pct(count('correct') / verdicts.length)}), wrong answer ${count('wrong answer')}, wrong source ${count('wrong source')}, not found ${count('not found')}; unanswerable answered ${answeredUnanswerable().length}/${unanswered.length}`,
        `  not found with the evidence among the sentences shown: ${shown}/${count('not found')}`,
        `  confident: ${confident('correct')} correct, ${wrong(confident)} wrong, ${confidentlyAnsweredUnanswerable().length} unanswerable answered; possible: ${count('correct') - confident('correct')} correct, ${wrong(count) - wrong(confident)} wrong, ${answeredUnanswerable().length - confidentlyAnsweredUnanswerable().length} unanswerable answered`,
      ];
      for (const t of QUESTION_TYPES) {
        const of = verdicts.filter((x) => x.item.type === t);
        if (of.length === 0) continue;
        const n = (v: Verdict) => of.filter((x) => x.v === v).length;
        lines.push(
          `  ${t.padEnd(9)} ${n('correct')}/${of.length} correct, ${n('wrong answer') + n('wrong source')} wrong, ${n('not found')} not found`,
        );
      }
      return lines.join('\n');
    },
    failures() {
      const out: string[] = [];
      for (const { item, r, v } of verdicts)
        if (v !== 'correct')
          out.push(
            `${v.padEnd(13)} [${item.type}] ${item.q}\n    want ${JSON.stringify(item.answers)} (${item.doc})\n    got  ${
              r.status === 'answered'
                ? `${r.answer} (${r.confidence}${r.confident ? '' : ' possible'}, ${r.via}) ← ${r.support.sentence.slice(0, 160)}`
                : r.reason
            }`,
          );
      for (const { u, r } of unanswered)
        if (r.status === 'answered')
          out.push(`ANSWERED unanswerable: ${u.q}\n    got ${r.answer} ← ${r.support.sentence.slice(0, 160)}`);
      return out.join('\n');
    },
  };
}

/** Every answer stands on the words it cites: the cited span is the sentence, and holds the answer as written. */
export function expectGrounded(db: DB, e: Evaluation): void {
  const body = (passageId: number) =>
    (
      db
        .prepare('SELECT d.body FROM passages p JOIN documents d ON d.id = p.document_id WHERE p.id = ?')
        .get(passageId) as {
        body: string;
      }
    ).body;
  const slice = (g: { passageId: number; start: number; end: number }) =>
    body(g.passageId).slice(g.start, g.end).replace(/\s+/g, ' ').trim();
  for (const { r } of [...e.verdicts, ...e.unanswered]) {
    if (r.status !== 'answered') continue;
    const cited = slice(r.support);
    expect(cited).toBe(r.support.sentence);
    if (r.lead) expect(slice(r.lead)).toBe(r.lead.sentence);
    if (r.via === 'passage' && r.asWritten) expect(cited).toContain(r.asWritten.replace(/\s+/g, ' '));
    if (r.via === 'passage' && !r.asWritten) expect(fold(cited)).toContain(fold(r.answer));
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
