import { fold } from '../store/fold.js';

/** A lookup table keyed by user words: without a prototype, "constructor" or "toString" find nothing. */
function ownKeys<T>(table: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, table);
}

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
  /**
   * Stems that name the kind of answer wanted rather than what it is about ("which *party*", "what *share*",
   * "how *big*"): they support a sentence that has them but do not count against one that does not.
   */
  frame: string[];
  /** Capitalised names the question is about ("Tomas Zeron"): a sentence that names none of them is about someone else. */
  names: string[];
  /** "Who was *the mayor* of Iguala": the role a person question names, stemmed; the answer is whoever holds it. */
  role?: string;
  /**
   * The participle a passive question turns on ("where was X *held*", "when was Y *arrested*"), or the verb of
   * an active one ("when did X *return*"), stemmed: a sentence without it tells of something else that
   * happened to X. SAYING for any verb of saying.
   */
  predicate?: string;
  /** "What share / percentage / proportion": the answer is a part of a whole, not any number. */
  share?: boolean;
  /** "Where is NSO Group from", "from which country…": the answer is where the subject comes from. */
  origin?: boolean;
  /** "From where was Borge taken": the answer is what the sentence says something went from. */
  source?: boolean;
}

export const STOPWORDS = new Set(
  `a an the of to in on at by for from with as and or but is are was were be been being do does did done has have had
  having it its this that these those there their they them he she his her him i we you your our us who whom whose
  what which when where why how many much whether if than then so not no into over under about after before between
  during since until up down out off again further once here all any both each few more most other some such only own
  same too very can could will would shall should may might must just also s t ever according said say says tell told
  stand for called name named happen happened take took place time date day year years month get got make made
  become became mexico mexican mexicans mexicos within else besides against like isn aren wasn weren didn doesn don hasn
  haven hadn couldn wouldn shouldn`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Grammar words only: they may open or close a name phrase but are never part of one. Unlike STOPWORDS this keeps
 * "Mexico" ("Mexico City" is a place, not "City") and the calendar words.
 */
export const FUNCTION_WORDS = new Set(
  `a an the of to in on at by for from with as and or but is are was were be been being do does did has have had it
  its this that these those there their they them he she his her him i we you your our us who whom whose what which
  when where why how so not no if than then also according said says while after before since during until just
  meanwhile however although though besides indeed instead finally first second third`
    .split(/\s+/)
    .filter(Boolean),
);

// Words that only shape the question ("what date was X arrested" → the date words are not content).
const PLACE_NOUNS = new Set(['state', 'city', 'country', 'capital', 'town', 'region', 'municipality', 'place']);
const SPEECH =
  /^(said|say|says|told|tweeted|wrote|writes|written|called|asked|stated|warned|declared|described|argued|spoke|spoken|reported|announced|insists?|insisted|claims?|claimed|maintains?|maintained)\b/;

/** Strips plural and verb endings so "arrested", "arrest" and "arrests" meet. Folded input. */
// Irregular past forms meet their present: "Where did Zerón flee" is answered by "Zerón fled to Israel".
const IRREGULAR: Record<string, string> = ownKeys({
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
  withheld: 'withhold',
  flight: 'fly',
  flew: 'fly',
  flown: 'fly',
  bought: 'buy',
  spoke: 'speak',
  spoken: 'speak',
  told: 'tell',
  killed: 'kill',
  died: 'die',
  dead: 'die',
  death: 'die',
  deaths: 'die',
});

/** "retaken" is "retake", "overthrown" is "overthrow": an irregular form behind a common prefix. */
function prefixed(word: string): string | undefined {
  const m = /^(re|with|over|under|out|mis|up)(.+)$/.exec(word);
  const base = m && m[2]!.length >= 3 ? IRREGULAR[m[2]!] : undefined;
  return base && !/^(dead|death|deaths|die)$/.test(m![2]!) ? m![1]! + base : undefined;
}

const SUFFIXES = [
  'ations',
  'ation',
  'ating',
  'ated',
  'ates',
  'ments',
  'ment',
  'ings',
  'ing',
  'edly',
  'ies',
  'ied',
  'ed',
  'es',
  's',
  'e',
];

// Stems are asked for every word of every candidate passage; the vocabulary is small, so remember them.
const stemmed = new Map<string, string>();

export function stem(word: string): string {
  let hit = stemmed.get(word);
  if (hit === undefined) {
    hit = stemWord(word);
    if (stemmed.size > 100_000) stemmed.clear();
    stemmed.set(word, hit);
  }
  return hit;
}

function stemWord(word: string): string {
  let w = IRREGULAR[word] ?? prefixed(word) ?? word;
  // "narrowly" meets "narrow", "reportedly" meets "reported"; "family", "daily" keep their y.
  if (w.length >= 7 && /[^i]ly$/.test(w)) w = w.slice(0, -2);
  if (w.length >= 5) {
    // The longest ending that leaves a stem of three letters: "inaugurated" and "inauguration" both give
    // "inaugur"; "stated" keeps "stat".
    for (const suffix of SUFFIXES)
      if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
        w = w.slice(0, -suffix.length);
        // "dropped" meets "drop", "planning" meets "plan" ("called" and "passed" keep their double letter).
        if (/^(ed|ing|ings)$/.test(suffix) && /([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
        break;
      }
    // "governor" meets "governed", "reporter" meets "reported".
    if (w.length >= 7 && /(or|er)$/.test(w)) w = w.slice(0, -2);
  }
  w = w.length > 8 ? w.slice(0, 8) : w;
  return SAME_MEANING[w] ?? w;
}

// Plain-English verbs reporters and writers swap freely ("fled" / "escaped", "bought" / "purchased"): one stem
// stands for both so that a question in one word finds the sentence written in the other.
const SAME_MEANING: Record<string, string> = ownKeys({
  escap: 'flee',
  purchas: 'buy',
  victory: 'win',
});

/** Content words of a text, folded and stemmed, question and stop words removed. */
export function contentStems(text: string): string[] {
  return fold(text)
    .split(' ')
    .filter((w) => w.length > 1 && !STOPWORDS.has(w))
    .map(stem);
}

// Auxiliaries and prepositions end the noun a "how many"/"which" question asks about.
const HEAD_STOP = new Set(
  `did do does was were is are has have had will would can could must should may might be been of in on at for from
  to with by about that who which than per after before during since until while when`
    .split(/\s+/)
    .filter(Boolean),
);
const AUXILIARY = /^(did|do|does|was|were|is|are|has|have|had|will|would|can|could|must)$/;
const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'police', 'personnel', 'staff']);

/**
 * The noun phrase after "how many" / "which": "how many former PRI governors were…" → "former pri governors",
 * "which party backed…" → "party". It stops at an auxiliary or preposition, at a past-tense verb, and after a
 * plural noun (the verb comes next: "how many Guatemalans enter").
 */
function headPhrase(rest: string): string | undefined {
  const out: string[] = [];
  const words = rest.split(' ');
  for (const [i, w] of words.entries()) {
    if (!w || HEAD_STOP.has(w) || out.length >= 4) break;
    // "which capo's arrest": the possessor is what is asked for.
    // ("U.S." folds to "u s": a lone letter before it is an abbreviation's.)
    if (w === 's' && out.length > 0 && out.at(-1)!.length > 1) break;
    // "former and current governors": a conjunction inside the noun phrase does not end it.
    if ((w === 'and' || w === 'or') && out.length > 0) {
      out.push(w);
      continue;
    }
    if (out.length > 0 && (/ed$/.test(w) || IRREGULAR[w])) break;
    out.push(w);
    // A plural ends the phrase unless the word after next is a verb: "ratings agency warned" goes on.
    if ((/[^s]s$/.test(w) && w.length > 3) || IRREGULAR_PLURALS.has(w)) {
      const after = words[i + 2];
      if (!after || (!AUXILIARY.test(after) && !/ed$/.test(after))) break;
    }
  }
  return out.length ? out.join(' ') : undefined;
}

/** Capitalised names in the question, as typed ("Tomas Zeron", "Gonzalez Anaya"); the opening word is not one. */
function namesIn(raw: string): string[] {
  const words = raw
    .replace(/[?!.,;:"“”()]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const names: string[] = [];
  let cur: string[] = [];
  const flush = () => {
    if (cur.length) names.push(cur.join(' '));
    cur = [];
  };
  words.forEach((w, i) => {
    const bare = w.replace(/[’']s$/, '');
    const capital =
      /^\p{Lu}\p{Ll}/u.test(bare) && i > 0 && !FUNCTION_WORDS.has(fold(bare)) && !STOPWORDS.has(fold(bare));
    if (capital) cur.push(bare);
    else flush();
    if (bare !== w) flush();
  });
  flush();
  return names;
}

/** "was the mayor of…", "is Mexico's current attorney general": the role noun, stemmed. */
function roleOf(rest: string): string | undefined {
  const m =
    /^(?:is|was|are|were|will be|would be) (?:the )?(?:[a-z]+ s )?((?:[a-z]+ ){0,2}?)([a-z]+)(?: of| in| at| for| when| during| who|$)/.exec(
      rest,
    );
  if (!m) return undefined;
  const words = `${m[1]}${m[2]}`.trim().split(' ');
  const noun = words.filter((w) => !QUALIFIER_WORDS.has(w) && !STOPWORDS.has(w)).pop();
  return noun && !/^[A-Z]/.test(noun) ? stem(noun) : undefined;
}
const QUALIFIER_WORDS = new Set(['current', 'first', 'last', 'former', 'second', 'new', 'next', 'previous', 'only']);

/** The last past participle of a passive question ("was … held", "were … arrested"), if it has one. */
function participle(q: string, raw: string): { predicate?: string } {
  if (!/^(?:\S+ ){0,3}?(?:was|were|is|are|been|be)\b/.test(q)) return {};
  // A capitalised word is a name's ("the United States"), never the participle.
  const named = new Set(
    raw
      .split(/\s+/)
      .slice(1)
      .filter((w) => /^\p{Lu}/u.test(w))
      .flatMap((w) => fold(w).split(' ')),
  );
  const ws = q.split(' ');
  for (let i = ws.length - 1; i > 1; i--) {
    const w = ws[i]!;
    if ((STOPWORDS.has(w) && !IRREGULAR[w]) || named.has(w)) continue;
    if (SPEECH.test(w)) return {};
    if ((/[^e]ed$/.test(w) && w.length > 4) || (IRREGULAR[w] && IRREGULAR[w] !== w && !/^(dead|death|deaths)$/.test(w)))
      return { predicate: stem(w) };
  }
  return {};
}

// Words that end the subject of "did/will … <verb>": what follows a verb, never the verb itself.
const AFTER_VERB = new Set(
  `the a an his her its their this that these those to in on at by for from with as into onto about against after
  before during since until over under through out up down off away back aside besides of every each all some
  any no more most he she it they him them we you i was were is are be been will would could can should did does do has have had`
    .split(/\s+/)
    .filter(Boolean),
);
// Lower-case words that stand before a name as part of the subject ("general Cienfuegos").
const TITLES = new Set(
  `general gen president former ex secretary minister governor senator mayor attorney judge colonel captain
  commander lieutenant sergeant deputy lawmaker congressman congresswoman ambassador director chief`
    .split(/\s+/)
    .filter(Boolean),
);
const SPEECH_VERBS = new Set(['say', 'says', 'tell', 'claim', 'state', 'announce', 'declare', 'argue']);
// Verbs too light to check for: "get a doctorate", "take office", "become head" say it in other words.
const LIGHT_VERBS = new Set(['get', 'make', 'take', 'become', 'happen', 'have', 'go', 'come', 'give', 'do', 'be']);

/**
 * The verb of an active question with an auxiliary ("when did general Cienfuegos *return* to Mexico", "who will
 * *head* the ministry", "what did Pena *say* he would do"): the first content word after the auxiliary that
 * is followed by what follows a verb (an article, a preposition, a pronoun, a name, the end). Verbs of saying
 * come back as SAYING: any of them answers.
 */
function activeVerb(raw: string): { predicate?: string } {
  const bare = raw.replace(/[?!.]+$/, '');
  const m = /^(?:[A-Za-z]+ ){1,3}?(?:did|does|do|will|would|can|could|has|have|had|should|might|must)\s+(.+)$/i.exec(
    bare,
  );
  if (!m) return {};
  const ws = m[1]!.split(/\s+/).filter(Boolean);
  // "Which party had some members…": "had" before a determiner is the verb itself, and a light one ("who has
  // to sign" is a modal: the verb follows).
  const had = /\b(?:has|have|had)\s+$/i.test(bare.slice(0, bare.length - m[1]!.length));
  if (had && fold(ws[0] ?? '') === 'to') ws.shift();
  else if (had && AFTER_VERB.has(fold(ws[0] ?? ''))) return {};
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const f = fold(w);
    if (/^\p{Lu}/u.test(w) || /\d/.test(w) || /[’']s$/.test(w) || f.includes(' ')) continue;
    if (SPEECH_VERBS.has(f)) return { predicate: SAYING };
    if (LIGHT_VERBS.has(f)) return {};
    if (f.length < 3 || STOPWORDS.has(f) || AFTER_VERB.has(f) || TITLES.has(f) || /ly$/.test(f)) continue;
    const next = ws[i + 1];
    // "did Lopez Obrador's party have": a word before a light verb is the subject's.
    if (next !== undefined && LIGHT_VERBS.has(fold(next))) continue;
    if (next === undefined || /^\p{Lu}/u.test(next) || /^\d/.test(next) || AFTER_VERB.has(fold(next)))
      return { predicate: stem(f) };
  }
  return {};
}
/** The predicate of a question about what someone said: any verb of saying in the cited words answers it. */
export const SAYING = '\u0000say';
export const SAYING_WORDS = new Set(
  'said say says told tell tells stated states announced announces declared declares argued argues claimed claims added adds insisted insists noted notes wrote writes vowed vows promised promises pledged pledges according'
    .split(' ')
    .map(stem),
);

// Words a reporter adds that ask nothing: "what is pegasus exactly".
const FILLERS = /\b(?:exactly|actually|really|basically|precisely|please|anyway)\b/gi;
const WH = /\b(?:who|whom|whose|what|which|when|where|why|how)\b/;

/**
 * The part of a folded question that says what kind of answer it wants: all of it when it opens with a question
 * word; else from its question word on ("after congress gave it the green light, *who has to sign…*",
 * "Hulio gave an interview to *which TV network…*", "students taken *where by the gang*").
 */
function typedPart(q: string): string {
  const plain = q.replace(FILLERS, ' ').replace(/\s+/g, ' ').trim();
  if (/^(?:(?:[a-z]+ )?(?:what|which)|who|whom|whose|when|where|why|how|since when|by when|until when)\b/.test(plain))
    return plain;
  const at = WH.exec(plain);
  return at ? plain.slice(at.index) : plain;
}

export function parseQuestion(input: string): Question {
  const raw = input.replace(/\s+/g, ' ').trim();
  const folded = fold(raw);
  const terms = [...new Set(contentStems(raw.replace(FILLERS, ' ')))];
  const verb = participle(folded, raw);
  const q = typedPart(folded);
  // "After congress gave it the green light, *who has to sign* the law": the verb is the question's, not the clause's.
  const asked =
    q === folded ? raw : raw.slice(Math.max(0, raw.search(/\b(?:who|whom|whose|what|which|when|where|why|how)\b/i)));
  const base = {
    raw,
    terms,
    frame: [] as string[],
    names: namesIn(raw),
    ...(verb.predicate ? verb : activeVerb(asked)),
  };
  // The noun that names the answer's kind is the last word of the head ("former PRI *governors*").
  const framed = (words: string | undefined) => {
    base.frame = words ? contentStems(words.split(' ').pop()!) : [];
    return base;
  };

  const expansion = /\bwhat (?:does|do|did) (.+?) stand for\b/.exec(q) ?? /\bwhat is (.+?) short for\b/.exec(q);
  if (expansion) return { ...base, type: 'what', kind: 'expansion', subject: expansion[1]! };

  // "What years did the analysis cover" asks for dates as much as "what year" does.
  if (/^(when|since when|by when|until when)\b/.test(q) || /\b(what|which) (date|day|year|month|time)s?\b/.test(q))
    return { ...base, type: 'when', kind: 'date' };
  if (/^(in|on|from|by|since) (what|which) (year|date|day|month)s?\b/.test(q))
    return { ...base, type: 'when', kind: 'date' };

  // "Where is NSO Group from", "NSO Group is from which country": where someone comes from, not where anything
  // happened.
  const origin =
    /^where (?:is|are|was|were|does|do|did) .+ (?:come |hail )?from$/.test(q) ||
    /\bfrom (?:which|what) (?:country|nation)\b/.test(folded) ||
    /^(?:which|what) (?:country|nation) (?:is|are|was|were|does|do|did) .+ (?:come |hail )?from$/.test(q);
  // ("Come from" only frames the question.)
  if (origin) base.terms = base.terms.filter((t) => t !== 'come' && t !== 'hail');
  if (/^from where\b/.test(folded)) return { ...base, type: 'where', kind: 'place', source: true };
  if (/^where\b/.test(q)) return { ...base, type: 'where', kind: 'place', ...(origin ? { origin } : {}) };

  const many = /\bhow many (.*)$/.exec(q);
  if (many) {
    const head = headPhrase(many[1]!);
    return { ...framed(head), type: 'how many', kind: 'count', head };
  }
  const share = /\b(?:what|which) (share|percentage|percent|proportion|fraction|portion)\b/.exec(q);
  const size = /\bhow (big|large|long|old|far|much)\b(?: (?:an? )?([a-z]+))?/.exec(q);
  // "How much of the guns recovered are long guns" asks for a part of a whole, as "what share" does.
  const partOf = /\bhow much of\b/.test(q);
  if (share || size || /\bby how much\b/.test(q)) {
    const head = size && size[2] && !HEAD_STOP.has(size[2]) ? size[2] : undefined;
    return {
      ...framed(share?.[1] ?? size?.[1]),
      type: 'how much',
      kind: 'amount',
      head,
      ...(share || partOf ? { share: true } : {}),
    };
  }

  // A why-question's verb is often hidden in a clause ("why could legalising cannabis take years"): only a
  // passive participle is held to.
  if (/^why\b/.test(q)) {
    const { predicate: _active, ...rest } = base;
    return { ...rest, ...verb, type: 'why', kind: 'reason' };
  }

  const who = /^(?:who|whom)\s+(.*)$/.exec(q);
  if (who) {
    const rest = who[1]!;
    if (SPEECH.test(rest)) return { ...base, type: 'who said', kind: 'speaker' };
    const def = /^(?:is|was|are|were) (.+)$/.exec(rest);
    const role = roleOf(rest);
    if (def && def[1]!.split(' ').length <= 6)
      return { ...base, type: 'who', kind: 'definition', subject: def[1]!, ...(role ? { role } : {}) };
    return { ...base, type: 'who', kind: 'person', ...(role ? { role } : {}) };
  }
  if (/^whose\b/.test(q)) return { ...base, type: 'who', kind: 'entity' };

  const named = /^what (?:is|was) the name of (?:the )?([a-z]+)/.exec(q);
  if (named)
    return {
      ...base,
      type: 'what',
      kind: /^(man|woman|person|official|suspect)$/.test(named[1]!) ? 'person' : 'entity',
    };

  const which = /^(?:(?:in|from|to|at|of|by|for|with) )?(?:which|what) (.*)$/.exec(q);
  if (which && /^(?:[a-z]+ )?which\b/.test(q)) {
    const head = headPhrase(which[1]!);
    const noun = head
      ?.split(' ')
      .find((w) => PLACE_NOUNS.has(w) || PLACE_NOUNS.has(w.replace(/(ies|s)$/, (m) => (m === 'ies' ? 'y' : ''))));
    if (noun) return { ...framed(head), type: 'which', kind: 'place', head: noun, ...(origin ? { origin } : {}) };
    if (head) return { ...framed(head), type: 'which', kind: 'entity', head };
  }
  const whatDef = /^what (?:is|was|are|were) (?:the )?(.+)$/.exec(q);
  if (whatDef && !/\bcalled$|\bnamed$|\bknown as$/.test(q) && whatDef[1]!.split(' ').length <= 5)
    return { ...base, type: 'what', kind: 'definition', subject: whatDef[1]! };
  if (/\b(called|named|known as)$/.test(q)) return { ...base, type: 'what', kind: 'entity' };
  // "What was the peso's exchange *rate* against the dollar…": the thing asked about, which the answer's
  // sentence must name.
  const thing = whatDef ? thingAsked(whatDef[1]!) : which ? nounBeforeVerb(which[1]!) : undefined;
  return { ...base, type: 'what', kind: 'phrase', ...(thing ? { head: thing } : {}) };
}

// Words that end the noun phrase of "what was the … <noun>" besides the grammar words.
const PHRASE_END = new Set(['against', 'per', 'among', 'toward', 'towards', 'across', 'amid', 'versus', 'without']);
// Nouns that say nothing of what is asked: "what are the *names* of…".
const EMPTY_THINGS = new Set(['name', 'names', 'kind', 'kinds', 'type', 'types', 'sort', 'number', 'list']);

/**
 * "What news *magazine* featured Doval", "what major *law* did Peña Nieto get passed": the noun between "what"
 * and the verb, when a verb or an auxiliary follows it.
 */
function nounBeforeVerb(rest: string): string | undefined {
  const head = headPhrase(rest);
  if (!head) return undefined;
  const words = head.split(' ');
  const next = rest.split(' ')[words.length];
  const first = words[0]!;
  const noun = words.at(-1)!;
  if (!next || /ed$/.test(first) || IRREGULAR[first] || STOPWORDS.has(first) || EMPTY_THINGS.has(noun))
    return undefined;
  return AUXILIARY.test(next) || /ed$/.test(next) ? noun : undefined;
}

/** The noun of "what was the peso's exchange rate against…": "rate". */
function thingAsked(rest: string): string | undefined {
  const taken: string[] = [];
  // A possessor ("the peso's") opens the phrase; the noun it owns is the thing.
  for (const w of rest.replace(/^(?:[a-z]+ s )/, '').split(' ')) {
    if (!w || STOPWORDS.has(w) || FUNCTION_WORDS.has(w) || PHRASE_END.has(w) || taken.length >= 4) break;
    if (taken.length > 0 && (/ed$/.test(w) || IRREGULAR[w])) break;
    taken.push(w);
  }
  const noun = taken.pop();
  return noun && !EMPTY_THINGS.has(noun) ? noun : undefined;
}
