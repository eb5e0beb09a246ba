/**
 * Folding makes names comparable the way a reporter types them: lower case, accents removed, punctuation
 * (apostrophes too) collapsed to single spaces. "Peña Nieto", "PENA NIETO" and "pena-nieto" all fold to "pena nieto".
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Kebab-case ASCII slug from any name. */
export function slugify(text: string): string {
  return fold(text).replace(/ /g, '-');
}
