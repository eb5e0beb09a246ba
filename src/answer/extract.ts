import { MONTHS, findDates, formatDate } from '../ingest/dates.js';
import { fold } from '../store/fold.js';
import { STOPWORDS, stem } from './question.js';

/** A possible answer inside a sentence: offsets are into that sentence. */
export interface Candidate {
  text: string;
  start: number;
  end: number;
  /** What the answer line shows (a date at its precision, a number with its unit…). */
  display: string;
  /** Extra weight from the candidate's own form (a unit that matches "how many X", a money sign…). */
  bonus: number;
  /** A date's ISO value at its precision, for dates. */
  iso?: string;
  /** For numbers: the words around it are what "how many …" asks about. */
  headMatch?: boolean;
}

const MONTHS_RE =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const FULL = MONTHS;
export function fullMonth(name: string): string {
  const i = FULL.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3)));
  return i < 0 ? name : FULL[i]![0]!.toUpperCase() + FULL[i]!.slice(1);
}
export function monthIndex(name: string): number {
  return FULL.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;
}

const MONTH_OR_DAY =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Sept?|Oct|Nov|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug)\.?$/;

/** Explicit dates at the precision written; a bare year counts after a preposition or as "1968 massacre". */
export function dateCandidates(s: string): Candidate[] {
  const out: Candidate[] = findDates(s).map((d) => ({
    text: d.text,
    start: d.start,
    end: d.end,
    display: formatDate(d.value),
    iso: d.value,
    bonus: d.precision === 'day' ? 0.1 : d.precision === 'month' ? 0.05 : 0,
  }));
  // "from 2014 to 2017", "between 2010 and 2016", "2015-2016": a span of years, shown as one.
  const range = /\b(?:(from|between)\s+)?((?:19|20)\d{2})\s*(?:to|and|until|through|[-–])\s*((?:19|20)\d{2})\b/g;
  for (let m = range.exec(s); m; m = range.exec(s)) {
    if (m[1]?.toLowerCase() === 'between' && !/and/.test(m[0]) && !/[-–]/.test(m[0])) continue;
    const start = m.index;
    const end = m.index + m[0].length;
    for (let i = out.length - 1; i >= 0; i--) if (out[i]!.start >= start && out[i]!.end <= end) out.splice(i, 1);
    out.push({ text: m[0], start, end, display: `${m[2]} to ${m[3]}`, bonus: 0.12 });
  }
  // "December 9", "on January 6": a day without its year. Shown as written; the year is not invented.
  const md = new RegExp(`\\b${MONTHS_RE}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*\\d{4})`, 'g');
  for (let m = md.exec(s); m; m = md.exec(s)) {
    if (out.some((c) => m!.index < c.end && m!.index + m![0].length > c.start)) continue;
    out.push({
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      display: `${m[2]} ${fullMonth(m[1]!)} (year not stated there)`,
      bonus: 0.05,
    });
  }
  // Years the date finder leaves alone ("the 1968 massacre", "2015-2016") — still a year, never more.
  const re = /\b(19[0-9]{2}|20[0-9]{2})\b/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (out.some((c) => m!.index >= c.start && m!.index < c.end)) continue;
    if (/[\d,.]$/.test(s.slice(0, m.index)) || /^[,.]\d/.test(s.slice(m.index + 4))) continue;
    out.push({ text: m[1]!, start: m.index, end: m.index + 4, display: m[1]!, iso: m[1]!, bonus: -0.05 });
  }
  return out.sort((a, b) => a.start - b.start);
}

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens|hundreds|thousands|tens of thousands|hundreds of thousands|millions';
const QUALIFIER =
  '(?:(?:more than|over|at least|nearly|almost|about|around|some|up to|roughly|approximately|fewer than|less than|just over|just under|an estimated|only)\\s+)?';
const NUMBER = new RegExp(
  `\\b${QUALIFIER}(?:(?:US\\$|\\$|MXN\\s?\\$?)\\s?)?(?:\\d[\\d,]*(?:\\.\\d+)?|(?:${NUMBER_WORDS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)(?:\\s?(?:%|percent|per cent))?(?:\\s+(?:million|billion|thousand|trillion))?(?:\\s+(?:dollars|pesos|percent|per cent))?`,
  'gi',
);
const UNIT_STOP =
  /^(in|of|on|at|to|from|by|for|with|and|or|that|which|who|since|between|during|the|a|an|was|were|is|are|has|have|had|said|according)$/i;

/** Numbers with the words that say what they count ("50,000 phone numbers", "$1.6 billion"). */
export function numberCandidates(s: string, head: string | undefined, kind: 'count' | 'amount'): Candidate[] {
  const headStems = head
    ? fold(head)
        .split(' ')
        .filter((w) => !STOPWORDS.has(w))
        .map(stem)
    : [];
  const out: Candidate[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(s); m; m = NUMBER.exec(s)) {
    let text = m[0].trim();
    if (!/\d|[a-z]/i.test(text)) continue;
    // "30-50%", "between 30 and 50 percent": a range is one answer.
    const rangeTail = /^\s?[-–]\s?\d[\d,.]*\s?%?|^ (?:and|to) \d[\d,.]*(?:\s?(?:%|percent|per cent))?/.exec(
      s.slice(m.index + m[0].length),
    );
    if (rangeTail && /\d$/.test(text)) text = `${text}${rangeTail[0]}`;
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = start + text.length;
    if (rangeTail) NUMBER.lastIndex = end;
    const digits = text.replace(/[^\d]/g, '');
    // A year (or a span of years) is a date, not a quantity.
    if (/^(19|20)\d{2}\b(?![,.]\d)/.test(text)) continue;
    // "October 15": a day of the month, not a quantity.
    if (/^\d{1,2}$/.test(digits) && MONTH_OR_DAY.test(s.slice(0, start).trim().split(/\s+/).pop() ?? '')) continue;
    // The unit: up to three words that follow, stopping at a preposition or punctuation.
    // "eight-point plan", "50,000-strong": the hyphened word is the unit.
    const after = s.slice(end).replace(/^-(?=\p{L})/u, ' ');
    const unitWords: string[] = [];
    for (const w of after
      .match(/^(?:[ \u00a0]+[\p{L}’'-]+){1,4}/u)?.[0]
      .trim()
      .split(/\s+/) ?? []) {
      if (UNIT_STOP.test(w) || unitWords.length >= 3) break;
      unitWords.push(w);
    }
    const unit = unitWords.join(' ');
    const unitStems = fold(unit).split(' ').map(stem);
    let bonus = 0;
    // "how many municipal police forces" prefers "2,500 existing municipal police forces" over "32 state police forces".
    const before = fold(s.slice(Math.max(0, start - 40), start))
      .split(' ')
      .map(stem);
    const hits = headStems.filter((h) => unitStems.includes(h)).length;
    const near = headStems.filter((h) => !unitStems.includes(h) && before.slice(-4).includes(h)).length;
    if (headStems.length) bonus += (0.35 * hits + 0.15 * near) / headStems.length;
    const headMatch = hits + near > 0;
    // "one of the…" is rarely the count a question wants.
    if (/^(one|an?)$/i.test(text) && !headMatch) bonus -= 0.3;
    if (kind === 'amount' && /\$|dollar|peso|percent|per cent|%|billion|million/i.test(`${text} ${unit}`)) bonus += 0.2;
    if (kind === 'count' && /%|percent|per cent|\$/.test(text)) bonus -= 0.2;
    out.push({ text, start, end, display: unit ? `${text} ${unit}` : text, bonus, headMatch });
  }
  return out;
}

const CONNECTORS = new Set([
  'of',
  'de',
  'del',
  'la',
  'las',
  'los',
  'y',
  'for',
  'and',
  'the',
  'on',
  'el',
  'para',
  'en',
  '&',
]);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}’'.&-]*/gu;

/** Capitalised name phrases ("Quintana Roo", "Law of Internal Security", "Guerreros Unidos"). */
export function nameCandidates(s: string): Candidate[] {
  const words: { w: string; start: number; end: number }[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m; m = WORD.exec(s)) {
    const w = m[0].replace(/[’']s$/, '').replace(/[.’']+$/, '');
    words.push({ w, start: m.index, end: m.index + w.length });
  }
  const out: Candidate[] = [];
  let i = 0;
  while (i < words.length) {
    if (!/^\p{Lu}/u.test(words[i]!.w) || MONTH_OR_DAY.test(words[i]!.w)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < words.length) {
      const gap = s.slice(words[j]!.end, words[j + 1]!.start);
      if (!/^[ \u00a0]*$/.test(gap) && gap !== '-') break;
      const next = words[j + 1]!.w;
      if (/^\p{Lu}/u.test(next) && !MONTH_OR_DAY.test(next)) {
        j++;
        continue;
      }
      // "Plaza of the Three Cultures", "Secretaría de la Defensa": up to two small words between capitals.
      let k = j + 1;
      while (
        k < words.length &&
        k - j <= 2 &&
        CONNECTORS.has(words[k]!.w.toLowerCase()) &&
        /^[ \u00a0]*$/.test(s.slice(words[k - 1]!.end, words[k]!.start))
      )
        k++;
      if (
        k > j + 1 &&
        k < words.length &&
        /^\p{Lu}/u.test(words[k]!.w) &&
        /^[ \u00a0]*$/.test(s.slice(words[k - 1]!.end, words[k]!.start))
      )
        j = k;
      else break;
    }
    let first = i;
    // "The", "In", "But" opening a sentence are not part of a name.
    while (first <= j && STOPWORDS.has(words[first]!.w.toLowerCase())) first++;
    if (first <= j) {
      const start = words[first]!.start;
      const end = words[j]!.end;
      const text = s.slice(start, end);
      out.push({ text, start, end, display: text.replace(/\s+/g, ' '), bonus: j > first ? 0.05 : 0 });
    }
    i = j + 1;
  }
  return out;
}

/** "the Mexican defence ministry", "Milenio TV": the words in front of the noun a "which" question names. */
export function headCandidates(s: string, head: string): Candidate[] {
  const heads = fold(head)
    .split(' ')
    .filter((w) => w && !STOPWORDS.has(w))
    .map(stem);
  const out: Candidate[] = [];
  const ws = [...s.matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu)];
  ws.forEach((m, i) => {
    if (!heads.includes(stem(fold(m[0])))) return;
    let first = i;
    while (
      first > 0 &&
      i - first < 3 &&
      !STOPWORDS.has(fold(ws[first - 1]![0])) &&
      !/[,;:()–—]/.test(s.slice(ws[first - 1]!.index! + ws[first - 1]![0].length, ws[first]!.index!))
    )
      first--;
    if (first === i) return;
    // Only a named one ("Mexican defence ministry", "Milenio TV"); "national newspaper" names nothing.
    if (!ws.slice(first, i).some((x) => /^\p{Lu}/u.test(x[0]))) return;
    const start = ws[first]!.index!;
    const end = m.index! + m[0].length;
    const text = s.slice(start, end);
    out.push({ text, start, end, display: text.replace(/\s+/g, ' '), bonus: 0.15 });
  });
  return out;
}

const REASON =
  /\b(because(?: of)?|due to|as a result of|in order to|so that|so as to|for fear (?:of|that)|amid|over concerns?|in response to|to (?!be\b)(?=[a-z]+\b))/gi;

/** The clause that gives a reason, from its marker to the end of the sentence (bounded). */
export function reasonCandidates(s: string, after: number): Candidate[] {
  const out: Candidate[] = [];
  REASON.lastIndex = 0;
  for (let m = REASON.exec(s); m; m = REASON.exec(s)) {
    const start = m.index;
    const end = clauseEnd(s, start + m[0].length);
    if (
      /\b(according|due|order|as|so|response|is|are|was|were|has|have|had|want|wanted|plans?|planned)\s+$/i.test(
        s.slice(Math.max(0, start - 12), start),
      ) &&
      /^to$/i.test(m[1]!)
    )
      continue;
    const strong = /because|due to|result of|in order|so that|so as|fear|concern|response/i.test(m[1]!);
    out.push({
      text: s.slice(start, end),
      start,
      end,
      display: bound(s.slice(start, end)),
      bonus: (strong ? 0.25 : m[1]!.toLowerCase() === 'to' ? 0.05 : 0.1) + (start >= after ? 0.1 : -0.1),
    });
  }
  return out;
}

/** The part of a sentence after the question's last matched word: what the sentence says about it. */
export function phraseCandidate(s: string, after: number): Candidate {
  let start = after;
  while (start < s.length && /[\s,;:’'"”]/.test(s[start]!)) start++;
  if (s.slice(start).split(/\s+/).length < 3) start = 0;
  const end = clauseEnd(s, start, 40);
  return { text: s.slice(start, end), start, end, display: bound(s.slice(start, end)), bonus: 0 };
}

function clauseEnd(s: string, from: number, maxWords = 30): number {
  const rest = s.slice(from);
  const stop = /[.;!?](?:\s|$)|\s[—–]\s/.exec(rest);
  let end = from + (stop ? stop.index : rest.length);
  const words = s.slice(from, end).split(/\s+/);
  if (words.length > maxWords) end = from + words.slice(0, maxWords).join(' ').length;
  return end;
}

function bound(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
