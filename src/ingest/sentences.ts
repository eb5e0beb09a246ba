/** Sentence boundaries that survive abbreviations ("U.S.", "Sept.", "Eric L. Olson") and never fall inside a quotation. */
export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'no',
  'nos',
  'inc',
  'corp',
  'co',
  'jr',
  'sr',
  'gen',
  'col',
  'lt',
  'sgt',
  'gov',
  'sen',
  'rep',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'vs',
  'etc',
  'eg',
  'ie',
  'al',
  'approx',
  'dept',
  'est',
  'fig',
  'vol',
  'pp',
]);

const OPENERS = new Set(['“', '‘']);
const CLOSERS = new Set(['”', '’']);

/** Splits `text` into sentence spans (offsets into `text`). */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let depth = 0;
  let straightOpen = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '“') depth++;
    else if (ch === '”') depth = Math.max(0, depth - 1);
    else if (ch === '"') straightOpen = !straightOpen;
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    // Let closing quotes/brackets ride with the sentence they end.
    let j = i + 1;
    while (j < text.length && (CLOSERS.has(text[j]!) || text[j] === '"' || text[j] === ')')) {
      if (text[j] === '”') depth = Math.max(0, depth - 1);
      if (text[j] === '"') straightOpen = !straightOpen;
      j++;
    }
    if (depth > 0 || straightOpen) continue;
    if (j < text.length && !/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < text.length && /\s/.test(text[k]!)) k++;
    if (k >= text.length) break;
    const next = text[k]!;
    if (!/[\p{Lu}\p{N}“"‘(¿¡•-]/u.test(next)) continue;
    if (ch === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, i - 12), i))?.[1] ?? '';
      const bare = word.replace(/\./g, '').toLowerCase();
      if (ABBREVIATIONS.has(bare)) continue;
      if (/^\p{Lu}$/u.test(word)) continue; // an initial: "Eric L. Olson"
      if (/^(\p{L}\.)+\p{L}?$/u.test(word)) {
        // "U.S." ends a sentence only before a clear new-sentence opener.
        if (!/^(The|This|That|It|In|But|However|He|She|They|We|A|An)\b/.test(text.slice(k))) continue;
      }
    }
    spans.push({ start, end: j });
    start = k;
  }
  if (start < text.length && text.slice(start).trim()) spans.push({ start, end: text.trimEnd().length });
  return spans;
}

export function isOpener(ch: string): boolean {
  return OPENERS.has(ch);
}
