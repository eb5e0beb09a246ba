/**
 * Finds `needle` in `haystack` word for word: same characters, except that any run of whitespace matches any
 * other (a line break in the source counts as a space). Returns offsets into `haystack`, or null.
 */
export function findVerbatim(haystack: string, needle: string, from = 0): { start: number; end: number } | null {
  const words = needle.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'gu');
  re.lastIndex = from;
  const m = re.exec(haystack);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
