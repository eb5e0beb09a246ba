import { fold } from '../store/fold.js';
import { nameCandidates } from './extract.js';
import { isKnownPlace } from './places.js';

// Words that carry a sentence on from the one before without changing its subject.
const CONNECTIVE =
  /^(?:However|But|And|Yet|Still|Instead|Then|Meanwhile|Indeed|In fact|Also|Nevertheless|Moreover|Furthermore|Thus|So|Later|Finally)\b,?\s+/;
// Case-insensitive: after "However," the pronoun is in lower case.
const ANAPHOR =
  /^(?:he|she|it|they|his|her|its|their|this|that|these|those|such)\b|^the (?:man|woman|suspect|official|minister|president|group|agency|company|law|bill|measure|move|decision|report|party|plan|program(?:me)?)\b/i;

/**
 * Whether `next` goes on about what `first` said, so that an answer `first` leaves out may be read from it:
 * "…publicly confirmed that his government was using the Pegasus spyware. However, he stated that it was being
 * used to fight organised crime." A pronoun subject, a name both sentences share, or — when `first` names
 * nobody — a name opening `next` ("Mexico's finance minister resigned… Jose Antonio Meade had been…").
 */
export function continues(first: string, next: string, firstNamesSomeone: boolean): boolean {
  // A byline or a heading ("Patricio R. Estévez-Soto, PhD Candidate in Security and Crime Science, UCL") carries
  // nothing on: mostly capitals and no stop. (Some of the corpus's paragraphs end a sentence without a stop.)
  if (!/[.!?][”"’')\]]*\s*$/.test(next)) {
    const ws = next.split(/\s+/).filter((w) => /\p{L}/u.test(w));
    if (ws.length && ws.filter((w) => /^\p{Lu}/u.test(w)).length * 2 >= ws.length) return false;
  }
  const body = next.trim().replace(CONNECTIVE, '');
  if (ANAPHOR.test(body)) return true;
  const firstFolded = ` ${fold(first)} `;
  for (const c of nameCandidates(next)) {
    // "Mexico" or "the United States" in both says nothing: most sentences of the corpus name them.
    if (isKnownPlace(c.text)) continue;
    const words = fold(c.text).split(' ');
    const last = words[words.length - 1]!;
    if (firstFolded.includes(` ${fold(c.text)} `) || (last.length >= 4 && firstFolded.includes(` ${last} `)))
      return true;
  }
  if (!firstNamesSomeone) {
    const opening = nameCandidates(body)[0];
    if (opening && body.indexOf(opening.text) === 0 && opening.text.split(/\s+/).length >= 2) return true;
  }
  return false;
}
