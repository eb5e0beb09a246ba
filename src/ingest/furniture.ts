import { fold } from '../store/fold.js';
import type { FurnitureSpec } from './corpus.js';
import type { Span } from './sentences.js';

export interface Paragraph extends Span {
  text: string;
}

/** Paragraphs are separated by blank lines; offsets point at their first and past their last non-blank character. */
export function paragraphs(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\n[ \t\u00a0]*\n/g;
  let last = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(body[s]!)) s++;
    while (e > s && /\s/.test(body[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, text: body.slice(s, e) });
  };
  for (let m = re.exec(body); m; m = re.exec(body)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, body.length);
  return out;
}

// Furniture every article may carry, whatever its outlet.
const GENERIC_LINES: RegExp[] = [
  /^Also read:/i,
  /^\((Reuters|AP|AFP)\)$/,
  /^Leave a Comment$/i,
  /^Your email address will not be published/i,
  /^Similar documents$/i,
  /^\d{1,3}$/, // bare page or list numbers
  /^Read (all )?(the|our) .{0,60}coverage.{0,40}here\.?$/i,
];
const GENERIC_INLINE: RegExp[] = [
  // Scanned working papers repeat a footer on every page: "September, 2009 Preliminary version, do not quote 3".
  /(?:\b[A-Z][a-z]+,? \d{4} )?Preliminary version, do not quote(?: \d+)?/g,
];

/**
 * Character ranges of `body` that are page furniture: the article's declared furniture, generic navigation
 * lines, page footers, and any paragraph that repeats an earlier one (captions are often printed twice).
 */
export function findFurniture(body: string, specs: FurnitureSpec[] = []): Span[] {
  const ranges: Span[] = [];
  const paras = paragraphs(body);
  for (const spec of specs) {
    if (typeof spec === 'string') {
      for (let i = body.indexOf(spec); i >= 0; i = body.indexOf(spec, i + spec.length)) {
        ranges.push({ start: i, end: i + spec.length });
      }
      continue;
    }
    const range = lineRange(body, spec);
    if (range) ranges.push(range);
  }
  const seen = new Set<string>();
  for (const p of paras) {
    const line = p.text.trim();
    if (GENERIC_LINES.some((re) => re.test(line))) ranges.push({ start: p.start, end: p.end });
    const key = fold(line);
    // Only whole repeated paragraphs of some length: a repeated short heading may be meaningful.
    if (key.length > 40 && seen.has(key)) ranges.push({ start: p.start, end: p.end });
    seen.add(key);
  }
  for (const re of GENERIC_INLINE) {
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  return mergeSpans(ranges);
}

/** Whole lines from the line equal to `from` through the line equal to `through` (or the end of the body). */
function lineRange(body: string, spec: { from: string; through?: string; through_end?: boolean }): Span | null {
  const lines: Span[] = [];
  let at = 0;
  for (const l of body.split('\n')) {
    lines.push({ start: at, end: at + l.length });
    at += l.length + 1;
  }
  const text = (s: Span) => body.slice(s.start, s.end).trim();
  const from = lines.findIndex((l) => text(l) === spec.from.trim());
  if (from < 0) return null;
  if (spec.through_end) return { start: lines[from]!.start, end: body.length };
  const through = lines.findIndex((l, i) => i >= from && text(l) === (spec.through ?? '').trim());
  return through < 0 ? null : { start: lines[from]!.start, end: lines[through]!.end };
}

export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** True when [start, end) overlaps any furniture range. */
export function inFurniture(furniture: Span[], start: number, end: number): boolean {
  return furniture.some((f) => start < f.end && end > f.start);
}
