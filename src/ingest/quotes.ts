import { type AliasMatcher, type Mention } from './mentions.js';
import { type Span, sentenceSpans } from './sentences.js';

/** A quotation found in a document body, with who said it and how sure the attribution is. */
export interface ExtractedQuote {
  start: number; // offsets of the quoted words (inside the marks) in the body
  end: number;
  text: string;
  passageIndex: number;
  speakerActorId: number | null;
  speakerLabel: string | null;
  method: string;
  confidence: number;
  partial: boolean;
}

interface Attribution {
  actorId: number | null;
  label: string | null;
  method: string;
  confidence: number;
}

const VERBS =
  'said|says|say|told|tells|tell|added|adds|adding|stated|states|wrote|writes|tweeted|tweets|asserted|insisted|insist|insists|recalled|declared|declares|claimed|claims|argued|argues|arguing|continued|expressed|noted|warned|explained|stressed|asked|replied|admitted|deems|deemed|described|urged|announced|acknowledged|conceded|countered';
const VERB_RE = new RegExp(`\\b(?:${VERBS})\\b`, 'g'); // for exec loops
const HAS_VERB = new RegExp(`\\b(?:${VERBS})\\b`); // for tests: no lastIndex state
const SPEECH_CUE = new RegExp(`\\b(?:${VERBS})\\b|according to|in the words of`, 'i');
const PRONOUNS = /^(he|she|they|it|we|i)$/i;
const ROLE_NOUNS =
  /\b(head|director|chief|leader|minister|secretary|president|founder|governor|mayor|adviser|advisor|spokesman|spokeswoman|spokesperson|official|ceo|chairman)\b/i;
const ORG_KINDS: Record<string, string[]> = {
  company: ['company'],
  firm: ['company'],
  party: ['party'],
  commission: ['government_body', 'ngo', 'international_org'],
  ministry: ['government_body'],
  agency: ['government_body', 'intelligence_agency', 'program_office'],
  office: ['government_body', 'program_office'],
  government: ['government_body'],
  organisation: ['ngo', 'international_org', 'media', 'company'],
  organization: ['ngo', 'international_org', 'media', 'company'],
  group: ['ngo', 'criminal_group', 'company'],
};
const PERSON = 'person';

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** A titled work or a name in marks, not speech: every significant word capitalised. */
function looksLikeTitle(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /^[\p{L}]/u.test(w));
  const minor = /^(a|an|the|of|and|or|to|in|on|for|at|by|from|with|de|la|el|y|del|los|las)$/i;
  const significant = words.filter((w) => !minor.test(w));
  return significant.length > 0 && significant.every((w) => /^\p{Lu}/u.test(w)) && !/[.,]$/.test(s.trim());
}

interface QuoteSpan {
  open: number; // index of the opening mark, passage-local
  close: number; // index of the closing mark, passage-local
}

function quoteSpans(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '“') {
      const close = text.indexOf('”', i + 1);
      const nextOpen = text.indexOf('“', i + 1);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) continue;
      out.push({ open: i, close });
      i = close;
    } else if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) break;
      out.push({ open: i, close });
      i = close;
    }
  }
  return out;
}

export interface PassageInput {
  start: number;
  text: string;
}

/**
 * Extracts attributed quotations from a document's passages. Speakers are linked to known actors through
 * `matcher`; pronouns and descriptions are resolved only where the surrounding text makes it certain,
 * otherwise the quote keeps a label and no actor. Unattributed quotations and scare quotes are dropped.
 */
export function extractQuotes(
  passages: PassageInput[],
  matcher: AliasMatcher,
  allMentions: Mention[][] = passages.map((p) => matcher.find(p.text)),
): ExtractedQuote[] {
  const out: ExtractedQuote[] = [];
  const docText = passages.map((p) => p.text);

  passages.forEach((passage, pi) => {
    const text = passage.text;
    const sentences = sentenceSpans(text);
    const mentions = allMentions[pi]!;
    let previous = null as { close: number; attribution: Attribution; sentence: number } | null;

    for (const q of quoteSpans(text)) {
      const inner = text.slice(q.open + 1, q.close);
      const words = wordCount(inner);
      const si = Math.max(
        0,
        sentences.findIndex((s) => q.open >= s.start && q.open < s.end),
      );
      const sentence = sentences[si] ?? { start: 0, end: text.length };
      const beforeStart: number = previous && previous.sentence === si ? previous.close + 1 : sentence.start;
      const before = text.slice(beforeStart, q.open);
      const afterEnd = Math.max(sentence.end, q.close + 1);
      const after = text.slice(q.close + 1, afterEnd);
      const speechNearby = SPEECH_CUE.test(text.slice(sentence.start, sentence.end));

      if (words < 2) continue;
      if (looksLikeTitle(inner)) continue;
      if (words < 4 && !speechNearby) continue;

      const ctx: Ctx = { passages: docText, mentions: allMentions, pi, sentences, matcher };
      let attribution: Attribution | null =
        fromAfter(after, q.close + 1, ctx) ??
        fromBefore(before, beforeStart, ctx) ??
        fromAccordingTo(text.slice(sentence.start, sentence.end), sentence.start, ctx);

      // The second half of a quote split by its attribution: "“…,” said Zavala, adding, “…”".
      if (!attribution && previous && q.open - previous.close < 90) {
        const gap = text.slice(previous.close + 1, q.open);
        if (/^[\s,.;:–—-]*$/.test(gap) || HAS_VERB.test(gap) || /^\s*(but|and)\s+(an?|the)\s*$/i.test(gap)) {
          attribution = {
            ...previous.attribution,
            method: 'continuation',
            confidence: previous.attribution.confidence - 0.05,
          };
        }
      }
      if (!attribution) continue;
      if (words < 4 && attribution.actorId === null) continue;

      // Partial: the quoted words are woven into the writer's sentence rather than introduced by "X said,".
      const partial = /^\p{Ll}/u.test(inner) || (before.trim() !== '' && !/[:,]\s*$/.test(before));
      out.push({
        start: passage.start + q.open + 1,
        end: passage.start + q.close,
        text: inner,
        passageIndex: pi,
        speakerActorId: attribution.actorId,
        speakerLabel: attribution.label,
        method: attribution.method,
        confidence: Math.round(attribution.confidence * 100) / 100,
        partial,
      });
      previous = { close: q.close, attribution, sentence: si };
    }
  });
  return out;
}

interface Ctx {
  passages: string[];
  mentions: Mention[][];
  pi: number;
  sentences: Span[];
  matcher: AliasMatcher;
}

const PHRASE = "((?:[\\p{L}\\p{N}’'.-]+\\s+){0,6}?[\\p{L}\\p{N}’'.-]+)";
const AFTER_VERB_FIRST = new RegExp(`^[\\s,;:–—-]*(?:${VERBS})\\s+(.{1,120})`, 'u');
const AFTER_SPEAKER_FIRST = new RegExp(`^[\\s,;:–—-]*${PHRASE}\\s+(?:${VERBS})\\b`, 'u');

/** "…,” said Zavala" · "…,” the CNDH said" · "…,” he told Milenio TV". */
function fromAfter(after: string, offset: number, ctx: Ctx): Attribution | null {
  const vf = AFTER_VERB_FIRST.exec(after);
  if (vf) {
    const phrase = cutPhrase(vf[1]!);
    const at = offset + after.indexOf(vf[1]!);
    return resolvePhrase(phrase, at, ctx, 'after');
  }
  const sf = AFTER_SPEAKER_FIRST.exec(after);
  if (sf) {
    const at = offset + after.indexOf(sf[1]!);
    return resolvePhrase(sf[1]!, at, ctx, 'after');
  }
  return null;
}

/** "Meade said he would run for the presidency “…" · "he stated that … rejected “…". */
function fromBefore(before: string, offset: number, ctx: Ctx): Attribution | null {
  let last: RegExpExecArray | null = null;
  VERB_RE.lastIndex = 0;
  for (let m = VERB_RE.exec(before); m; m = VERB_RE.exec(before)) last = m;
  if (!last) return null;
  let pre = before.slice(0, last.index);
  // Skip a relative clause between the speaker and the verb: "Valdés Castellanos, who led …, stated".
  pre = pre.replace(/,\s*(?:who|which|whose)\b[^“”]*$/u, ' ');
  pre = pre.replace(/\s+[–—]\s+[^–—]*[–—]\s*$/u, ' ');
  const preEnd = offset + pre.length;
  const mentions = ctx.mentions[ctx.pi]!.filter((m) => m.end <= preEnd && m.start >= offset);
  const pronoun = /\b(he|she|He|She)\b(?!.*\b(he|she|He|She)\b)/.exec(pre);
  const pronounAt = pronoun ? offset + pronoun.index : -1;
  let best = mentions[mentions.length - 1];
  // "Rita Kukertz of Justice in Mexico deems": the speaker is the one before "of".
  if (best && mentions.length > 1) {
    const prev = mentions[mentions.length - 2]!;
    const between = ctx.passages[ctx.pi]!.slice(prev.end, best.start);
    if (/^\s+(of|at|from)\s+$/.test(between) && prev.kind === PERSON) best = prev;
  }
  if (best && best.start > pronounAt) {
    return { actorId: best.entityId, label: null, method: 'before', confidence: 0.9 };
  }
  if (pronoun) return resolvePronoun(pronounAt, ctx);
  const name = /((?:\p{Lu}[\p{L}’'.-]*\s+){0,4}\p{Lu}[\p{L}’'.-]*)\s*$/u.exec(pre.trim());
  if (name && !/^(The|In|But|However|Thus|For|As|If|When|While|It|This|That)$/.test(name[1]!)) {
    return { actorId: null, label: name[1]!.trim(), method: 'before-unlinked', confidence: 0.6 };
  }
  return null;
}

function fromAccordingTo(sentence: string, offset: number, ctx: Ctx): Attribution | null {
  const m = /\b(?:according to|in the words of)\s+(.{1,120})/i.exec(sentence);
  if (!m) return null;
  const phrase = cutPhrase(m[1]!);
  return resolvePhrase(phrase, offset + m.index + m[0].indexOf(m[1]!), ctx, 'according-to');
}

/** The speaker phrase ends at the first comma, clause word or preposition that starts other matter. */
function cutPhrase(s: string): string {
  const cut =
    s.split(
      /[,;:()“”"]|\s[–—]\s|\.\s|\.$|\s(?:who|which|in|on|at|during|after|before|about|adding|late|when|while|to|that)\s/u,
    )[0] ?? s;
  return cut.trim().replace(/[.]$/, '');
}

function resolvePhrase(phrase: string, at: number, ctx: Ctx, method: string): Attribution | null {
  const trimmed = phrase.trim();
  if (!trimmed) return null;
  if (PRONOUNS.test(trimmed)) {
    if (/^(he|she)$/i.test(trimmed)) return resolvePronoun(at, ctx);
    return { actorId: null, label: trimmed, method: 'pronoun-unresolved', confidence: 0.4 };
  }
  const found = ctx.matcher.find(trimmed);
  const isDescription = /^(the|a|an|their|his|her|its|our)\s/i.test(trimmed);
  if (
    found.length > 0 &&
    !(isDescription && ROLE_NOUNS.test(trimmed.slice(0, trimmed.indexOf(trimmed.slice(found[0]!.start)))))
  ) {
    return { actorId: found[0]!.entityId, label: null, method, confidence: 0.95 };
  }
  if (isDescription) return resolveDescription(trimmed, at, ctx);
  if (/^\p{Lu}/u.test(trimmed)) return { actorId: null, label: trimmed, method: `${method}-unlinked`, confidence: 0.6 };
  return null;
}

/** "he said": the subject of the nearest earlier sentence of this passage that names a person. */
function resolvePronoun(at: number, ctx: Ctx): Attribution {
  const local = at;
  const sentences = ctx.sentences.filter((s) => s.start <= local);
  const persons = (m: Mention[], from: number, to: number) =>
    m.filter((x) => x.kind === PERSON && x.start >= from && x.end <= to);
  const subjectOf = (text: string, ms: Mention[]): Mention | undefined =>
    ms.find((m) =>
      /^(?:,[^,]{1,80},)?\s+(?:[a-z]+ed|is|was|has|had|did|does|will|would|could|can|took|became|led|won|told|said|says|made|sought)\b/.test(
        text.slice(m.end, m.end + 90),
      ),
    ) ?? ms[0];
  for (let i = sentences.length - 1; i >= 0; i--) {
    const s = sentences[i]!;
    const ms = persons(ctx.mentions[ctx.pi]!, s.start, Math.min(s.end, local));
    const subject = subjectOf(ctx.passages[ctx.pi]!, ms);
    if (subject) return { actorId: subject.entityId, label: null, method: 'pronoun', confidence: 0.8 };
    // A sentence between whose subject is not "he"/"she" (e.g. "The Leftist leader …") breaks the chain.
    const own = ctx.passages[ctx.pi]!.slice(s.start, Math.min(s.end, local));
    if (i < sentences.length - 1 && !/^(?:[\p{L},]+\s+){0,3}?(he|she)\b/iu.test(own)) break;
  }
  // Only when the quote opens its paragraph does the previous paragraph's subject carry over.
  const first = ctx.sentences[0];
  if (first && local < first.end && ctx.pi > 0) {
    const prevText = ctx.passages[ctx.pi - 1]!;
    const prevSentences = sentenceSpans(prevText);
    const lastSentence = prevSentences[prevSentences.length - 1];
    if (lastSentence) {
      const ms = persons(ctx.mentions[ctx.pi - 1]!, lastSentence.start, lastSentence.end);
      const subject = subjectOf(prevText, ms);
      if (subject) return { actorId: subject.entityId, label: null, method: 'pronoun', confidence: 0.75 };
    }
  }
  return { actorId: null, label: 'unidentified speaker', method: 'pronoun-unresolved', confidence: 0.4 };
}

/** "the former head of Cisen": a person the document itself gives that role; "the company": the company just named. */
function resolveDescription(desc: string, at: number, ctx: Ctx): Attribution {
  const ofTarget = /\b(?:of|at)\s+(.+)$/i.exec(desc);
  if (ROLE_NOUNS.test(desc) && ofTarget) {
    const targets = ctx.matcher.find(ofTarget[1]!);
    const target = targets[0];
    if (target) {
      const holders = new Set<number>();
      ctx.passages.forEach((text, pi) => {
        const ms = ctx.mentions[pi]!;
        for (const t of ms.filter((m) => m.entityId === target.entityId && m.entityType === target.entityType)) {
          for (const p of ms.filter((m) => m.kind === PERSON && m.end <= t.start && t.start - m.end < 80)) {
            const between = text.slice(p.end, t.start);
            if (/^,?\s*(?:who\s+)?(?:led|headed|directed|ran|was (?:the )?(?:head|director|chief) of)\b/.test(between))
              holders.add(p.entityId);
          }
        }
      });
      if (holders.size === 1) {
        return { actorId: [...holders][0]!, label: null, method: 'description', confidence: 0.8 };
      }
    }
    return { actorId: null, label: desc, method: 'description-unresolved', confidence: 0.5 };
  }
  const head = /(\p{L}+)$/u.exec(desc)?.[1]?.toLowerCase() ?? '';
  // Own keys only: "the constructor" must not find Object.prototype.constructor.
  const kinds = Object.hasOwn(ORG_KINDS, head) ? ORG_KINDS[head] : undefined;
  if (kinds) {
    const ms = ctx.mentions[ctx.pi]!.filter((m) => m.end <= at && kinds.includes(m.kind));
    const last = ms[ms.length - 1];
    if (last) return { actorId: last.entityId, label: null, method: 'description', confidence: 0.75 };
  }
  if (head === 'president' || head === 'president-elect') {
    const ms = ctx.mentions[ctx.pi]!.filter((m) => m.end <= at && m.kind === PERSON);
    const last = ms[ms.length - 1];
    if (last) return { actorId: last.entityId, label: null, method: 'description', confidence: 0.7 };
    const first = ctx.sentences[0];
    if (first && at < first.end && ctx.pi > 0) {
      const prev = ctx.mentions[ctx.pi - 1]!.filter((m) => m.kind === PERSON);
      if (prev[0]) return { actorId: prev[0].entityId, label: null, method: 'description', confidence: 0.7 };
    }
  }
  return { actorId: null, label: desc, method: 'description-unresolved', confidence: 0.5 };
}
