import Fuse, { type IFuseOptions } from 'fuse.js';
import { NameIndex } from '../src/core/name-index.js';
import { type Latency, now, peakRssMb, summarize } from './measure.js';
import { type NameList, type NameQuery, QUERY_KINDS, nameList, nameQueries } from './name-queries.js';

/** What one engine (the index or fuse.js) did on one name-list size. */
export interface EngineResult {
  engine: 'index' | 'fuse';
  names: number;
  buildMs: number;
  latency: Latency;
  /** Index of each query answered (fuse.js may stop early), and whether top-1 / top-5 held a right entity. */
  answered: number[];
  /** The kind of each answered query (typo, prefix, …). */
  kinds: string[];
  top1: boolean[];
  top5: boolean[];
  /** Heap and typed-array memory the structure holds once built (after a GC), MB; and this process's peak RSS. */
  heldMb: number;
  peakRssMb: number;
  /** True when fuse.js ran out of its time budget before the query set ended. */
  capped: boolean;
}

export interface NameBenchOptions {
  names: number;
  queries: number;
  /** Wall-clock budget for the timed queries (fuse.js at 1M names takes seconds per query). */
  budgetMs: number;
}

/** The fuse.js baseline, tuned the way a project would tune it for names. */
export const FUSE_OPTIONS: IFuseOptions<{ alias: string; entity: number }> = {
  keys: ['alias'],
  includeScore: true,
  threshold: 0.4,
  ignoreLocation: true,
  ignoreDiacritics: true,
};

/** JavaScript heap plus typed arrays in use, MB: what a structure holds, unlike RSS, which the allocator keeps. */
function heldNowMb(): number {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1048576;
}

function grade(hits: number[], q: NameQuery): { top1: boolean; top5: boolean } {
  return {
    top1: hits.length > 0 && q.truth.includes(hits[0]!),
    top5: hits.slice(0, 5).some((h) => q.truth.includes(h)),
  };
}

/** Distinct entities in rank order. */
function distinctEntities(ids: Iterable<number>, limit: number): number[] {
  const out: number[] = [];
  for (const id of ids) {
    if (!out.includes(id)) out.push(id);
    if (out.length >= limit) break;
  }
  return out;
}

export function benchEngine(engine: 'index' | 'fuse', opts: NameBenchOptions): EngineResult {
  const list: NameList = nameList(opts.names);
  const queries = nameQueries(list, opts.queries);
  global.gc?.();
  const before = heldNowMb();
  let t = now();
  let search: (q: string) => number[];
  if (engine === 'index') {
    const index = new NameIndex(list.aliases.map((alias, i) => ({ alias, entity: list.entityOf[i]! })));
    search = (q) => index.complete(q, 5).map((h) => h.entity);
  } else {
    const fuse = new Fuse(
      list.aliases.map((alias, i) => ({ alias, entity: list.entityOf[i]! })),
      FUSE_OPTIONS,
    );
    search = (q) =>
      distinctEntities(
        fuse.search(q, { limit: 25 }).map((r) => r.item.entity),
        5,
      );
  }
  const buildMs = now() - t;
  global.gc?.();
  const heldMb = heldNowMb() - before;

  // Warm-up on a few queries, untimed, so the JIT has seen the code paths.
  for (const q of queries.slice(0, engine === 'index' ? 50 : 2)) search(q.text);
  const ms: number[] = [];
  const answered: number[] = [];
  const kinds: string[] = [];
  const top1: boolean[] = [];
  const top5: boolean[] = [];
  const start = now();
  let capped = false;
  for (let i = 0; i < queries.length; i++) {
    if (i >= 3 && now() - start > opts.budgetMs) {
      capped = true;
      break;
    }
    const q = queries[i]!;
    t = now();
    const hits = search(q.text);
    ms.push(now() - t);
    const g = grade(hits, q);
    answered.push(i);
    kinds.push(q.kind);
    top1.push(g.top1);
    top5.push(g.top5);
  }
  // The index is fast enough to time every query many times over: repeat for stable percentiles.
  if (engine === 'index') {
    for (let round = 0; round < 4; round++)
      for (const q of queries) {
        t = now();
        search(q.text);
        ms.push(now() - t);
      }
  }
  return {
    engine,
    names: list.aliases.length,
    buildMs,
    latency: summarize(ms),
    answered,
    kinds,
    top1,
    top5,
    heldMb,
    peakRssMb: peakRssMb(),
    capped,
  };
}

export interface Accuracy {
  n: number;
  top1: number;
  top5: number;
}

/** Top-1 / top-5 accuracy, overall and per query kind, over the queries in `subset` (all when absent). */
export function accuracy(r: EngineResult, subset?: Set<number>): { all: Accuracy; byKind: Record<string, Accuracy> } {
  const acc = (kind?: string): Accuracy => {
    let n = 0;
    let t1 = 0;
    let t5 = 0;
    r.answered.forEach((qi, k) => {
      if ((subset && !subset.has(qi)) || (kind && r.kinds[k] !== kind)) return;
      n++;
      if (r.top1[k]) t1++;
      if (r.top5[k]) t5++;
    });
    return { n, top1: n ? t1 / n : Number.NaN, top5: n ? t5 / n : Number.NaN };
  };
  return { all: acc(), byKind: Object.fromEntries(QUERY_KINDS.map((k) => [k, acc(k)])) };
}

export { nameList, nameQueries };
