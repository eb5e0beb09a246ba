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
  private byFirst = new Map<string, { words: string[]; entry: AliasEntry; acronym: boolean }[]>();

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
      const list = this.byFirst.get(words[0]!) ?? [];
      list.push({ words, entry, acronym: isAcronym(entry.alias) });
      this.byFirst.set(words[0]!, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  find(text: string, offset = 0): Mention[] {
    const toks = tokens(text);
    const out: Mention[] = [];
    for (let i = 0; i < toks.length; i++) {
      const candidates = this.byFirst.get(toks[i]!.folded);
      if (!candidates) continue;
      for (const c of candidates) {
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
