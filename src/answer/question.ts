import { fold } from '../store/fold.js';

/**
 * What kind of answer a question wants. `definition` and `expansion` are answered from the curated profile
 * of the entity named; the others are extracted from sentences of the corpus.
 */
export type AnswerKind =
  | 'date' // when, what date, in what year
  | 'count' // how many
  | 'amount' // how much, what share/percentage, how big
  | 'place' // where, which state/city/country
  | 'speaker' // who said "…"
  | 'person' // who
  | 'entity' // which agency/company/party…, what is X called
  | 'definition' // who is X, what is X
  | 'expansion' // what does X stand for
  | 'reason' // why
  | 'phrase'; // any other what

export interface Question {
  raw: string;
  /** The question's type as a reporter would name it. */
  type: 'who' | 'who said' | 'when' | 'where' | 'how many' | 'how much' | 'what' | 'which' | 'why';
  kind: AnswerKind;
  /** "how many <phone numbers>", "which <agency>": the noun the answer should attach to. */
  head?: string;
  /** For definition/expansion questions: the name asked about. */
  subject?: string;
  /** Content words (folded), question words and stopwords removed. */
  terms: string[];
}

export const STOPWORDS = new Set(
  `a an the of to in on at by for from with as and or but is are was were be been being do does did done has have had
  having it its this that these those there their they them he she his her him i we you your our us who whom whose
  what which when where why how many much whether if than then so not no into over under about after before between
  during since until up down out off again further once here all any both each few more most other some such only own
  same too very can could will would shall should may might must just also s t ever according said say says tell told
  stand for called name named happen happened take took place time date day year years month get got make made
  become became mexico mexican mexicos`
    .split(/\s+/)
    .filter(Boolean),
);

// Words that only shape the question ("what date was X arrested" → the date words are not content).
const PLACE_NOUNS = new Set(['state', 'city', 'country', 'capital', 'town', 'region', 'municipality', 'place']);
const SPEECH = /^(said|say|says|told|tweeted|wrote|writes|called|asked|stated|warned|declared|described|argued)\b/;

/** Strips plural and verb endings so "arrested", "arrest" and "arrests" meet. Folded input. */
// Irregular past forms meet their present: "Where did Zerón flee" is answered by "Zerón fled to Israel".
const IRREGULAR: Record<string, string> = {
  fled: 'flee',
  held: 'hold',
  led: 'lead',
  won: 'win',
  began: 'begin',
  begun: 'begin',
  took: 'take',
  taken: 'take',
  went: 'go',
  gone: 'go',
  fought: 'fight',
  sought: 'seek',
  brought: 'bring',
  caught: 'catch',
  became: 'become',
  chose: 'choose',
  chosen: 'choose',
  wrote: 'write',
  written: 'write',
  ran: 'run',
  shot: 'shoot',
  hid: 'hide',
  left: 'leave',
  met: 'meet',
  paid: 'pay',
  sold: 'sell',
  spent: 'spend',
  struck: 'strike',
  threw: 'throw',
  thrown: 'throw',
  thought: 'think',
  gave: 'give',
  given: 'give',
  knew: 'know',
  known: 'know',
  grew: 'grow',
  drew: 'draw',
  kept: 'keep',
  lost: 'lose',
  built: 'build',
  sent: 'send',
  stole: 'steal',
  stolen: 'steal',
  fell: 'fall',
  killed: 'kill',
  died: 'die',
  dead: 'die',
  death: 'die',
  deaths: 'die',
};

export function stem(word: string): string {
  let w = IRREGULAR[word] ?? word;
  if (w.length >= 5) {
    const cut = w.replace(/(ations?|ments?|ings?|edly|ies|ied|ed|es|s|e)$/, '');
    if (cut.length >= 3) w = cut;
    // "governor" meets "governed", "reporter" meets "reported".
    if (w.length >= 7 && /(or|er)$/.test(w)) w = w.slice(0, -2);
  }
  return w.length > 8 ? w.slice(0, 8) : w;
}

/** Content words of a text, folded and stemmed, question and stop words removed. */
export function contentStems(text: string): string[] {
  return fold(text)
    .split(' ')
    .filter((w) => w.length > 1 && !STOPWORDS.has(w))
    .map(stem);
}

export function parseQuestion(input: string): Question {
  const raw = input.replace(/\s+/g, ' ').trim();
  const q = fold(raw);
  const terms = [...new Set(contentStems(raw))];
  const base = { raw, terms };

  const expansion = /\bwhat (?:does|do|did) (.+?) stand for\b/.exec(q) ?? /\bwhat is (.+?) short for\b/.exec(q);
  if (expansion) return { ...base, type: 'what', kind: 'expansion', subject: expansion[1]! };

  if (/^(when|since when|by when|until when)\b/.test(q) || /\b(what|which) (date|day|year|month|time)\b/.test(q))
    return { ...base, type: 'when', kind: 'date' };
  if (/^(in|on|from|by|since) (what|which) (year|date|day|month)\b/.test(q))
    return { ...base, type: 'when', kind: 'date' };

  if (/^where\b/.test(q)) return { ...base, type: 'where', kind: 'place' };

  const many = /\bhow many ([a-z]+(?: [a-z]+)?)/.exec(q);
  if (many) return { ...base, type: 'how many', kind: 'count', head: many[1] };
  if (/\b(how much|how big|how large|by how much|what (share|percentage|percent|proportion|fraction))\b/.test(q))
    return {
      ...base,
      type: 'how much',
      kind: 'amount',
      head: /\bhow (?:big|large) (?:an? )?([a-z]+)/.exec(q)?.[1] ?? /\bhow much ([a-z]+)/.exec(q)?.[1],
    };

  if (/^why\b/.test(q)) return { ...base, type: 'why', kind: 'reason' };

  const who = /^(?:who|whom)\s+(.*)$/.exec(q);
  if (who) {
    const rest = who[1]!;
    if (SPEECH.test(rest)) return { ...base, type: 'who said', kind: 'speaker' };
    const def = /^(?:is|was|are|were) (.+)$/.exec(rest);
    if (def && def[1]!.split(' ').length <= 6) return { ...base, type: 'who', kind: 'definition', subject: def[1]! };
    return { ...base, type: 'who', kind: 'person' };
  }
  if (/^whose\b/.test(q)) return { ...base, type: 'who', kind: 'entity' };

  const named = /^what (?:is|was) the name of (?:the )?([a-z]+)/.exec(q);
  if (named)
    return {
      ...base,
      type: 'what',
      kind: /^(man|woman|person|official|suspect)$/.test(named[1]!) ? 'person' : 'entity',
    };

  const which =
    /^(?:which|what)\s+((?:[a-z]+ ){0,2}?)(state|city|country|capital city|capital|town|region|municipality)\b/.exec(q);
  if (which && /^which\b/.test(q)) return { ...base, type: 'which', kind: 'place', head: which[2] };
  const whichNoun = /^which ([a-z]+(?: [a-z]+)?)/.exec(q);
  if (whichNoun) {
    const head = whichNoun[1]!.split(' ');
    const noun = head.find((w) => PLACE_NOUNS.has(w));
    if (noun) return { ...base, type: 'which', kind: 'place', head: noun };
    return { ...base, type: 'which', kind: 'entity', head: whichNoun[1] };
  }
  const whatDef = /^what (?:is|was|are|were) (?:the )?(.+)$/.exec(q);
  if (whatDef && !/\bcalled$|\bnamed$|\bknown as$/.test(q) && whatDef[1]!.split(' ').length <= 5)
    return { ...base, type: 'what', kind: 'definition', subject: whatDef[1]! };
  if (/\b(called|named|known as)$/.test(q)) return { ...base, type: 'what', kind: 'entity' };
  return { ...base, type: 'what', kind: 'phrase' };
}
