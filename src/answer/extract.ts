import { MONTHS, findDates, formatDate } from '../ingest/dates.js';
import { fold } from '../store/fold.js';
import { FUNCTION_WORDS, STOPWORDS, stem } from './question.js';

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
  /** A time counted from the story's own day ("next week", "on Monday"): no answer to "what date". */
  relative?: boolean;
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
  for (let m = md.exec(s); m; m = md.exec(s))
    addFree(out, {
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      display: `${m[2]} ${fullMonth(m[1]!)} (year not stated there)`,
      bonus: 0.05,
    });
  // "in August", "since early December": a month the text gives without its year. The year is not invented.
  const mo = new RegExp(
    `\\b(?:in|since|from|by|until|during|through|last|this|next)\\s+(?:(?:early|late|mid)[- ])?${MONTHS_RE}\\b(?!\\.?\\s*\\d)`,
    'g',
  );
  for (let m = mo.exec(s); m; m = mo.exec(s)) {
    const start = m.index + m[0].lastIndexOf(m[1]!);
    const end = start + m[1]!.length;
    addFree(out, { text: m[1]!, start, end, display: `${fullMonth(m[1]!)} (year not stated there)`, bonus: 0 });
  }
  // "since the 1970s": a decade is a date at the precision of ten years.
  const decade = /\b((?:19|20)\d0)s\b/g;
  for (let m = decade.exec(s); m; m = decade.exec(s))
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, display: `the ${m[0]}`, bonus: 0.05 });
  // "goes into force in about 60 days": when something will happen, counted from the story's own day.
  const wait =
    /\bin\s+(?:about\s+|around\s+|some\s+|roughly\s+)?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|sixty|thirty|ninety)\s+(?:days?|weeks?|months?|years?)\b/gi;
  for (let m = wait.exec(s); m; m = wait.exec(s))
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, display: m[0], bonus: -0.05, relative: true });
  // "on Monday", "late Saturday": the day of the week as the story gives it. Which Monday is not stated there,
  // so no date is made of it; a dated candidate outranks it.
  const weekday =
    /\b(?:(?:on|late|early|last)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|afternoon|evening))?\b/g;
  for (let m = weekday.exec(s); m; m = weekday.exec(s)) {
    const lead = /^on\s+/.exec(m[0])?.[0].length ?? 0;
    const text = m[0].slice(lead);
    const start = m.index + lead;
    addFree(out, {
      text,
      start,
      end: start + text.length,
      display: `${text} (the day of the week as written; the date is not stated there)`,
      bonus: -0.1,
      relative: true,
    });
  }
  // "next week", "last month": when, relative to the story's own day, as written.
  const relative = /\b(?:next|last|this|later this|early next)\s+(?:week|month|year)\b/gi;
  for (let m = relative.exec(s); m; m = relative.exec(s))
    addFree(out, {
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      display: `${m[0]} (as written, counted from the story’s date)`,
      bonus: -0.1,
      relative: true,
    });
  // Years the date finder leaves alone ("the 1968 massacre", "2015-2016") — still a year, never more.
  const re = /\b(19[0-9]{2}|20[0-9]{2})\b/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (out.some((c) => m!.index >= c.start && m!.index < c.end)) continue;
    if (/[\d,.]$/.test(s.slice(0, m.index)) || /^[,.]\d/.test(s.slice(m.index + 4))) continue;
    out.push({ text: m[1]!, start: m.index, end: m.index + 4, display: m[1]!, iso: m[1]!, bonus: -0.05 });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Adds a candidate unless an earlier, more specific one already covers any of its words. */
function addFree(out: Candidate[], c: Candidate): void {
  if (!out.some((o) => c.start < o.end && c.end > o.start)) out.push(c);
}

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens|scores|hundreds|thousands|tens of thousands|hundreds of thousands|millions';
const QUALIFIER =
  '(?:(?:more than|over|at least|nearly|almost|about|around|some|up to|roughly|approximately|fewer than|less than|just over|just under|an estimated|only|close to|barely|well over)\\s+)?';
const NUMBER = new RegExp(
  `\\b${QUALIFIER}\\[?(?:(?:US\\$|\\$|MXN\\s?\\$?)\\s?)?(?:\\d[\\d,]*(?:\\.\\d+)?|an?\\s+(?:million|billion|thousand|hundred|dozen)\\b|(?:${NUMBER_WORDS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)(?:\\s?(?:%|percent|per cent))?(?:\\s+(?:million|billion|thousand|trillion))?(?:\\s+(?:dollars|pesos|percent|per cent))?`,
  'gi',
);
const UNIT_STOP =
  /^(in|of|on|at|to|from|by|for|with|and|or|that|which|who|whose|since|between|during|the|a|an|was|were|is|are|has|have|had|said|according|not|would|will|could|can|may|might|must|should|did|do|does)$/i;

// Heads that say only "how many of anyone": the number's own word may then be the question's verb ("11 dead").
const GENERIC_HEADS = new Set(['peopl', 'person', 'individu', 'men', 'women', 'children', 'those', 'time']);

/** Numbers with the words that say what they count ("50,000 phone numbers", "$1.6 billion"). */
export function numberCandidates(
  s: string,
  head: string | undefined,
  kind: 'count' | 'amount',
  questionStems: string[] = [],
): Candidate[] {
  const headStems = head
    ? fold(head)
        .split(' ')
        .filter((w) => !FUNCTION_WORDS.has(w))
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
    if (/^(19|20)\d{2}\b(?![,.]\d)/.test(text.replace(/^\[/, ''))) continue;
    // "October 15": a day of the month, not a quantity.
    if (/^\d{1,2}$/.test(digits) && MONTH_OR_DAY.test(s.slice(0, start).trim().split(/\s+/).pop() ?? '')) continue;
    // The unit: up to three words that follow, stopping at a preposition or punctuation.
    // "eight-point plan", "50,000-strong": the hyphened word is the unit.
    // "[20,000](#) firearms": a Markdown link around the number is not part of what it counts.
    const link = /^\]\([^)]*\)/.exec(s.slice(end))?.[0].length ?? 0;
    const after = s.slice(end + link).replace(/^-(?=\p{L})/u, ' ');
    const unitWords: string[] = [];
    for (const w of after
      .match(/^(?:[ \u00a0]+[\p{L}’'-]+){1,4}/u)?.[0]
      .trim()
      .split(/\s+/) ?? []) {
      if (UNIT_STOP.test(w) || unitWords.length >= 3) break;
      unitWords.push(w);
    }
    // "four of its former governors": what a bare number counts follows "of" and a determiner.
    // "scores of Morena party members", "thousands of phone numbers": a vague quantity counts what follows "of".
    const vague = /(?:dozens|scores|hundreds|thousands|millions)$/i.test(text);
    const partitive =
      unitWords.length === 0
        ? new RegExp(
            `^ of ${vague ? '(?:(?:its|the|their|his|her|these|those)\\s+)?' : '(?:its|the|their|his|her|these|those|them|whom|which)\\s+'}((?:[\\p{L}’'-]+\\s?){1,3})`,
            'u',
          ).exec(after)
        : null;
    let partitiveEnd = 0;
    if (partitive) {
      // Up to the last word of what is counted: "four of its former governors" (not "… governors were").
      const head = partitive[0].slice(0, partitive[0].length - partitive[1]!.length);
      let taken = head.length;
      for (const m of partitive[1]!.matchAll(/[\p{L}’'-]+/gu)) {
        if (UNIT_STOP.test(m[0])) break;
        unitWords.push(m[0]);
        taken = head.length + m.index! + m[0].length;
      }
      partitiveEnd = unitWords.length ? taken : 0;
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
    // A number counts what the question asks about when its unit is the question's noun ("50,000 phone
    // numbers"), another of its words ("leaving 11 dead" for "how many died"), or when it has no unit of its own
    // and the noun is just before it ("phones of at least 25" is not; "the toll… about 300" is).
    const generic = headStems.length === 0 || headStems.every((h) => GENERIC_HEADS.has(h));
    const named = generic && unitStems.some((u) => u && questionStems.includes(u));
    const headMatch = hits > 0 || named || (unit === '' && near > 0);
    // "one of the…" is rarely the count a question wants.
    if (/^(one|an?)$/i.test(text) && !headMatch) bonus -= 0.3;
    if (kind === 'amount' && /\$|dollar|peso|percent|per cent|%|billion|million/i.test(`${text} ${unit}`)) bonus += 0.2;
    if (kind === 'count' && /%|percent|per cent|\$/.test(text)) bonus -= 0.2;
    const shown = text.replace(/\[/g, '');
    const display = partitiveEnd ? `${shown}${after.slice(0, partitiveEnd)}` : unit ? `${shown} ${unit}` : shown;
    out.push({ text, start, end, display: display.replace(/\s+/g, ' '), bonus, headMatch });
  }
  // "Nearly half of the guns", "two-thirds of them": a part of a whole said in words answers how much of it;
  // "roughly double that", "more than double the votes" a multiple.
  if (kind === 'amount') {
    for (const re of [FRACTION, MULTIPLE]) {
      re.lastIndex = 0;
      for (let m = re.exec(s); m; m = re.exec(s)) {
        const start = m.index + (m[0].length - m[0].trimStart().length);
        const text = m[0].trim();
        if (out.some((c) => c.start < start + text.length && c.end > start)) continue;
        out.push({ text, start, end: start + text.length, display: text, bonus: 0.1, headMatch: false });
      }
    }
  }
  return out;
}

const MULTIPLE = new RegExp(`\\b${QUALIFIER}(?:double|triple|twice|(?:two|three|four|five|ten) times)\\b`, 'gi');

const FRACTION = new RegExp(
  `\\b${QUALIFIER}(?:half|(?:a|one|two)[- ]thirds?|(?:a|one|three)[- ]quarters?|(?:a|one)[- ]fifth|(?:the|a) (?:vast )?majority)\\b(?= of\\b)`,
  'gi',
);

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
const OWN_S_AFTER =
  /^(?:\s+(?:said|says|has|had|is|was|will|would|announced|reported|warned|added|told)\b|[.,;:]?\s*$|[,;:])/;
// "A Mexican man", "Israeli company": a nationality on its own is an adjective, not a name.
const DEMONYM = /^\p{Lu}\p{Ll}+(?:ican|ian|eli|ese|ish|ans|ians)$/u;
const PRONOUN = /^(I|I[’'](d|m|ll|ve)|We|You|They|He|She|It|His|Her|Its|Their|Our|My)$/;

/** Capitalised name phrases ("Quintana Roo", "Law of Internal Security", "Guerreros Unidos"). */
export function nameCandidates(s: string): Candidate[] {
  const words: { w: string; start: number; end: number }[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m; m = WORD.exec(s)) {
    // "Moody’s said": a name that ends in ’s before a verb or a stop is the name whole; "Obrador’s election"
    // is a possessive.
    const whole = /[’']s$/.test(m[0]) && OWN_S_AFTER.test(s.slice(m.index + m[0].length));
    // "Harvard-educated", "France-based": the name is the part before the participle.
    const compound =
      /^(\p{Lu}[\p{L}\p{N}.]*)-(?:based|educated|born|bred|trained|headquartered|registered|run|led|owned|backed)$/u.exec(
        m[0],
      );
    const w = compound ? compound[1]! : whole ? m[0] : m[0].replace(/[’']s$/, '').replace(/[.’']+$/, '');
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
      // "U.S. Customs and Border Protection": an abbreviation's full stop does not end the name.
      const abbreviation = /^(?:\p{Lu}\.)+\p{Lu}$/u.test(words[j]!.w) && /^\.[ \u00a0]+$/.test(gap);
      if (!/^[ \u00a0]*$/.test(gap) && gap !== '-' && !abbreviation) break;
      const next = words[j + 1]!.w;
      // "…: Gun Control The U.S. government": a capitalised article inside a run starts another phrase.
      if (/^\p{Lu}/u.test(next) && FUNCTION_WORDS.has(next.toLowerCase())) break;
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
    // "The", "In", "But" opening a sentence are not part of a name; "I’d" and "We" name nobody.
    while (first <= j && (FUNCTION_WORDS.has(words[first]!.w.toLowerCase()) || PRONOUN.test(words[first]!.w))) first++;
    if (first === j && DEMONYM.test(words[first]!.w)) first++;
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
  // The anchor is the head noun, its last word ("ratings *agency*"); the words before it are what names it.
  const heads = fold(head)
    .split(' ')
    .filter((w) => w && !FUNCTION_WORDS.has(w))
    .slice(-1)
    .map(stem);
  const out: Candidate[] = [];
  const ws = [...s.matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu)];
  ws.forEach((m, i) => {
    if (!heads.includes(stem(fold(m[0])))) return;
    let first = i;
    while (
      first > 0 &&
      i - first < 3 &&
      !FUNCTION_WORDS.has(fold(ws[first - 1]![0])) &&
      !/[,;:()–—]/.test(s.slice(ws[first - 1]!.index! + ws[first - 1]![0].length, ws[first]!.index!))
    )
      first--;
    if (first === i) return;
    // Only a named one ("Mexican defence ministry", "Milenio TV"); "national newspaper" names nothing.
    if (!ws.slice(first, i).some((x) => /^\p{Lu}/u.test(x[0]) && x.index! > 0)) return;
    const start = ws[first]!.index!;
    const end = m.index! + m[0].length;
    const text = s.slice(start, end);
    out.push({ text, start, end, display: text.replace(/\s+/g, ' '), bonus: 0.15 });
  });
  return out;
}

// Markers that introduce a cause or a purpose, strongest first in spirit. "to + verb" (purpose) and "after"
// (a cause told as a sequence) are weak; "for + -ing" is the cause of blame or praise ("criticised for
// prioritising"); ", as the…" is the causal "as" ("years away, as the institutions will have to be built").
const REASON = new RegExp(
  '\\b(?:' +
    [
      'because(?: of)?',
      'due to(?! be\\b)',
      'in the wake of',
      'as a result of',
      'owing to',
      'thanks to',
      'in order to',
      'so that',
      'so as to',
      'for fear (?:of|that)',
      'in response to',
      'in retaliation for',
      'in exchange for',
      'predicated on',
      '(?:caused|triggered|prompted|motivated|driven) by',
      'in (?:an? )?(?:attempt|effort|bid) to',
      'in attempting to',
      'on the (?:grounds|premise) (?:that|of)',
      '(?:rationale|reason|motive) (?:is|was|being) that',
      'amid',
      'over concerns?',
      'after(?! \\d)',
      'for(?= [a-z]+ing\\b)',
      '(?<=, )as(?= (?:the|a|an|it|they|he|she|his|her|its|their|many|most|some|there|this|these)\\b)',
      'to (?!be\\b)(?=[a-z]+\\b)',
    ].join('|') +
    ')\\b',
  'gi',
);
const STRONG_REASON =
  /^(because|due|in the wake|as a result|owing|thanks|in order|so that|so as|for fear|in response|in retaliation|in exchange|predicated|caused|triggered|prompted|motivated|driven|in (an? )?(attempt|effort|bid)|in attempting|on the|rationale|reason|motive|as$)/i;
// "allowed Cienfuegos to return", "plans to legalise": "to" after these verbs completes them, it is no purpose.
const COMPLEMENT_TO =
  /\b(according|due|order|as|so|response|is|are|was|were|has|have|had|want|wants|wanted|plans?|planned|allow|allows|allowed|ask|asks|asked|tell|tells|told|force|forced|expect|expected|able|going|need|needs|needed|try|tried|decide|decided|agree|agreed|refuse|refused|seek|seeks|sought|began|begin|continue|continued|likely|unlikely|pledged|promised|hopes?|hoped|set|ready|unable|enough|attempting|attempt|effort|bid)\s+(?:\S+\s+)?$/i;

/**
 * Whether the words after "to" open a purpose ("to fight organised crime") rather than a destination or a
 * recipient ("to Mexico", "to the company", "to influential former President…"): a lower-case word that does
 * not look like a determiner, an adjective, a participle or a plural noun.
 */
function purposeVerb(rest: string): boolean {
  const w = /^([\p{L}’'-]+)/u.exec(rest)?.[1];
  if (!w || !/^\p{Ll}/u.test(w)) return false;
  if (DETERMINER.test(w)) return false;
  return !/(?:al|ous|ive|ic|ing|ed|ly|ful|less|[^su]s)$/.test(w);
}
const DETERMINER =
  /^(the|a|an|his|her|its|their|this|that|these|those|some|all|any|each|every|my|our|your|one|two|three|such|other|another|more|most|many|much|no|both|either|neither)$/;

/** The clause that gives a reason, from its marker to the end of the sentence (bounded). */
export function reasonCandidates(s: string, after: number, matchedAt: number[] = []): Candidate[] {
  const out: Candidate[] = [];
  REASON.lastIndex = 0;
  for (let m = REASON.exec(s); m; m = REASON.exec(s)) {
    const marker = m[0].trim().toLowerCase();
    const start = m.index;
    if (marker === 'to' && !purposeVerb(s.slice(start + m[0].length))) continue;
    if (marker === 'to' && COMPLEMENT_TO.test(s.slice(Math.max(0, start - 30), start))) continue;
    let end = clauseEnd(s, start + m[0].length);
    // A fronted reason ends where the sentence starts restating the question ("In attempting to rectify the
    // breach of trust…, the United States … dropped the charges"): the restatement is not part of the reason.
    const restated = matchedAt.filter((x) => x > start + m![0].length && x < end).sort((x, y) => x - y)[0];
    // A purpose that runs into the question's own words is the question's purpose, restated ("…in danger to
    // acquire and relay … intelligence" for "why … in danger to gather intelligence").
    if (restated !== undefined && marker === 'to') continue;
    if (restated !== undefined) {
      const cut = s.slice(0, restated).replace(/[\s,;:–—]*(?:\b(?:the|a|an|and|but|his|her|its|their)\s*)*$/i, '');
      if (cut.length - start >= marker.length + 12) end = cut.length;
    }
    if (end - start < marker.length + 4) continue;
    const strong = STRONG_REASON.test(marker);
    // A reason usually follows what it explains; a fronted one ("Triggered by…, young Mexicans…") opens the sentence.
    const fronted = s.slice(0, start).trim().split(/\s+/).filter(Boolean).length <= 1;
    const placed = start >= after || fronted ? 0.1 : -0.1;
    out.push({
      text: s.slice(start, end),
      start,
      end,
      display: bound(s.slice(start, end)),
      bonus: (strong ? 0.25 : marker === 'to' ? 0.05 : 0.1) + placed,
    });
  }
  // "his reputation for honesty has persuaded many party grandees that…": the subject of a verb of causing.
  for (const m of s.matchAll(CAUSE)) {
    const lead = /^(?:and|but)\s+/i.exec(m[1]!)?.[0].length ?? 0;
    const subject = m[1]!.slice(lead).trimEnd();
    const start = m.index! + m[0].length - m[1]!.length - (m[2]?.length ?? 0) + lead;
    if (subject.split(/\s+/).length < 2) continue;
    out.push({ text: subject, start, end: start + subject.length, display: bound(subject), bonus: 0.3 });
  }
  return out;
}

// The subject (after a clause boundary) of a verb that says it caused something.
const CAUSE =
  /(?:^|[,;]\s+(?:and|but)\s+|;\s+|^[^,;]*?,\s+)((?:[\p{L}\p{N}’'-]+\s+){1,7}?)((?:has|have|had)\s+)?(?=(?:persuaded|convinced|prompted|caused|forced|drove)\b)/gu;

/** The part of a sentence after the question's last matched word: what the sentence says about it. */
export function phraseCandidate(s: string, after: number): Candidate {
  let start = after;
  while (start < s.length && /[\s,;:’'"”)\]]/.test(s[start]!)) start++;
  if (s.slice(start).split(/\s+/).length < 3) start = 0;
  const end = clauseEnd(s, start, 40);
  return { text: s.slice(start, end), start, end, display: bound(s.slice(start, end)), bonus: 0 };
}

function clauseEnd(s: string, from: number, maxWords = 30): number {
  const rest = s.slice(from);
  // "U.S." or an initial ends no clause: "telling many U.S. security advisors … to go packing".
  const stop = /(?<!(?:^|[\s.(])\p{Lu})[.;!?](?:\s|$)|\s[—–]\s/u.exec(rest);
  let end = from + (stop ? stop.index : rest.length);
  const words = s.slice(from, end).split(/\s+/);
  if (words.length > maxWords) end = from + words.slice(0, maxWords).join(' ').length;
  return end;
}

function bound(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Common nouns that name a place or an occasion one can be at: "a police station", "a human rights event",
// "a local dump". Where-questions are often answered by one of these rather than by a capitalised name.
const PLACE_NOUN =
  'areas?|zones?|soil|scene|station|airport|prison|jail|dump|plaza|square|event|ceremony|conference|summit|residence|palace|hospital|college|university|border|embassy|consulate|camp|hotel|headquarters|territory|offices?|city|town|village|province|region|port|neighbou?rhood|courthouse|rally|meeting';
const PLACE_PHRASE = new RegExp(
  `\\b(?:in|at|to|into|from|near|outside|inside|on)\\s+(?:(?:the|a|an)\\s+)?((?:[\\p{L}.’'-]+\\s+){0,3}?(?:${PLACE_NOUN}))\\b((?:\\s+(?:in|of)\\s+\\p{Lu}[\\p{L}.’'-]*(?:\\s+\\p{Lu}[\\p{L}.’'-]*){0,2})?)`,
  'gu',
);

/** Places written in common nouns ("to a police station", "at a human rights event in Mexico City"). */
export function placePhraseCandidates(s: string): Candidate[] {
  const out: Candidate[] = [];
  PLACE_PHRASE.lastIndex = 0;
  for (let m = PLACE_PHRASE.exec(s); m; m = PLACE_PHRASE.exec(s)) {
    const words = m[1]!.split(/\s+/);
    // "in the fight", "to the state" say nothing on their own: the noun needs a word in front of it or a name after.
    if (words.some((w) => FUNCTION_WORDS.has(w.toLowerCase()))) continue;
    if (words.length === 1 && !m[2]) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    // "…in Mexico City." — the full stop ends the sentence, not the name ("U.S." keeps its own).
    const tail = m[2]!.replace(/(?<![.\p{Lu}]\p{Lu})\.$/u, '');
    const end = start + m[1]!.length + tail.length;
    const text = s.slice(start, end);
    out.push({ text, start, end, display: bound(text), bonus: 0 });
  }
  return out;
}

/** A short quoted title ("“Changing the Game or Dropping the Ball?”"): the name of a report, an operation, a law. */
export function quotedCandidates(s: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of s.matchAll(/[“"]([^“”"]{3,90})[”"]/g)) {
    const inner = m[1]!.trim().replace(/[?!.,]+$/, '');
    const words = inner.split(/\s+/);
    if (words.length < 2 || words.length > 12 || !/^\p{Lu}/u.test(inner)) continue;
    // A title capitalises its content words; a quoted sentence does not.
    const content = words.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()) && w.toLowerCase() !== 'or');
    if (content.filter((w) => /^\p{Lu}/u.test(w)).length < content.length * 0.75) continue;
    const start = m.index! + m[0].indexOf(inner);
    out.push({ text: inner, start, end: start + inner.length, display: inner, bonus: 0.1 });
  }
  return out;
}
