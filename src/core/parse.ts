import { UserError } from './errors.js';
import { MAX_LINE } from './command.js';
import { LONE_SURROGATE } from './reply.js';

export interface ParsedLine {
  command: string;
  /** key:value options in order, keys lower-cased. */
  options: { key: string; value: string }[];
  /** Free words, in order. */
  words: string[];
}

const QUOTE_PAIRS: Record<string, string> = { '"': '"', '“': '”', '«': '»', "'": "'" };

/**
 * Strips what chat clients and terminals can smuggle in: NUL and control characters, direction overrides,
 * and half surrogate pairs (which SQLite and the platforms' JSON would mangle or refuse).
 */
export function cleanInput(line: string): string {
  return line
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
    .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u200b\ufeff]/g, '')
    .replace(LONE_SURROGATE, '\ufffd')
    .normalize('NFC');
}

/**
 * Parses `quote speaker:"Peña Nieto" about:pegasus from:2017 limit:10 words` into the command name, its
 * key:value options and its free words. Values may be quoted with "…", “…” or '…'.
 */
export function parseLine(raw: string): ParsedLine {
  if (raw.length > MAX_LINE)
    throw new UserError('too_long', `That line is ${raw.length} characters long; the limit is ${MAX_LINE}.`);
  const line = cleanInput(raw)
    .trim()
    .replace(/^[/!]/, '')
    .replace(/^beatbook\s+/i, '');
  const tokens = tokenize(line);
  const first = tokens.shift();
  if (!first) return { command: '', options: [], words: [] };
  const options: { key: string; value: string }[] = [];
  const words: string[] = [];
  for (const t of tokens) {
    if (t.key !== undefined) options.push({ key: t.key, value: t.value });
    else words.push(t.value);
  }
  return {
    command: first.key !== undefined ? `${first.key}:${first.value}` : first.value.toLowerCase(),
    options,
    words,
  };
}

interface Token {
  key?: string;
  value: string;
}

function tokenize(line: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    let key: string | undefined;
    const km = /^([A-Za-z_][A-Za-z0-9_-]{0,30}):(?!\/\/)/.exec(line.slice(i));
    if (km) {
      key = km[1]!.toLowerCase();
      i += km[0].length;
    }
    const open = line[i];
    let value = '';
    if (open && QUOTE_PAIRS[open] && !(open === "'" && key === undefined)) {
      const close = QUOTE_PAIRS[open]!;
      const end = line.indexOf(close, i + 1);
      if (end < 0)
        throw new UserError('bad_input', `A ${open} quotation mark is never closed. Close it, or leave it out.`);
      value = line.slice(i + 1, end);
      i = end + 1;
    } else {
      const start = i;
      while (i < line.length && !/\s/.test(line[i]!)) i++;
      value = line.slice(start, i);
    }
    out.push(key !== undefined ? { key, value } : { value });
  }
  return out;
}
