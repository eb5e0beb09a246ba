import { fold, foldWord } from '../store/fold.js';

export type EntityType = 'actor' | 'event' | 'policy';

export interface AliasEntry {
  entityType: EntityType;
  entityId: number;
  alias: string;
  kind: string;
  weak: boolean;
}

export interface Mention {
  entityType: EntityType;
  entityId: number;
  kind: string;
  start: number;
  end: number;
}

interface Candidate {
  words: string[];
  entry: AliasEntry;
  acronym: boolean;
}

interface Token {
  start: number;
  end: number;
  folded: string;
  raw: string;
}

const TOKEN = /[\p{L}\p{N}]+/gu;

export function tokens(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, folded: foldWord(m[0]), raw: m[0] });
  }
  return out;
}

/** Short all-capital aliases (PAN, PRI, MI) only match in capitals: "pan" in a sentence is not the party. */
function isAcronym(alias: string): boolean {
  return /^[\p{Lu}\p{N}]{2,6}$/u.test(alias.replace(/[.\s]/g, ''));
}

/**
 * Finds known names in text by longest match over folded tokens. Weak aliases ("Peña", "López") never link
 * automatically; they serve lookup only.
 */
export class AliasMatcher {
  // Aliases by first word, then by second word (names of one word apart): a large store has thousands of names
  // beginning "José" or "María", and every "José" in a text would otherwise be checked against all of them.
  private byFirst = new Map<string, { bySecond: Map<string, Candidate[]>; single: Candidate[] }>();

  /**
   * `anyCase` drops the capital-letter rule for names (acronyms stay case-sensitive): chat questions and
   * messages are often typed in lower case ("when was cienfuegos arrested"), unlike edited copy.
   */
  constructor(
    entries: AliasEntry[],
    private readonly opts: { anyCase?: boolean } = {},
  ) {
    for (const entry of entries) {
      if (entry.weak) continue;
      const words = fold(entry.alias).split(' ').filter(Boolean);
      if (words.length === 0) continue;
      let first = this.byFirst.get(words[0]!);
      if (!first) this.byFirst.set(words[0]!, (first = { bySecond: new Map(), single: [] }));
      const c = { words, entry, acronym: isAcronym(entry.alias) };
      if (words.length === 1) first.single.push(c);
      else {
        const list = first.bySecond.get(words[1]!);
        if (list) list.push(c);
        else first.bySecond.set(words[1]!, [c]);
      }
    }
    // Longest first, so "Salvador Cienfuegos Zepeda" wins over "Salvador Cienfuegos" (sort is stable: among
    // names of one length, the order they came in).
    for (const { bySecond } of this.byFirst.values())
      for (const list of bySecond.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  find(text: string, offset = 0): Mention[] {
    const toks = tokens(text);
    const out: Mention[] = [];
    for (let i = 0; i < toks.length; i++) {
      const first = this.byFirst.get(toks[i]!.folded);
      if (!first) continue;
      // Any name of two words or more that can match here has the next token as its second word; every one of
      // them is longer than a one-word name.
      const next = toks[i + 1];
      const longer = next ? first.bySecond.get(next.folded) : undefined;
      for (const c of longer ? [...longer, ...first.single] : first.single) {
        if (i + c.words.length > toks.length) continue;
        let ok = true;
        for (let w = 0; w < c.words.length && ok; w++) ok = toks[i + w]!.folded === c.words[w];
        if (!ok) continue;
        const first = toks[i]!;
        const last = toks[i + c.words.length - 1]!;
        if (
          c.acronym &&
          text.slice(first.start, last.end).replace(/[.\s]/g, '') !== c.entry.alias.replace(/[.\s]/g, '')
        )
          continue;
        // A name must start with a capital (or digit) in running text: "morena" in lower case is not the party.
        if (!this.opts.anyCase && !/^[\p{Lu}\p{N}]/u.test(first.raw)) continue;
        out.push({
          entityType: c.entry.entityType,
          entityId: c.entry.entityId,
          kind: c.entry.kind,
          start: offset + first.start,
          end: offset + last.end,
        });
        i += c.words.length - 1;
        break;
      }
    }
    return out;
  }
}
