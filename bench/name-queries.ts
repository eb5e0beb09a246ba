import { fold } from '../src/store/fold.js';
import { type SynthName, actorName, stripAccents } from './names.js';
import { Rng } from './prng.js';

/** A flat list of names (aliases), each pointing at the entity it names — what an autocomplete searches. */
export interface NameList {
  aliases: string[];
  entityOf: Int32Array;
  entities: SynthName[];
}

/** Exactly `size` aliases from distinct synthetic entities, the same for the same size on every run. */
export function nameList(size: number, seed = 'beatbook-names'): NameList {
  const rng = new Rng(`${seed}:${size}`);
  const aliases: string[] = [];
  const entityOf: number[] = [];
  const entities: SynthName[] = [];
  const taken = new Set<string>();
  while (aliases.length < size) {
    const e = actorName(rng, entities.length);
    const key = fold(e.name);
    if (taken.has(key)) continue;
    taken.add(key);
    const id = entities.length;
    entities.push(e);
    for (const a of [...e.aliases, ...e.weak]) {
      if (aliases.length >= size) break;
      aliases.push(a);
      entityOf.push(id);
    }
  }
  return { aliases, entityOf: Int32Array.from(entityOf), entities };
}

export type QueryKind = 'typo' | 'no-accents' | 'prefix' | 'partial' | 'acronym';
export const QUERY_KINDS: QueryKind[] = ['typo', 'no-accents', 'prefix', 'partial', 'acronym'];

export interface NameQuery {
  kind: QueryKind;
  text: string;
  /** Entities a correct answer may name: the target, and any other entity with the same source alias. */
  truth: number[];
}

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'qsz', b: 'vgn', c: 'xdv', d: 'sfe', e: 'wrd', f: 'dgr', g: 'fht', h: 'gjy', i: 'uok', j: 'hku', k: 'jli',
  l: 'kop', m: 'n', n: 'bm', o: 'ipl', p: 'ol', q: 'wa', r: 'etf', s: 'adw', t: 'ryg', u: 'yij', v: 'cb', w: 'qes',
  x: 'zc', y: 'tuh', z: 'xa',
}; // prettier-ignore

/** One slip of the fingers: a neighbouring key, a dropped, doubled or swapped letter (never the first). */
function typo(rng: Rng, s: string): string {
  const letters = [...s].map((c, i) => ({ c, i })).filter((x) => x.i > 0 && /\p{L}/u.test(x.c));
  if (letters.length < 2) return s;
  const { i } = rng.pick(letters);
  const c = s[i]!;
  switch (rng.int(0, 3)) {
    case 0: {
      const near = KEYBOARD_NEIGHBOURS[fold(c)] ?? 'e';
      return s.slice(0, i) + rng.pick([...near]) + s.slice(i + 1);
    }
    case 1:
      return s.slice(0, i) + s.slice(i + 1);
    case 2:
      return s.slice(0, i) + c + s.slice(i);
    default:
      return i + 1 < s.length ? s.slice(0, i) + s[i + 1] + c + s.slice(i + 2) : s.slice(0, i) + s.slice(i + 1);
  }
}

/**
 * A query set of `count` queries, equal parts of each kind: one-letter typos, names typed without accents,
 * the beginning of a name, part of a name (surnames only, first name and first surname, or a body's
 * distinctive words) and acronyms typed in lower case or with dots. A prefix or partial query is kept only when
 * it names one entity — a reporter types until the name is distinctive; "Cártel de Juchitán — U" fits a dozen
 * units and no engine could know which one was meant.
 */
export function nameQueries(list: NameList, count: number, seed = 'beatbook-queries'): NameQuery[] {
  const rng = new Rng(`${seed}:${list.aliases.length}`);
  const folded = list.aliases.map((a) => fold(a));
  const byFolded = new Map<string, number[]>();
  folded.forEach((f, i) => {
    const ids = byFolded.get(f);
    const id = list.entityOf[i]!;
    if (!ids) byFolded.set(f, [id]);
    else if (!ids.includes(id)) ids.push(id);
  });
  const sorted = folded
    .map((_, i) => i)
    .sort((a, b) => (folded[a]! < folded[b]! ? -1 : folded[a]! > folded[b]! ? 1 : 0));
  /** Entities with an alias starting with `p` (folded), stopping once more than `max` are seen. */
  const startingWith = (p: string, max = 8): Set<number> => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (folded[sorted[mid]!]! < p) lo = mid + 1;
      else hi = mid;
    }
    const out = new Set<number>();
    for (let i = lo; i < sorted.length && folded[sorted[i]!]!.startsWith(p) && out.size <= max; i++)
      out.add(list.entityOf[sorted[i]!]!);
    return out;
  };
  // Aliases by word, so "which entities have these words" reads a few short lists, not a million strings.
  const byWord = new Map<string, number[]>();
  folded.forEach((f, i) => {
    for (const w of new Set(f.split(' '))) {
      const list = byWord.get(w);
      if (list) list.push(i);
      else byWord.set(w, [i]);
    }
  });
  /** Entities with an alias containing the words of `p` (folded) in order, others allowed between them. */
  const containing = (p: string): Set<number> => {
    const want = p.split(' ');
    const rarest = want.map((w) => byWord.get(w) ?? []).reduce((a, b) => (b.length < a.length ? b : a));
    const out = new Set<number>();
    for (const i of rarest) {
      let k = 0;
      for (const w of folded[i]!.split(' ')) if (k < want.length && w === want[k]) k++;
      if (k === want.length) out.add(list.entityOf[i]!);
    }
    return out;
  };
  const sameName = (id: number) => byFolded.get(fold(list.entities[id]!.name)) ?? [id];
  const only = (found: Set<number>, id: number) => [...found].every((x) => sameName(id).includes(x));
  // Only entities whose every alias made it into the list (the last one may be cut short).
  const indexed = new Set(list.entityOf);
  const complete = list.entities.map((_, i) => i).filter((i) => indexed.has(i));

  const out: NameQuery[] = [];
  const per = Math.ceil(count / QUERY_KINDS.length);
  for (const kind of QUERY_KINDS) {
    const r = rng.fork(kind);
    let made = 0;
    for (let guard = 0; made < per && guard < per * 200; guard++) {
      const id = r.pick(complete);
      const e = list.entities[id]!;
      let text: string | null = null;
      let truth = sameName(id);
      if (kind === 'typo') text = typo(r, e.name);
      else if (kind === 'no-accents') {
        if (stripAccents(e.name) !== e.name) text = stripAccents(e.name).toLowerCase();
      } else if (kind === 'prefix') {
        // From 60% of the name on, one more letter at a time, until only this entity fits.
        for (let n = Math.max(5, Math.round(e.name.length * 0.6)); n < e.name.length; n++) {
          const cut = e.name.slice(0, n).trimEnd();
          if (only(startingWith(fold(cut)), id)) {
            text = cut;
            break;
          }
        }
      } else if (kind === 'partial') {
        // Ways people shorten a name that are not themselves aliases: first name and second surname, the
        // second given name with the surnames, three distinctive words of a body's name.
        let part: string | null = null;
        const p = e.parts;
        if (p && p.surnames.length === 2 && (p.given.length === 1 || r.chance(0.5)))
          part = `${p.given[0]} ${p.surnames[1]}`;
        else if (p && p.given.length === 2) part = [p.given[1], ...p.surnames].join(' ');
        else if (e.kind !== 'person') {
          const words = e.name.split(' ').filter((w) => w !== '—');
          const from = r.int(0, Math.max(0, words.length - 3));
          const chosen = words.slice(from, from + 3);
          const minor = /^(de|del|la|las|los|el|y)$/i;
          if (chosen.length === 3 && !minor.test(chosen[0]!) && !minor.test(chosen[2]!)) part = chosen.join(' ');
        }
        if (part && only(containing(fold(part)), id)) text = part;
      } else if (kind === 'acronym' && e.acronym) {
        // Acronyms are shared ("CEDH"): every body with that acronym is a right answer.
        truth = byFolded.get(fold(e.acronym)) ?? [id];
        if (truth.length <= 25) text = r.chance(0.5) ? e.acronym.toLowerCase() : `${[...e.acronym].join('.')}.`;
      }
      if (!text || (text === e.name && kind !== 'acronym')) continue;
      out.push({ kind, text, truth: [...new Set([id, ...truth])] });
      made++;
    }
  }
  // Round-robin by kind, so a run cut short by its time budget (fuse.js at 1M names) still has every kind.
  const byKind = QUERY_KINDS.map((k) => out.filter((q) => q.kind === k));
  const mixed: NameQuery[] = [];
  for (let i = 0; mixed.length < out.length; i++) for (const list of byKind) if (list[i]) mixed.push(list[i]!);
  return mixed.slice(0, count);
}
