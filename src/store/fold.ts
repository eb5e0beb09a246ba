const ASCII = /^[\x00-\x7f]*$/;
const ASCII_SEPARATORS = /[^a-z0-9]+/g;
// U+00A0 no-break space, « », and the General Punctuation block (U+2000–U+205F: spaces, dashes, quotes,
// bullets, ellipses, primes, invisible separators).
const ASCII_AND_PUNCTUATION = /^[\x00-\x7f\u00a0\u00ab\u00bb\u2000-\u205f]*$/;
const TYPOGRAPHIC = /[\u00a0\u00ab\u00bb\u2000-\u205f]/g;

/**
 * Folding makes names comparable the way a reporter types them: lower case, accents removed, punctuation
 * (apostrophes too) collapsed to single spaces. "Peña Nieto", "PENA NIETO" and "pena-nieto" all fold to "pena nieto".
 */
export function fold(text: string): string {
  // Plain ASCII has nothing to decompose and no marks: the same result from ASCII-only expressions, several
  // times faster (fold runs on every paragraph and word an ingest reads).
  if (ASCII.test(text)) return text.toLowerCase().replace(ASCII_SEPARATORS, ' ').trim();
  // Typeset English is ASCII plus curly quotes, dashes and no-break spaces: none is a letter or digit, nor
  // decomposes to one, so each is a separator like any ASCII punctuation.
  if (ASCII_AND_PUNCTUATION.test(text)) {
    return text.replace(TYPOGRAPHIC, ' ').toLowerCase().replace(ASCII_SEPARATORS, ' ').trim();
  }
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * fold() for one word of letters and digits, as tokenisers split text: a plain ASCII word only needs lower
 * case, which skips normalisation and three regular expressions for nearly every word of an English article.
 */
export function foldWord(word: string): string {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 127) return fold(word);
  return word.toLowerCase();
}

/** Kebab-case ASCII slug from any name. */
export function slugify(text: string): string {
  return fold(text).replace(/ /g, '-');
}
