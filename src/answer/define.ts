import { fold } from '../store/fold.js';

/** Words in a passage that define a name: where they are (offsets into the text) and what they say. */
export interface Definition {
  start: number;
  end: number;
  text: string;
}

// Small words a name may contain ("Secretaria Tecnica para la Implementacion del Sistema de Justicia Penal").
const INSIDE = new Set(['of', 'for', 'and', 'the', 'on', 'de', 'del', 'la', 'las', 'los', 'el', 'para', 'y', 'en']);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}’'.-]*/gu;

/**
 * Where a text spells an acronym out: "Mexico's national crime victimization survey (ENVIPE 2018)", "Movement
 * for National Regeneration (Morena)", "SETEC stands for the Secretaria Tecnica…". The words before the bracket are taken
 * back to a possessive, a punctuation mark or a small word that cannot be inside a name.
 */
export function acronymExpansions(text: string, acronym: string): Definition[] {
  const out: Definition[] = [];
  const esc = acronym.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of text.matchAll(new RegExp(`\\(\\s*${esc}(?=[\\s),;])`, 'g'))) {
    const before = text.slice(Math.max(0, m.index! - 160), m.index!);
    const words = [...before.matchAll(WORD)];
    let first = words.length;
    for (let i = words.length - 1; i >= 0; i--) {
      const w = words[i]!;
      const gap = before.slice(w.index! + w[0].length, i + 1 < words.length ? words[i + 1]!.index! : before.length);
      if (/[,;:()“”"]/.test(gap) || /[’']s$/.test(w[0])) break;
      if (words.length - i > 8) break;
      first = i;
    }
    // A name does not open with a small word ("of the National…").
    while (first < words.length && INSIDE.has(words[first]![0].toLowerCase())) first++;
    if (words.length - first < 2) continue;
    const start = Math.max(0, m.index! - 160) + words[first]!.index!;
    const end = Math.max(0, m.index! - 160) + words.at(-1)!.index! + words.at(-1)![0].length;
    out.push({ start, end, text: text.slice(start, end) });
  }
  for (const m of text.matchAll(new RegExp(`\\b${esc} stands for (?:the )?([^.;(]{5,120})`, 'g'))) {
    const start = m.index! + m[0].length - m[1]!.length;
    const name = m[1]!.trim();
    out.push({ start, end: start + name.length, text: name });
  }
  // Prefer spellings whose initials give the acronym.
  const initials = (t: string) =>
    t
      .split(/\s+/)
      .filter((w) => !INSIDE.has(w.toLowerCase()))
      .map((w) => fold(w)[0] ?? '')
      .join('');
  const target = fold(acronym).replace(/ /g, '');
  return out.sort((a, b) => Number(initials(b.text).startsWith(target)) - Number(initials(a.text).startsWith(target)));
}

/**
 * Words a text uses to say what `subject` is: "Los Piños (the seat of the Mexican presidency)", "Milenio, a
 * national newspaper,", "the domestic intelligence agency, Cisen,".
 */
export function appositives(text: string, subject: string): Definition[] {
  const out: Definition[] = [];
  const folded = fold(subject);
  if (!folded) return out;
  const tokens = [...text.matchAll(WORD)];
  const n = folded.split(' ').length;
  for (let i = 0; i + n <= tokens.length; i++) {
    // Find the subject by folded words so "Los Pinos" meets "Los Piños".
    const span = tokens.slice(i, i + n);
    if (fold(span.map((x) => x[0]).join(' ')) !== folded) continue;
    const start = span[0]!.index!;
    const end = span.at(-1)!.index! + span.at(-1)![0].length;
    const after = text.slice(end);
    const paren = /^\s*\(((?:the|a|an)\b [^()]{3,100})\)/i.exec(after);
    if (paren) {
      const s = end + after.indexOf(paren[1]!);
      out.push({ start: s, end: s + paren[1]!.length, text: paren[1]! });
    }
    const appos = /^,\s+((?:the|a|an)\b [^,;.()]{3,100}),/i.exec(after);
    if (appos) {
      const s = end + after.indexOf(appos[1]!);
      out.push({ start: s, end: s + appos[1]!.length, text: appos[1]! });
    }
    const before = text.slice(Math.max(0, start - 100), start);
    const pre = /\b((?:the|a|an) [^,;.()]{3,90}),\s*$/i.exec(before);
    if (pre) {
      const s = Math.max(0, start - 100) + pre.index;
      out.push({ start: s, end: s + pre[1]!.length, text: pre[1]! });
    }
  }
  return out;
}
