import { entitiesMentioned, findMentions, type MentionedEntity } from '../core/mentioned.js';
import { tokens } from '../ingest/mentions.js';
import { entityRow, resolveEntity } from '../core/resolve.js';
import { formatDate } from '../ingest/dates.js';
import { sentenceSpans } from '../ingest/sentences.js';
import { findVerbatim } from '../ingest/verbatim.js';
import { askStore, type PassageText } from '../store/ask.js';
import { fold } from '../store/fold.js';
import type { EntityType, Store } from '../store/queries.js';
import {
  type Candidate,
  dateCandidates,
  headCandidates,
  monthIndex,
  nameCandidates,
  numberCandidates,
  phraseCandidate,
  reasonCandidates,
} from './extract.js';
import { type Question, STOPWORDS, parseQuestion, stem } from './question.js';

/** Where an answer's words sit: a span of a passage (offsets into the document body). */
export interface Grounding {
  passageId: number;
  start: number;
  end: number;
  /** The supporting sentence, verbatim. */
  sentence: string;
}

export interface Answered {
  status: 'answered';
  question: Question;
  answer: string;
  /** The words in the source the answer was read from, when the answer line reformats them (dates). */
  asWritten?: string;
  support: Grounding;
  confidence: number;
  via: 'fact' | 'event' | 'quote' | 'profile' | 'passage';
}

export interface Unanswered {
  status: 'none';
  question: Question;
  reason: string;
  nearest: Grounding[];
}

export type AskResult = Answered | Unanswered;

/** Below this share of the question's (weighted) words in the supporting sentence, Beatbook does not answer. */
export const MIN_CONFIDENCE = 0.58;
const CANDIDATE_PASSAGES = 30;

interface Unit {
  passageId: number;
  /** Offset of `text` in the document body. */
  docStart: number;
  text: string;
  /** The sentence before, in the same passage: pronouns and "he said" lean on it. */
  context: string;
  /** Stems of the whole passage and the document's title (shared by its sentences): what the sentence is
   * about, if it does not say so. */
  surround?: Set<string>;
  via: Answered['via'];
  /** Curated words about the unit that may match the question but are not quoted as the answer (a fact's value). */
  curated?: string;
  /** A curated date at its precision (facts, events): the answer to "when" where it exists. */
  date?: string | null;
  /** Curated units are about an entity by construction, whether or not the evidence repeats its name. */
  about?: string[];
  rank: number;
}

interface Scored {
  unit: Unit;
  coverage: number;
  lastMatch: number;
  matchedAt: number[];
  best?: Candidate;
  score: number;
}

export function ask(store: Store, text: string): AskResult {
  const q = parseQuestion(text);
  if (q.terms.length === 0 && !q.subject)
    return none(q, 'The question has no words to look for — name a person, event, policy or topic.', []);
  const common = commonness(store);
  const linked = linkEntities(store, q, common);

  if (q.kind === 'expansion') {
    const r = expansion(store, q);
    if (r) return r;
  }
  if (q.kind === 'definition') {
    const r = definition(store, q);
    if (r) return r;
    q.kind = q.type === 'who' ? 'person' : 'phrase';
  }

  const weight = termWeights(store, q.terms);
  if (q.kind === 'speaker') {
    const r = speaker(store, q, weight);
    if (r) return r;
    q.kind = 'person';
  }
  const retrieved = askStore(store).passagesWithAny(q.terms, CANDIDATE_PASSAGES);
  const units = gatherUnits(store, linked, retrieved);
  const scored: Scored[] = [];
  for (const u of units) {
    const s = scoreUnit(store, q, u, weight, linked, common);
    if (s) scored.push(s);
  }
  scored.sort((x, y) => y.score - x.score || x.unit.rank - y.unit.rank);
  const top = scored[0];
  // "How many X": a number that is not a number of X does not answer it.
  const weak = top?.best && q.kind === 'count' && q.head && !top.best.headMatch;
  if (!top || !top.best || top.coverage < MIN_CONFIDENCE || weak) {
    return none(
      q,
      top && top.coverage >= MIN_CONFIDENCE
        ? `The closest passages do not state ${describe(q)}.`
        : 'The store holds no passage that answers this.',
      retrieved.slice(0, 3),
    );
  }
  const c = top.best;
  const u = top.unit;
  const curated = q.kind === 'date' && u.date && u.via !== 'passage';
  return {
    status: 'answered',
    question: q,
    answer: c.display,
    ...(!curated && c.display !== c.text ? { asWritten: c.text } : {}),
    support: { passageId: u.passageId, start: u.docStart, end: u.docStart + u.text.length, sentence: clean(u.text) },
    confidence: round(Math.min(1, top.coverage)),
    via: u.via,
  };
}

function describe(q: Question): string {
  return {
    date: 'a date for that',
    count: 'a number for that',
    amount: 'an amount for that',
    place: 'a place for that',
    speaker: 'who said it',
    person: 'a name for that',
    entity: 'a name for that',
    definition: 'that',
    expansion: 'what that stands for',
    reason: 'a reason for that',
    phrase: 'that',
  }[q.kind];
}

// ---------------------------------------------------------------- retrieval

// Words that turn a question into a different one: "the current governor" is not "the former governor".
const QUALIFIERS = new Set(['current', 'first', 'last', 'former', 'second', 'new', 'next', 'previous', 'only', 'now']);

function termWeights(store: Store, terms: string[]): Map<string, number> {
  const a = askStore(store);
  const n = Math.max(a.passages, 1);
  return new Map(terms.map((t) => [t, Math.log(1 + n / (a.docFreq(t) + 1)) * (QUALIFIERS.has(t) ? 2 : 1)]));
}

/** An entity the question names, with what scoring needs of it read once per question. */
interface Linked extends MentionedEntity {
  /** Its name and aliases, folded. */
  names: string[];
  /** Passages that mention it. */
  passages: Set<number>;
  common: boolean;
}

function linkEntities(store: Store, q: Question, common: Commonness): Linked[] {
  return entitiesMentioned(store, q.raw, 5).map((e) => {
    const passages = store.passagesMentioning(e.type, e.id);
    return {
      ...e,
      names: [e.name, ...store.aliases(e.type, e.id).map((a) => a.alias)].map(fold).filter(Boolean),
      passages,
      common: common(e.type, e.id, passages),
    };
  });
}

type Commonness = (type: EntityType, id: number, passages?: Set<number>) => boolean;

/** "Mexico" or "the United States" narrows nothing: most passages are about them. Memoised per question. */
function commonness(store: Store): Commonness {
  const seen = new Map<string, boolean>();
  const limit = askStore(store).passages * 0.08;
  return (type, id, passages) => {
    const key = `${type}:${id}`;
    let c = seen.get(key);
    if (c === undefined) seen.set(key, (c = (passages ?? store.passagesMentioning(type, id)).size > limit));
    return c;
  };
}

function gatherUnits(store: Store, linked: Linked[], retrieved: PassageText[]): Unit[] {
  const a = askStore(store);
  const units: Unit[] = [];
  const passages = new Map<number, PassageText>();
  retrieved.forEach((p, i) => passages.set(p.id, { ...p, rank: i }));
  for (const e of linked) {
    // Curated facts and events about the entities the question names answer first where they exist.
    for (const f of store.factsAbout(e.type, e.id)) {
      const p = store.passage(f.passage_id);
      if (!p) continue;
      units.push({
        passageId: f.passage_id,
        docStart: f.start,
        text: p.text.slice(f.start - p.start, f.end - p.start),
        context: '',
        curated: f.value,
        via: 'fact',
        date: f.date,
        about: [`${f.subject_type}:${f.subject_id}`, `${f.object_type}:${f.object_id}`],
        rank: -1,
      });
    }
    if (e.type === 'event') {
      const ev = store.event(e.id)!;
      const p = store.passage(ev.passage_id);
      const at = p ? findVerbatim(p.text, ev.evidence) : null;
      if (p && at)
        units.push({
          passageId: p.id,
          docStart: p.start + at.start,
          text: p.text.slice(at.start, at.end),
          context: '',
          curated: ev.title,
          via: 'event',
          date: ev.date_start,
          about: [`event:${ev.id}`],
          rank: -1,
        });
    }
    let extra = 0;
    for (const id of e.passages) {
      if (passages.has(id) || extra >= 40) continue;
      const p = a.passage(id);
      if (p) passages.set(id, { ...p, rank: CANDIDATE_PASSAGES + extra++ });
    }
  }
  for (const p of passages.values()) {
    const spans = sentenceSpans(p.text);
    const surround = new Set(words(`${a.title(p.document_id)} ${p.text}`).map((w) => w.stem));
    spans.forEach((sp, i) => {
      const prev = i > 0 ? p.text.slice(spans[i - 1]!.start, spans[i - 1]!.end) : '';
      units.push({
        passageId: p.id,
        docStart: p.start + sp.start,
        text: p.text.slice(sp.start, sp.end),
        context: prev,
        surround,
        via: 'passage',
        rank: p.rank,
      });
    });
  }
  return units;
}

// ---------------------------------------------------------------- scoring

interface Word {
  stem: string;
  folded: string;
  start: number;
  end: number;
}
function words(text: string): Word[] {
  return tokens(text).map((t) => ({ stem: stem(t.folded), folded: t.folded, start: t.start, end: t.end }));
}

function scoreUnit(
  store: Store,
  q: Question,
  u: Unit,
  weight: Map<string, number>,
  linked: Linked[],
  common: Commonness,
): Scored | null {
  const ws = words(u.text);
  const inSentence = new Set(ws.map((w) => w.stem));
  // "Roberto Borge" in the question is matched by "Borge" in the sentence: a named entity's words count as
  // present wherever any of its names is.
  const sentenceFolded = ` ${fold(u.text)} `;
  for (const e of linked) {
    if (e.names.some((n) => n.length > 2 && sentenceFolded.includes(` ${n} `)))
      for (const w of fold(q.raw.slice(e.start, e.end)).split(' ')) inSentence.add(stem(w));
  }
  const inContext = new Set(words(`${u.context} ${u.curated ?? ''}`).map((w) => w.stem));
  const inSurround = u.surround ?? new Set<string>();
  let total = 0;
  let got = 0;
  const matchedAt: number[] = [];
  const matched: { at: number; w: number }[] = [];
  for (const t of q.terms) {
    const w = weight.get(t) ?? 1;
    total += w;
    if (inSentence.has(t)) {
      got += w;
      for (const x of ws)
        if (x.stem === t) {
          matchedAt.push(x.start);
          matched.push({ at: x.start, w });
        }
    } else if (inContext.has(t)) got += 0.5 * w;
    else if (inSurround.has(t)) got += 0.3 * w;
  }
  if (total === 0) return null;
  let coverage = got / total;
  // Every entity the question names must be present in the sentence or just before it.
  const window = fold(`${u.context} ${u.text} ${u.curated ?? ''}`);
  for (const e of linked) {
    if (e.common || u.about?.includes(`${e.type}:${e.id}`)) continue;
    if (!e.names.some((n) => ` ${window} `.includes(` ${n} `))) coverage *= 0.6;
  }
  // A year the question names ("in 2018") must be in the sentence or just before it: 2017's figure is not 2018's.
  // (A full date in the question, "October 2, 1968", is matched by its day and month.)
  for (const y of q.raw.match(/(?<![A-Za-z]\.? \d{1,2}, )\b(19|20)\d{2}\b/g) ?? [])
    if (!`${u.context} ${u.text}`.includes(y)) coverage *= 0.5;
  // The question's words scattered across a long sentence are weaker evidence than the same words together.
  const distinct = new Map<string, number>();
  for (const x of ws) if (q.terms.includes(x.stem) && !distinct.has(x.stem)) distinct.set(x.stem, x.start);
  if (distinct.size >= 2) {
    const pos = [...distinct.values()];
    const spanWords = u.text.slice(Math.min(...pos), Math.max(...pos)).split(/\s+/).length;
    if (spanWords > 18) coverage *= Math.sqrt(18 / spanWords);
  }
  if (coverage < 0.3) return null;
  const lastMatch = matchedAt.length ? Math.max(...matchedAt) : 0;
  const best = bestCandidate(store, q, u, ws, matched, lastMatch, common);
  // How tightly the answer sits among the question's words is part of the confidence.
  if (best && q.kind !== 'phrase' && q.kind !== 'reason' && !(best.start === 0 && best.end === 0))
    coverage *= 0.6 + 0.4 * Math.min(1, proximity(best, matched) * 1.4);
  // A name far from the question's rarest word answers some other question ("the Head of Security Research
  // Programs" is no answer to "who heads the DEA").
  if (best && (q.kind === 'person' || q.kind === 'entity' || q.kind === 'place')) {
    const rarest = q.terms.reduce((a, t) => ((weight.get(t) ?? 0) > (weight.get(a) ?? 0) ? t : a), q.terms[0]!);
    const at = ws.filter((w) => w.stem === rarest).map((w) => Math.abs(w.start - best.start));
    if (at.length === 0 || Math.min(...at) > 120) coverage *= 0.75;
  }
  const curatedBonus = u.via === 'passage' ? 0 : 0.04;
  const score = coverage + curatedBonus + (best ? 0.15 * best.bonus : -0.5) - 0.002 * Math.max(0, u.rank);
  return { unit: u, coverage, lastMatch, matchedAt, best, score };
}

function questionWords(q: Question): Set<string> {
  return new Set(fold(q.raw).split(' '));
}

/**
 * A candidate made of the question's own words is not an answer to it: "Guerrerros Unidos" to "who leads
 * Guerreros Unidos", "Jose Antonio Gonzalez Anaya" to "who will replace Gonzalez Anaya".
 */
function echoesQuestion(q: Question, text: string): boolean {
  const qw = [...questionWords(q)];
  const near = (w: string) => qw.some((x) => x === w || (w.length > 4 && x.length > 4 && editDistance(w, x) <= 1));
  const cw = fold(text)
    .split(' ')
    .filter((w) => w && !STOPWORDS.has(w));
  if (cw.length === 0) return false;
  if (cw.every(near)) return true;
  for (let i = 0; i + 1 < cw.length; i++) if (near(cw[i]!) && near(cw[i + 1]!)) return true;
  return false;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** How close a candidate sits to the question's words in the sentence, rarer words counting more. */
function proximity(c: Candidate, matched: { at: number; w: number }[]): number {
  if (matched.length === 0) return 0;
  let sum = 0;
  let total = 0;
  for (const m of matched) {
    const d = m.at < c.start ? c.start - m.at : m.at >= c.end ? m.at - c.end : 0;
    sum += m.w / (1 + d / 25);
    total += m.w;
  }
  return sum / total;
}

function bestCandidate(
  store: Store,
  q: Question,
  u: Unit,
  ws: Word[],
  matched: { at: number; w: number }[],
  lastMatch: number,
  common: Commonness,
): Candidate | undefined {
  const matchedAt = matched.map((m) => m.at);
  const s = u.text;
  let cands: Candidate[] = [];
  switch (q.kind) {
    case 'date': {
      const asked = new Set(dateCandidates(q.raw).map((d) => d.iso));
      cands = dateCandidates(s).filter((d) => !d.iso || !asked.has(d.iso));
      if (u.date && u.via !== 'passage') {
        // The curated date is the answer where the evidence states it near the question's words; a span of
        // years in the evidence ("from 2014 to 2017") says more than its first year.
        const cur = curatedDate(u.date, s);
        const iso = cur.iso ?? u.date;
        const at = cands.find((c) => c.iso === cur.iso || (c.iso && iso.startsWith(c.iso)) || c.text === cur.text);
        const span = cands.find((c) => / to /.test(c.display) && iso.startsWith(c.display.slice(0, 4)));
        if (span) cands = [{ ...span, bonus: span.bonus + 0.3 }, ...cands.filter((c) => c !== span)];
        else if (at)
          cands = [{ ...cur, start: at.start, end: at.end, text: at.text }, ...cands.filter((c) => c !== at)];
        else if (u.via === 'event') cands = [{ ...cur, start: 0, end: 0 }];
      }
      break;
    }
    case 'count':
    case 'amount': {
      const asked = new Set((q.raw.match(/\d[\d,.]*/g) ?? []).map((x) => x.replace(/,/g, '')));
      cands = numberCandidates(s, q.head, q.kind).filter(
        (c) => !asked.has(c.text.replace(/[^\d.]/g, '')) || c.text.replace(/[^\d.]/g, '') === '',
      );
      break;
    }
    case 'place':
    case 'person':
    case 'entity':
    case 'speaker': {
      // A headline in title case ("Mexico Detains Man Implicated…") has capitals everywhere and names nobody.
      const caps = ws.filter((w) => /^\p{Lu}/u.test(s.slice(w.start, w.end))).length;
      if (ws.length >= 4 && caps / ws.length > 0.6) return undefined;
      const known = findMentions(store, s, false);
      cands = nameCandidates(s).filter((c) => !echoesQuestion(q, c.text) && !/^\d/.test(c.text));
      if (q.kind === 'entity' && q.head)
        cands.push(...headCandidates(s, q.head).filter((c) => !echoesQuestion(q, c.text)));
      for (const c of cands) {
        const hit = known.find((k) => k.start < c.end && k.end > c.start);
        const kind = hit?.kind;
        if (hit && common(hit.entityType, hit.entityId)) c.bonus -= 0.3;
        const before = s.slice(Math.max(0, c.start - 24), c.start).toLowerCase();
        if (q.kind === 'place') {
          if (/\b(in|at|to|near|from|of|state of|city of)\s+(the\s+)?$/.test(before)) c.bonus += 0.3;
          // "being held in Mexico City": the place right after one of the question's words.
          const prevWord = ws.filter((w) => w.end <= c.start).pop();
          if (prevWord && matched.some((m) => m.at === prevWord.start)) c.bonus += 0.1;
          const twoBack = ws.filter((w) => w.end <= c.start).slice(-2)[0];
          if (
            twoBack &&
            matched.some((m) => m.at === twoBack.start) &&
            /^(in|at|to|into|for)$/i.test(prevWord?.folded ?? '')
          )
            c.bonus += 0.3;
          if (kind === 'person') c.bonus -= 0.6;
          if (q.head && fold(s.slice(Math.max(0, c.start - 40), c.end + 20)).includes(q.head)) c.bonus += 0.2;
        } else if (q.kind === 'person' || q.kind === 'speaker') {
          // "Who" is a person first, but an organisation can be the answer ("coordinated by Forbidden Stories").
          if (kind === 'person') c.bonus += 0.5;
          else if (hit?.entityType === 'actor') c.bonus += 0.2;
          else if (hit || !looksLikePersonName(c.text)) c.bonus = Number.NEGATIVE_INFINITY;
        } else {
          if (kind && kind !== 'person') c.bonus += 0.2;
          if (q.head) {
            const near = fold(s.slice(Math.max(0, c.start - 30), Math.min(s.length, c.end + 30)));
            const heads = q.head.split(' ').filter((w) => !STOPWORDS.has(w));
            if (heads.some((h) => near.includes(h) || fold(c.text).includes(h))) c.bonus += 0.3;
          }
        }
      }
      break;
    }
    case 'reason':
      cands = reasonCandidates(s, lastMatch);
      // Without a word like "because", the reason is the sentence itself: say it whole rather than guess a clause.
      if (cands.length === 0 && matchedAt.length)
        cands = [{ text: s, start: 0, end: s.length, display: s.replace(/\s+/g, ' ').trim(), bonus: -0.1 }];
      break;
    default: {
      // What the sentence says right after the question's words, taken from the first cluster of them.
      const sorted = [...matchedAt].sort((x, y) => x - y);
      let end = sorted[0] ?? 0;
      for (const m of sorted) if (m - end <= 60) end = m;
      cands = matchedAt.length ? [phraseCandidate(s, afterLastWord(ws, end))] : [];
    }
  }
  let best: Candidate | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const c of cands) {
    if (c.bonus === Number.NEGATIVE_INFINITY) continue;
    const sc = c.bonus + 0.5 * proximity(c, matched);
    if (sc > bestScore) {
      bestScore = sc;
      best = { ...c, bonus: sc };
    }
  }
  return best;
}

/**
 * A curated date, made exact only where its own evidence says so: a fact dated "October 2020" whose evidence
 * also reads "on October 15" is 15 October 2020. Otherwise the curated precision stands.
 */
function curatedDate(date: string, evidence: string): Candidate {
  const base = { text: date, start: 0, end: 0, iso: date, bonus: 0.3 };
  if (/^\d{4}-\d{2}$/.test(date)) {
    const month = Number(date.slice(5));
    const days = dateCandidates(evidence).filter((c) => !c.iso && monthIndex(c.text) === month);
    const day = days.length === 1 ? /(\d{1,2})/.exec(days[0]!.text)?.[1] : undefined;
    if (day) {
      const iso = `${date}-${day.padStart(2, '0')}`;
      return { ...base, iso, display: formatDate(iso), text: days[0]!.text };
    }
  }
  return { ...base, display: formatDate(date) };
}

const ORG_WORDS =
  /\b(Party|Ministry|Secretariat|Agency|Commission|Council|Court|Congress|Senate|Cartel|Unidos|Group|Office|Department|Administration|Institute|University|Cent(er|re)|Foundation|Bank|Police|Army|Navy|Guard|City|State|Republic|Times|Post|News|Reuters|Project|Lab|International|Law|Initiative|Plan|Program(me)?|Force|Service|Survey|Report|Conference|Summit)\b/;

/** "Who" wants a person: two to five capitalised words that are not an organisation's name. */
function looksLikePersonName(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length >= 2 && words.length <= 5 && !ORG_WORDS.test(text);
}

function afterLastWord(ws: Word[], lastMatch: number): number {
  return ws.find((w) => w.start === lastMatch)?.end ?? 0;
}

// ---------------------------------------------------------------- who said it

/** "Who said …": the extracted quote whose words the question repeats, and the speaker it is attributed to. */
function speaker(store: Store, q: Question, weight: Map<string, number>): Answered | null {
  const a = askStore(store);
  let best: { hit: (typeof hits)[number]; coverage: number } | null = null;
  const hits = a.quotesWithAny(q.terms, 20);
  const total = q.terms.reduce((n, t) => n + (weight.get(t) ?? 1), 0);
  for (const hit of hits) {
    if (!hit.speaker_name && !hit.speaker_label) continue;
    const p = store.passage(hit.passage_id);
    if (!p) continue;
    const around = p.text.slice(Math.max(0, hit.start - p.start - 200), hit.end - p.start + 200);
    const stems = new Set(words(`${hit.text} ${around}`).map((w) => w.stem));
    const inQuote = new Set(words(hit.text).map((w) => w.stem));
    let got = 0;
    for (const t of q.terms) {
      const w = weight.get(t) ?? 1;
      if (inQuote.has(t)) got += w;
      else if (stems.has(t)) got += 0.7 * w;
    }
    const coverage = total ? got / total : 0;
    if (!best || coverage > best.coverage) best = { hit, coverage };
  }
  if (!best || best.coverage < MIN_CONFIDENCE) return null;
  const h = best.hit;
  const p = store.passage(h.passage_id)!;
  return {
    status: 'answered',
    question: q,
    answer: h.speaker_name ?? `${h.speaker_label} (named in the source only by that description)`,
    support: {
      passageId: h.passage_id,
      start: h.start,
      end: h.end,
      sentence: clean(p.text.slice(h.start - p.start, h.end - p.start)),
    },
    confidence: round(Math.min(1, best.coverage)),
    via: 'quote',
  };
}

// ---------------------------------------------------------------- profiles and acronyms

/** "Who is X" / "What is X": the curated profile line of the entity, grounded by its evidence. */
function definition(store: Store, q: Question): Answered | null {
  const r = resolveEntity(store, 'any', q.subject!);
  if (r.status !== 'found') return null;
  const e = r.entity;
  const row = entityRow(store, e.type, e.id);
  if (!row || !row.summary) return null;
  const g = ground(store, row.passage_id, row.evidence);
  if (!g) return null;
  const line = row.summary.split(/,\s(?:who|whose|which|implicated|arrested|selected)\b|;\s/)[0]!.replace(/\.$/, '');
  return {
    status: 'answered',
    question: q,
    answer: `${e.name}: ${line}`,
    support: g,
    confidence: 1,
    via: 'profile',
  };
}

const ACRONYM = /^[\p{Lu}\p{N}]{2,8}$/u;

/** "What does SETEC stand for": the full name the store holds for that acronym, where the corpus states it. */
function expansion(store: Store, q: Question): Answered | null {
  const typed = q.raw.match(/stand for|short for/i)
    ? q.raw.replace(/^.*?\b(?:does|do|did|is)\s+/i, '').replace(/\s+(?:stand|short)\s+for.*$/i, '')
    : q.subject!;
  const acronym = typed.replace(/^(the)\s+/i, '').trim();
  const r = resolveEntity(store, 'any', acronym);
  if (r.status !== 'found') return null;
  const e = r.entity;
  const names = [e.name, ...store.aliases(e.type, e.id).map((a) => a.alias)]
    .filter((n) => fold(n) !== fold(acronym) && !ACRONYM.test(n.replace(/[.\s]/g, '')) && n.split(/\s+/).length > 1)
    .sort((x, y) => y.length - x.length);
  const a = askStore(store);
  for (const name of names) {
    for (const p of a.passagesWithAll([fold(acronym), fold(name)], 5)) {
      const at = findVerbatim(p.text, name) ?? caseless(p.text, name);
      if (!at) continue;
      const sentence = sentenceAround(p, at.start);
      return {
        status: 'answered',
        question: q,
        answer: `${acronym.toUpperCase() === acronym ? acronym : e.name}: ${p.text.slice(at.start, at.end)}`,
        support: sentence,
        confidence: 1,
        via: 'profile',
      };
    }
  }
  return null;
}

function caseless(text: string, needle: string): { start: number; end: number } | null {
  const i = text.toLowerCase().indexOf(needle.toLowerCase());
  return i < 0 ? null : { start: i, end: i + needle.length };
}

function sentenceAround(p: PassageText, offset: number): Grounding {
  const sp = sentenceSpans(p.text).find((s) => offset >= s.start && offset < s.end) ?? {
    start: 0,
    end: p.text.length,
  };
  return {
    passageId: p.id,
    start: p.start + sp.start,
    end: p.start + sp.end,
    sentence: clean(p.text.slice(sp.start, sp.end)),
  };
}

function ground(store: Store, passageId: number, evidence: string): Grounding | null {
  const p = store.passage(passageId);
  if (!p) return null;
  const at = findVerbatim(p.text, evidence);
  if (!at) return null;
  return {
    passageId,
    start: p.start + at.start,
    end: p.start + at.end,
    sentence: clean(p.text.slice(at.start, at.end)),
  };
}

// ---------------------------------------------------------------- no answer

function none(q: Question, reason: string, passages: PassageText[]): Unanswered {
  const nearest: Grounding[] = [];
  for (const p of passages) {
    const g = bestSentence(p, q);
    if (g) nearest.push(g);
  }
  return { status: 'none', question: q, reason, nearest };
}

function bestSentence(p: PassageText, q: Question): Grounding | null {
  let best: Grounding | null = null;
  let bestHits = -1;
  for (const sp of sentenceSpans(p.text)) {
    const text = p.text.slice(sp.start, sp.end);
    const stems = new Set(words(text).map((w) => w.stem));
    const hits = q.terms.filter((t) => stems.has(t)).length;
    if (hits > bestHits) {
      bestHits = hits;
      best = { passageId: p.id, start: p.start + sp.start, end: p.start + sp.end, sentence: clean(text) };
    }
  }
  return best;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
