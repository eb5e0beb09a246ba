import { type Span, sentenceSpans } from './sentences.js';
import { paragraphs } from './furniture.js';

export interface PassageSpan extends Span {
  text: string;
}

/** Paragraphs longer than this are cut at sentence boundaries into pieces of about TARGET characters. */
const MAX_PARAGRAPH = 1200;
const TARGET = 700;

/**
 * Passages: paragraphs of the body with furniture cut out; a paragraph broken by a page turn (it ends without
 * closing punctuation and the next begins in lower case) is joined again; long paragraphs are split at
 * sentence boundaries. Offsets are into `body`.
 */
export function splitPassages(body: string, furniture: Span[]): PassageSpan[] {
  // `cut`: the piece ends where furniture interrupts it (a page footer in mid-sentence).
  const pieces: (Span & { cut?: boolean })[] = [];
  for (const p of paragraphs(body)) {
    let cursor = p.start;
    for (const f of furniture) {
      if (f.end <= cursor || f.start >= p.end) continue;
      if (f.start > cursor) pieces.push({ start: cursor, end: f.start, cut: true });
      cursor = Math.max(cursor, f.end);
    }
    if (cursor < p.end) pieces.push({ start: cursor, end: p.end });
  }
  const trimmed = pieces
    .map((s) => ({ ...trim(body, s), cut: s.cut }))
    .filter((s) => s.end > s.start && /[\p{L}\p{N}]/u.test(body.slice(s.start, s.end)))
    // A stub of a few words left before a footer carries no statement of its own.
    .filter((s) => !(s.cut && s.end - s.start < 20 && !/[.!?:;”"’)]$/.test(body.slice(s.start, s.end))));

  const joined: Span[] = [];
  for (const s of trimmed) {
    const prev = joined[joined.length - 1];
    if (prev) {
      const gap = body.slice(prev.end, s.start);
      const prevText = body.slice(prev.start, prev.end);
      if (/^\s+$/.test(gap) && !/[.!?:;”"’)\]]$/.test(prevText) && /^\p{Ll}/u.test(body[s.start]!)) {
        prev.end = s.end;
        continue;
      }
    }
    joined.push({ start: s.start, end: s.end });
  }

  const out: PassageSpan[] = [];
  for (const s of joined) {
    if (s.end - s.start <= MAX_PARAGRAPH) {
      out.push({ ...s, text: body.slice(s.start, s.end) });
      continue;
    }
    const text = body.slice(s.start, s.end);
    let chunkStart: number | null = null;
    let chunkEnd = 0;
    for (const sent of sentenceSpans(text)) {
      if (chunkStart === null) chunkStart = sent.start;
      chunkEnd = sent.end;
      if (chunkEnd - chunkStart >= TARGET) {
        out.push(piece(body, s.start + chunkStart, s.start + chunkEnd));
        chunkStart = null;
      }
    }
    if (chunkStart !== null) out.push(piece(body, s.start + chunkStart, s.start + chunkEnd));
  }
  return out;
}

function trim(body: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  return { start, end };
}

function piece(body: string, start: number, end: number): PassageSpan {
  const t = trim(body, { start, end });
  return { ...t, text: body.slice(t.start, t.end) };
}
