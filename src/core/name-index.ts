import { fold } from '../store/fold.js';
import type { AliasCandidate, EntityType, Store } from '../store/queries.js';

/**
 * An in-memory index of names for resolution and autocomplete: every folded alias and its trigrams in compact
 * postings, built once. A query gathers the aliases sharing most (rare) trigrams with it, then reranks only
 * those, word by word with Jaro-Winkler, so the cost follows the candidates, not the table. SQLite's trigram
 * FTS5 does only the first half (issue 9 measured it ~7× slower at 100k names); fuse.js over the whole table is
 * ~200× slower at 10k names (bench/README.md), so fuse.js now only reranks resolution's few candidates.
 */

// ——— folding ———

/**
 * fold() of each character of Latin, Latin-1, Latin Extended-A/B (below U+0250) and General Punctuation
 * (U+2000–U+206F: dashes, curly quotes); null: use the full fold (Greek, Cyrillic, combining marks, …).
 */
const TABLE_END = 0x2070;
const FOLD_TABLE: (string | null)[] = Array.from({ length: TABLE_END }, (_, c) => {
  if (c >= 0x250 && c < 0x2000) return null;
  const ch = String.fromCharCode(c);
  const f = fold(ch);
  // Exact only when the character folds the same alone as between letters (not "Ŀ", whose "·" splits words).
  if (f === '') return fold(`a${ch}a`) === 'a a' ? '' : null;
  return fold(`a${ch}a`) === `a${f}a` ? f : null;
});

/** The store's fold(), without Unicode normalisation for the Latin text names almost always are. */
export function foldFast(text: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const piece = c < TABLE_END ? FOLD_TABLE[c] : null;
    if (piece === null || piece === undefined) return fold(text);
    if (piece === '') {
      space = out.length > 0;
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += piece;
  }
  return out;
}

/**
 * Folds like the store, and joins spelled-out initials: "C.N.D.H." and "c n d h" both become "cndh". Only a
 * whole string of single letters, or a run of three or more: "Nicole C. J" and "U.S. Army" keep their words.
 */
export function foldName(text: string): string {
  return joinInitials(foldFast(text));
}

/** foldName() of a string already folded by the store's fold(). */
export function joinInitials(f: string): string {
  // Most names have no single-letter word at all: skip the split.
  if (!/(^| ). ( |$)/u.test(f) && !/(^| ).$/u.test(f)) return f;
  const words = f.split(' ');
  if (words.length < 2) return f;
  if (words.every((w) => w.length === 1)) return words.join('');
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    let j = i;
    while (j < words.length && words[j]!.length === 1) j++;
    if (j - i >= 3) {
      out.push(words.slice(i, j).join(''));
      i = j;
    } else out.push(words[i++]!);
  }
  return out.join(' ');
}

// ——— Jaro-Winkler over string windows (no slicing, shared scratch buffers) ———

const MAX_CMP = 128;
const usedA = new Uint8Array(MAX_CMP);
const usedB = new Uint8Array(MAX_CMP);

/** Jaro-Winkler similarity of a[aOff, aOff+aLen) and b[bOff, bOff+bLen), in [0, 1]. */
export function jaroWinkler(a: string, b: string, aOff = 0, aLen = a.length, bOff = 0, bLen = b.length): number {
  const la = Math.min(aLen, MAX_CMP);
  const lb = Math.min(bLen, MAX_CMP);
  if (la === 0 || lb === 0) return la === lb ? 1 : 0;
  const range = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  usedA.fill(0, 0, la);
  usedB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(aOff + i);
    const hi = Math.min(lb - 1, i + range);
    for (let j = Math.max(0, i - range); j <= hi; j++) {
      if (usedB[j] === 0 && b.charCodeAt(bOff + j) === c) {
        usedA[i] = 1;
        usedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  for (let i = 0, k = 0; i < la; i++) {
    if (usedA[i] === 0) continue;
    while (usedB[k] === 0) k++;
    if (a.charCodeAt(aOff + i) !== b.charCodeAt(bOff + k)) halfTranspositions++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - halfTranspositions / 2) / matches) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(aOff + prefix) === b.charCodeAt(bOff + prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Word boundaries of a folded string (single spaces between words), into reusable arrays. */
function words(s: string, starts: Int32Array, lens: Int32Array): number {
  let n = 0;
  let from = 0;
  while (n < starts.length) {
    const space = s.indexOf(' ', from);
    const end = space < 0 ? s.length : space;
    if (end > from) {
      starts[n] = from;
      lens[n++] = end - from;
    }
    if (space < 0) break;
    from = space + 1;
  }
  return n;
}

const MAX_WORDS = 32;
const aStarts = new Int32Array(MAX_WORDS);
const aLens = new Int32Array(MAX_WORDS);

/** A folded query with its words found once, for scoring against many aliases. */
export class PreparedQuery {
  readonly starts = new Int32Array(MAX_WORDS);
  readonly lens = new Int32Array(MAX_WORDS);
  readonly count: number;
  constructor(readonly text: string) {
    this.count = words(text, this.starts, this.lens);
  }
}

/**
 * How well a typed (folded) query fits a folded alias, in [0, 1]; 1 only for the alias itself.
 *
 * Names are compared word by word: each typed word is matched, in order, to the alias word it fits best (Jaro-
 * Winkler; the last typed word may be the start of a word, as in "salvador cienf"). So "ruben meza" finds
 * "Rubén Jiménez Meza" (every word there, one skipped) above "Rubén Mendoza Márquez", which a whole-string
 * comparison would prefer for its shared letters. Skipped and left-over alias words cost a little, so a full
 * alias beats a longer one containing it. The whole-string Jaro-Winkler still counts, for typos that move a
 * space ("beatri zmoreno"), slightly discounted when either side has several words.
 */
export function nameSimilarity(query: string | PreparedQuery, alias: string): number {
  const pq = typeof query === 'string' ? new PreparedQuery(query) : query;
  const q = pq.text;
  if (q === alias) return 1;
  const na = words(alias, aStarts, aLens);
  const full = jaroWinkler(q, alias) - (pq.count > 1 || na > 1 ? 0.06 : 0);
  if (pq.count === 0 || na === 0) return Math.max(0, full);

  let weighted = 0;
  let weight = 0;
  let next = 0; // alias words before this one are used up
  let skipped = 0;
  let matched = 0;
  for (let i = 0; i < pq.count; i++) {
    const qs = pq.starts[i]!;
    const ql = pq.lens[i]!;
    const last = i === pq.count - 1;
    let best = 0;
    let at = -1;
    for (let j = next; j < na; j++) {
      const as = aStarts[j]!;
      const al = aLens[j]!;
      let v = jaroWinkler(q, alias, qs, ql, as, al);
      if (last && al > ql && ql >= 2) v = Math.max(v, jaroWinkler(q, alias, qs, ql, as, ql) - 0.02);
      if (v > best) {
        best = v;
        at = j;
      }
      if (v === 1) break;
    }
    if (at >= 0 && best >= 0.7) {
      skipped += at - next;
      next = at + 1;
      matched++;
    } else best = 0; // a typed word the alias does not have
    weighted += best * ql;
    weight += ql;
  }
  const leftOver = na - matched - skipped;
  const token =
    weighted / weight - 0.02 * skipped - (skipped + leftOver > 0 ? 0.03 + 0.03 * ((skipped + leftOver) / na) : 0);
  return Math.max(0, full, token);
}

// ——— the index ———

export interface NameInput {
  /** The name as stored ("Peña Nieto"). */
  alias: string;
  /** Who it names: a dense number the caller maps back to its own entity. */
  entity: number;
  /** A weak alias ("Peña") ranks a little below a full one. */
  weak?: boolean;
  /** A small group number (e.g. actor / event / policy) a search can be limited to, 0–7. */
  group?: number;
  /** The store's fold() of the alias, when known already (the alias table keeps it): saves folding again. */
  folded?: string;
}

export interface NameHit {
  /** Position of the alias in the index (see alias(), folded()). */
  entry: number;
  entity: number;
  score: number;
}

export interface SearchOptions {
  /** How many hits to return (distinct entities unless `perEntity` is false). */
  limit?: number;
  /** Hits below this similarity are dropped: garbage finds nothing. */
  minScore?: number;
  /** Bit mask of accepted groups (bit n = group n); all when absent. */
  groups?: number;
  /** One hit per entity (its best alias), the default; false returns the best aliases themselves. */
  perEntity?: boolean;
}

/**
 * Postings read per query. Lists are read rarest first. The first ones propose the candidates: at least three
 * lists (a typo makes rare grams that name nobody, and must not be all that is read) and enough to propose a
 * couple of thousand entries, then more only while under GENERATE postings. The other lists only add to the
 * counts of those candidates — cheap, so up to SCAN postings: with every gram counted, the right name rises to
 * the top even when each of its grams is common ("ana garcia ramirez" among a million names).
 */
const GENERATE = 12_000;
const MIN_LISTS = 3;
const MIN_PROPOSED = 2_000;
const SCAN = 120_000;
/** Candidates reranked per query; the rerank, not the scan, is what reads strings. */
const RERANK = 100;
const MAX_QUERY = MAX_CMP;
const WEAK_PENALTY = 0.02;

/** Open-addressing hash from a gram (a 30-bit integer) to its slot; faster than a Map for millions of lookups. */
class GramTable {
  private keys: Int32Array;
  private slots: Int32Array;
  size = 0;

  constructor(capacity = 1 << 12) {
    this.keys = new Int32Array(capacity).fill(-1);
    this.slots = new Int32Array(capacity);
  }
  private find(key: number): number {
    const mask = this.keys.length - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> 0;
    for (;;) {
      i &= mask;
      const k = this.keys[i]!;
      if (k === key || k === -1) return i;
      i++;
    }
  }
  get(key: number): number {
    const i = this.find(key);
    return this.keys[i] === key ? this.slots[i]! : -1;
  }
  /** The slot of `key`, assigning the next one when it is new. */
  add(key: number): number {
    let i = this.find(key);
    if (this.keys[i] === key) return this.slots[i]!;
    if ((this.size + 1) * 2 > this.keys.length) {
      this.grow();
      i = this.find(key);
    }
    this.keys[i] = key;
    this.slots[i] = this.size;
    return this.size++;
  }
  private grow(): void {
    const { keys, slots } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.slots = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === -1) continue;
      const j = this.find(keys[i]!);
      this.keys[j] = keys[i]!;
      this.slots[j] = slots[i]!;
    }
  }
}

const SPACE_ID = 1;

export class NameIndex {
  readonly size: number;
  private readonly aliases: string[];
  private readonly foldeds: string[];
  private readonly entities: Int32Array;
  private readonly flags: Uint8Array; // bit 0..2: group, bit 7: weak
  private readonly lengths: Uint16Array;
  private readonly grams = new GramTable();
  private readonly offsets: Int32Array;
  private readonly postings: Int32Array;
  /** Character code → 10-bit id in gram keys (0: not seen; rare characters may share an id). */
  private readonly alphabet = new Uint16Array(65536);
  private readonly letters: number[] = [];
  // Per-query scratch, reused: JavaScript runs one query at a time, and fewer allocations mean fewer GC pauses.
  private readonly counts: Uint8Array;
  private readonly touched: Int32Array;
  private readonly histogram = new Int32Array(256);
  private readonly near = new Int32Array(256);

  constructor(input: Iterable<NameInput>) {
    const aliases: string[] = [];
    const foldeds: string[] = [];
    const entities: number[] = [];
    const flags: number[] = [];
    let total = 0;
    for (const n of input) {
      const f = n.folded !== undefined ? joinInitials(n.folded) : foldName(n.alias);
      if (!f) continue;
      aliases.push(n.alias);
      foldeds.push(f);
      entities.push(n.entity);
      flags.push(((n.group ?? 0) & 7) | (n.weak ? 128 : 0));
      total += f.length;
    }
    const size = foldeds.length;
    this.size = size;
    this.aliases = aliases;
    this.foldeds = foldeds;
    this.entities = Int32Array.from(entities);
    this.flags = Uint8Array.from(flags);
    this.lengths = Uint16Array.from(foldeds, (f) => Math.min(f.length, 65535));
    this.counts = new Uint8Array(size);
    this.touched = new Int32Array(size);
    this.alphabet[32] = SPACE_ID;
    this.letters.push(SPACE_ID);

    // Two passes: give each alias's grams their slots (a padded alias of n characters has n trigrams) and
    // count each gram's postings; then fill one flat array (CSR layout) — 4 bytes per posting, no per-gram arrays.
    const entrySlots = new Int32Array(total);
    const entryEnd = new Int32Array(size);
    let gramCount = new Int32Array(1 << 12);
    let lastEntry = new Int32Array(1 << 12).fill(-1);
    let at = 0;
    for (let e = 0; e < size; e++) {
      const f = foldeds[e]!;
      let a = SPACE_ID;
      let b = this.letterId(f.charCodeAt(0), true);
      for (let i = 1; i <= f.length; i++) {
        const c = i < f.length ? this.letterId(f.charCodeAt(i), true) : SPACE_ID;
        const slot = this.grams.add((a << 20) | (b << 10) | c);
        a = b;
        b = c;
        if (slot >= gramCount.length) {
          gramCount = grown(gramCount, 0);
          lastEntry = grown(lastEntry, -1);
        }
        if (lastEntry[slot] === e) continue; // a gram repeated inside one alias counts once
        lastEntry[slot] = e;
        gramCount[slot]!++;
        entrySlots[at++] = slot;
      }
      entryEnd[e] = at;
    }
    const slots = this.grams.size;
    const offsets = new Int32Array(slots + 1);
    for (let g = 0; g < slots; g++) offsets[g + 1] = offsets[g]! + gramCount[g]!;
    const fill = offsets.slice(0, slots);
    const postings = new Int32Array(offsets[slots]!);
    for (let e = 0, from = 0; e < size; e++) {
      for (let k = from; k < entryEnd[e]!; k++) postings[fill[entrySlots[k]!]!++] = e; // entries ascend in a list
      from = entryEnd[e]!;
    }
    this.offsets = offsets;
    this.postings = postings;
  }

  /** A character's id in gram keys; while building, a new character gets the next id (past 1023, a shared one). */
  private letterId(code: number, adding: boolean): number {
    const id = this.alphabet[code]!;
    if (id !== 0 || !adding) return id === 0 ? 1023 : id;
    const next = this.letters.length < 1022 ? this.letters.length + 1 : 2 + (code % 1020);
    this.alphabet[code] = next;
    if (this.letters.length < 1022) this.letters.push(next);
    return next;
  }

  alias(entry: number): string {
    return this.aliases[entry]!;
  }
  folded(entry: number): string {
    return this.foldeds[entry]!;
  }
  entity(entry: number): number {
    return this.entities[entry]!;
  }
  weak(entry: number): boolean {
    return (this.flags[entry]! & 128) !== 0;
  }
  group(entry: number): number {
    return this.flags[entry]! & 7;
  }

  /** Posting lists (as [from, to) ranges) of the trigrams of a folded text; `end` pads its end too. */
  private lists(q: string, end: boolean): { from: number; to: number }[] | null {
    const out: { from: number; to: number }[] = [];
    const seen: number[] = [];
    let a = SPACE_ID;
    let b = this.letterId(q.charCodeAt(0), false);
    const last = end ? q.length : q.length - 1;
    for (let i = 1; i <= last; i++) {
      const c = i < q.length ? this.letterId(q.charCodeAt(i), false) : SPACE_ID;
      const key = (a << 20) | (b << 10) | c;
      a = b;
      b = c;
      if (seen.includes(key)) continue;
      seen.push(key);
      const slot = this.grams.get(key);
      if (slot < 0) {
        if (!end) return null; // a prefix needs every one of its grams
        continue;
      }
      out.push({ from: this.offsets[slot]!, to: this.offsets[slot + 1]! });
    }
    return out;
  }

  /**
   * Entries whose folded alias starts with the folded query, shortest first (ties in folded order), at most
   * `limit`. Every such alias holds the query's leading grams, so only the rarest of those lists is read.
   */
  prefix(query: string, limit: number, groups = 0xff): number[] {
    const q = foldName(query);
    if (!q) return [];
    const f = this.foldeds;
    const postings = this.postings;
    const matches: number[] = [];
    const consider = (e: number) => {
      if ((groups >> (this.flags[e]! & 7)) & 1 && f[e]!.startsWith(q)) matches.push(e);
    };
    if (q.length >= 2) {
      const lists = this.lists(q, false);
      if (!lists || lists.length === 0) return [];
      lists.sort((x, y) => x.to - x.from - (y.to - y.from));
      const [a, b] = lists as [{ from: number; to: number }, { from: number; to: number } | undefined];
      if (!b || a.to - a.from < 256) for (let p = a.from; p < a.to; p++) consider(postings[p]!);
      else {
        // Both lists ascend: compare strings only for entries in both — walking both when their lengths are
        // close, bisecting the longer one when it is much longer.
        if (b.to - b.from < 16 * (a.to - a.from)) {
          for (let i = a.from, j = b.from; i < a.to && j < b.to;) {
            const x = postings[i]!;
            const y = postings[j]!;
            if (x < y) i++;
            else if (y < x) j++;
            else {
              consider(x);
              i++;
              j++;
            }
          }
        } else {
          let lo = b.from;
          for (let i = a.from; i < a.to; i++) {
            const x = postings[i]!;
            let hi = b.to;
            while (lo < hi) {
              const mid = (lo + hi) >> 1;
              if (postings[mid]! < x) lo = mid + 1;
              else hi = mid;
            }
            if (lo >= b.to) break;
            if (postings[lo] === x) consider(x);
          }
        }
      }
    } else {
      // One character: every list of a " x?" gram.
      const b = this.letterId(q.charCodeAt(0), false);
      for (const c of this.letters) {
        const slot = this.grams.get((SPACE_ID << 20) | (b << 10) | c);
        if (slot >= 0) for (let p = this.offsets[slot]!; p < this.offsets[slot + 1]!; p++) consider(postings[p]!);
      }
    }
    // The `limit` shortest, in linear time: a length histogram finds the cut-off length.
    if (matches.length > limit) {
      const byLength = new Int32Array(257);
      for (const e of matches) byLength[Math.min(256, this.lengths[e]!)]!++;
      let cut = 0;
      for (let below = 0; cut < 256 && below + byLength[cut]! < limit; cut++) below += byLength[cut]!;
      const kept = matches.filter((e) => Math.min(256, this.lengths[e]!) <= cut);
      matches.length = 0;
      matches.push(...kept);
    }
    matches.sort((x, y) => f[x]!.length - f[y]!.length || (f[x]! < f[y]! ? -1 : f[x]! > f[y]! ? 1 : x - y));
    return matches.slice(0, limit);
  }

  /** Best fuzzy matches for a typed name: trigram candidates reranked by nameSimilarity, best first. */
  search(query: string, opts: SearchOptions = {}): NameHit[] {
    const q = foldName(query).slice(0, MAX_QUERY);
    const limit = opts.limit ?? 10;
    const minScore = opts.minScore ?? 0.75;
    const groups = opts.groups ?? 0xff;
    const perEntity = opts.perEntity ?? true;
    if (!q) return [];

    // Posting lists of the query's grams, rarest first; the commonest are skipped once enough was scanned.
    const lists = this.lists(q, true)!;
    if (lists.length === 0) return [];
    lists.sort((x, y) => x.to - x.from - (y.to - y.from));
    const counts = this.counts;
    const touched = this.touched;
    const postings = this.postings;
    let nTouched = 0;
    let scanned = 0;
    let li = 0;
    for (; li < lists.length; li++) {
      const { from, to } = lists[li]!;
      if (li >= MIN_LISTS && nTouched >= MIN_PROPOSED && scanned + (to - from) > GENERATE) break;
      scanned += to - from;
      for (let p = from; p < to; p++) {
        const e = postings[p]!;
        if (counts[e] === 0) touched[nTouched++] = e;
        counts[e]!++;
      }
    }
    for (; li < lists.length; li++) {
      const { from, to } = lists[li]!;
      if (scanned + (to - from) > SCAN) break;
      scanned += to - from;
      for (let p = from; p < to; p++) {
        const e = postings[p]!;
        if (counts[e] !== 0) counts[e]!++;
      }
    }

    // Keep the RERANK entries sharing most grams (ties: length nearest the query's) in linear time, with two
    // histograms instead of a sort of everything touched.
    const histogram = this.histogram.fill(0);
    const flags = this.flags;
    if (groups === 0xff) for (let i = 0; i < nTouched; i++) histogram[counts[touched[i]!]!]!++;
    else
      for (let i = 0; i < nTouched; i++) {
        const e = touched[i]!;
        if ((groups >> (flags[e]! & 7)) & 1) histogram[counts[e]!]!++;
        else counts[e] = 0; // not a candidate: forget it now
      }
    let threshold = 255;
    let above = 0;
    while (threshold > 1 && above + histogram[threshold]! < RERANK) above += histogram[threshold--]!;
    const near = this.near.fill(0);
    const ql = q.length;
    const lengths = this.lengths;
    for (let i = 0; i < nTouched; i++) {
      const e = touched[i]!;
      if (counts[e] === threshold) near[Math.min(255, Math.abs(lengths[e]! - ql))]!++;
    }
    let maxGap = 0;
    let room = RERANK - above;
    while (maxGap < 255 && room - near[maxGap]! > 0) room -= near[maxGap++]!;
    const candidates: number[] = [];
    for (let i = 0; i < nTouched; i++) {
      const e = touched[i]!;
      const c = counts[e]!;
      counts[e] = 0;
      if (c > threshold) candidates.push(e);
      else if (c === threshold && c > 0) {
        const d = Math.min(255, Math.abs(lengths[e]! - ql));
        if (d < maxGap) candidates.push(e);
        else if (d === maxGap && room > 0) {
          candidates.push(e);
          room--;
        }
      }
    }

    const hits: NameHit[] = [];
    const prepared = new PreparedQuery(q);
    for (const e of candidates) {
      const score = nameSimilarity(prepared, this.foldeds[e]!) - (this.flags[e]! & 128 ? WEAK_PENALTY : 0);
      if (score >= minScore) hits.push({ entry: e, entity: this.entities[e]!, score });
    }
    hits.sort((x, y) => y.score - x.score || this.foldeds[x.entry]!.length - this.foldeds[y.entry]!.length);
    if (!perEntity) return hits.slice(0, limit);
    const seen = new Set<number>();
    const out: NameHit[] = [];
    for (const h of hits) {
      if (seen.has(h.entity)) continue;
      seen.add(h.entity);
      out.push(h);
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * Autocomplete: entities with an alias starting with what was typed (shortest alias first), then the best
   * fuzzy matches, each entity once.
   */
  complete(typed: string, limit = 25, groups = 0xff): NameHit[] {
    const out: NameHit[] = [];
    const seen = new Set<number>();
    for (const e of this.prefix(typed, limit * 3, groups)) {
      const entity = this.entities[e]!;
      if (seen.has(entity)) continue;
      seen.add(entity);
      out.push({ entry: e, entity, score: 1 });
      if (out.length >= limit) return out;
    }
    if (foldName(typed).length < 3) return out;
    for (const h of this.search(typed, { limit: limit + out.length, groups })) {
      if (seen.has(h.entity)) continue;
      seen.add(h.entity);
      out.push(h);
      if (out.length >= limit) break;
    }
    return out;
  }
}

function grown(a: Int32Array<ArrayBuffer>, fillWith: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2).fill(fillWith);
  b.set(a);
  return b;
}

// ——— the store's index, cached per Store ———

export const GROUP: Record<EntityType, number> = { actor: 0, event: 1, policy: 2 };

/** The store's aliases in a NameIndex, with each entity's identity for building replies. */
export interface StoreNameIndex {
  index: NameIndex;
  /** Dense entity number → who it is. */
  entities: { type: EntityType; id: number; slug: string; name: string }[];
  /** An entry as the alias row the store would have returned. */
  candidate(entry: number): AliasCandidate;
}

const cache = new WeakMap<Store, { stamp: string; version: string; built: StoreNameIndex }>();

/**
 * The name index of a store, built on first use from its alias table, and rebuilt by itself when the alias
 * table changes. Checking costs microseconds: Store.changeStamp() moves only when something was written, and
 * only then is Store.aliasVersion() (a count over the table, 6 ms at ×100 the seeds) asked.
 * invalidateNameIndex() drops it at once.
 */
export function storeNameIndex(store: Store): StoreNameIndex {
  const stamp = store.changeStamp();
  const hit = cache.get(store);
  if (hit && hit.stamp === stamp) return hit.built;
  const version = store.aliasVersion();
  if (hit && hit.version === version) {
    hit.stamp = stamp;
    return hit.built;
  }
  const built = buildStoreIndex(store);
  cache.set(store, { stamp, version, built });
  return built;
}

/**
 * Forget a store's name index, so the next lookup rebuilds it. Writers of aliases need not call it (the next
 * lookup sees the change), but it frees the memory at once — call it after `seed` or `ingest` of curated names.
 */
export function invalidateNameIndex(store: Store): void {
  cache.delete(store);
}

function buildStoreIndex(store: Store): StoreNameIndex {
  const entities: StoreNameIndex['entities'] = [];
  const numberOf = { actor: new Map<number, number>(), event: new Map<number, number>(), policy: new Map<number, number>() }; // prettier-ignore
  for (const [type, id, slug, name] of store.entityNames()) {
    numberOf[type].set(id, entities.length);
    entities.push({ type, id, slug, name });
  }
  // Streamed from the alias table into the index: no array of a million row objects on the way.
  function* inputs(): Generator<NameInput> {
    for (const [type, id, alias, folded, weak] of store.aliasRows()) {
      const entity = numberOf[type]?.get(id);
      if (entity !== undefined) yield { alias, folded, entity, weak: weak === 1, group: GROUP[type] };
    }
  }
  const index = new NameIndex(inputs());
  return {
    index,
    entities,
    candidate(entry: number): AliasCandidate {
      const e = entities[index.entity(entry)]!;
      return { ...e, alias: index.alias(entry), folded: index.folded(entry), weak: index.weak(entry) ? 1 : 0 };
    },
  };
}
