import type { QueryResult } from './command-bench.js';
import type { ColdStart } from './cold-start.js';
import type { IngestResult } from './ingest-bench.js';
import { type EngineResult, accuracy } from './name-bench.js';
import { QUERY_KINDS } from './name-queries.js';
import type { ScaleResult } from './scale-store.js';

export interface BenchResults {
  date: string;
  command: string;
  machine: {
    cpu: string;
    cores: number;
    memoryGb: number;
    node: string;
    loadAtStart: number[];
    loadAtEnd: number[];
  };
  stores: { scale: number; build: ScaleResult & { peakRssMb: number }; query: QueryResult; cold: ColdStart[] }[];
  names: { size: number; queries: number; index: EngineResult; fuse: EngineResult }[];
  ingest: IngestResult | null;
}

/** The issue's targets, each checked against this run (medians of one run; a miss says so). */
export interface Target {
  name: string;
  goal: string;
  measured: string;
  met: boolean | null; // null: not measured in this run
}

const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)) : '—');
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—');
const sizeLabel = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Queries answered by both engines: the fair ground for comparing their accuracy. */
function common(a: EngineResult, b: EngineResult): Set<number> {
  const inB = new Set(b.answered);
  return new Set(a.answered.filter((i) => inB.has(i)));
}

export function targets(r: BenchResults): Target[] {
  const out: Target[] = [];
  const names = (size: number) => r.names.find((n) => n.size === size);
  const m1 = names(1_000_000);
  out.push({
    name: 'autocomplete p99 at 1M names',
    goal: '≤ 5 ms',
    measured: m1 ? `${ms(m1.index.latency.p99)} ms` : 'not run',
    met: m1 ? m1.index.latency.p99 <= 5 : null,
  });
  const m10 = names(10_000);
  if (m10) {
    const p50 = m10.fuse.latency.p50 / m10.index.latency.p50;
    const p99 = m10.fuse.latency.p99 / m10.index.latency.p99;
    out.push({
      name: 'autocomplete vs fuse.js at 10k names',
      goal: '≥ 100× faster',
      measured: `${p50.toFixed(0)}× at p50, ${p99.toFixed(0)}× at p99`,
      met: Math.min(p50, p99) >= 100,
    });
  } else out.push({ name: 'autocomplete vs fuse.js at 10k names', goal: '≥ 100× faster', measured: 'not run', met: null }); // prettier-ignore
  for (const n of r.names) {
    const both = common(n.index, n.fuse);
    const a = accuracy(n.index, both).all;
    const f = accuracy(n.fuse, both).all;
    out.push({
      name: `top-5 accuracy at ${sizeLabel(n.size)} names (same ${a.n} queries)`,
      goal: '≥ fuse.js',
      measured: `${pct(a.top5)} vs fuse.js ${pct(f.top5)}`,
      met: a.top5 >= f.top5,
    });
  }
  for (const [scale, limit] of [
    [100, 10],
    [1000, 50],
  ] as const) {
    const s = r.stores.find((x) => x.scale === scale);
    // The command rows time each command's fixed lines; ask over its evaluation questions (each asked once)
    // is reported against the same limit on a line of its own.
    const fixed = s?.query.commands.filter((c) => !c.command.startsWith('ask ×'));
    const worst = fixed?.reduce((a, b) => (b.latency.p99 > a.latency.p99 ? b : a));
    out.push({
      name: `every command p99 at ×${scale}`,
      goal: `≤ ${limit} ms`,
      measured: worst ? `worst: ${worst.command} ${ms(worst.latency.p99)} ms` : 'not run',
      met: worst ? worst.latency.p99 <= limit : null,
    });
    const fresh = s?.query.commands.find((c) => c.command.startsWith('ask ×'));
    if (fresh)
      out.push({
        name: `${fresh.command} distinct questions, p99 at ×${scale}`,
        goal: `≤ ${limit} ms`,
        measured: `p50 ${ms(fresh.latency.p50)} ms, p99 ${ms(fresh.latency.p99)} ms`,
        met: fresh.latency.p99 <= limit,
      });
  }
  out.push({
    name: 'ingest throughput (newsroom articles)',
    goal: '≥ 2 MB/s',
    measured: r.ingest
      ? `${r.ingest.articles.mbPerS.toFixed(2)} MB/s, ${r.ingest.articles.docsPerS.toFixed(0)} docs/s`
      : 'not run',
    met: r.ingest ? r.ingest.articles.mbPerS >= 2 : null,
  });
  const base = r.stores.find((x) => x.scale === 1) ?? r.stores[0];
  const cold = base?.cold[0];
  out.push({
    name: `cold start (${cold?.command ?? 'actor amlo'}, ×${base?.scale ?? 1} store)`,
    goal: '≤ 1 s',
    measured: cold ? `${ms(cold.firstOutputMs)} ms to the answer` : 'not run',
    met: cold ? cold.firstOutputMs <= 1000 : null,
  });
  const s100 = r.stores.find((x) => x.scale === 100);
  out.push({
    name: 'peak RSS serving ×100',
    goal: '≤ 250 MB',
    measured: s100
      ? `${s100.query.peakRssMb.toFixed(0)} MB${
          s100.query.peakBeforeQuestionsMb === undefined
            ? ''
            : ` (${s100.query.peakBeforeQuestionsMb.toFixed(0)} MB before ask's evaluation questions)`
        } (build: ${s100.build.peakRssMb.toFixed(0)} MB)`
      : 'not run',
    met: s100 ? s100.query.peakRssMb <= 250 : null,
  });
  return out;
}

export function renderReport(r: BenchResults): string {
  const parts: string[] = [];
  parts.push(
    `Beatbook benchmarks — ${r.date}\n${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGb} GB, Node ${r.machine.node}; ` +
      `load average ${r.machine.loadAtStart.join(' ')} at start, ${r.machine.loadAtEnd.join(' ')} at end\n${r.command}`,
  );

  if (r.stores.length) {
    parts.push(
      `Stores (seeds ×N, synthetic replicas through the ingest pipeline)\n${table(
        ['scale', 'docs', 'passages', 'actors', 'aliases', 'facts', 'quotes', 'build s', 'ingest MB/s', 'DB MB', 'RSS build', 'RSS serve', 'index build ms'], // prettier-ignore
        r.stores.map(({ scale, build, query }) => [
          `×${scale}`,
          String(build.counts.documents),
          String(build.counts.passages),
          String(build.counts.actors),
          String(build.counts.aliases),
          String(build.counts.facts),
          String(build.counts.quotes),
          ((build.seedMs + build.growMs) / 1000).toFixed(1),
          build.ingest.ms > 0 ? (build.ingest.bytes / 1048576 / (build.ingest.ms / 1000)).toFixed(2) : '—',
          build.dbMb.toFixed(0),
          `${build.peakRssMb.toFixed(0)} MB`,
          `${query.peakRssMb.toFixed(0)} MB`,
          ms(query.indexBuildMs),
        ]),
      )}`,
    );
    const commands = [...new Set(r.stores.flatMap((s) => s.query.commands.map((c) => c.command)))];
    const rows = [...commands, 'autocomplete'].map((name) => [
      name,
      ...r.stores.flatMap((s) => {
        const l = name === 'autocomplete' ? s.query.autocomplete : s.query.commands.find((c) => c.command === name)?.latency; // prettier-ignore
        return l ? [`${ms(l.p50)} / ${ms(l.p99)}`, String(l.runs)] : ['—', ''];
      }),
    ]);
    parts.push(
      `Command latency through dispatchLine, p50 / p99 ms (runs)\n${table(
        ['command', ...r.stores.flatMap((s) => [`×${s.scale}`, 'n'])],
        rows,
      )}`,
    );
    const unanswered = r.stores.flatMap((s) =>
      s.query.commands.flatMap((c) => c.errors.map((e) => `  ×${s.scale} ${e}`)),
    );
    if (unanswered.length)
      parts.push(`Lines that did not answer ok (not-found and choices are answers too):\n${[...new Set(unanswered)].join('\n')}`); // prettier-ignore
    parts.push(
      `Cold start: node bin/beatbook.js <command> with the store built (median ms to first output / to exit)\n${table(
        ['scale', ...(r.stores[0]?.cold.map((c) => c.command) ?? [])],
        r.stores.map((s) => [`×${s.scale}`, ...s.cold.map((c) => `${ms(c.firstOutputMs)} / ${ms(c.exitMs)}`)]),
      )}`,
    );
  }

  if (r.names.length) {
    const rows: string[][] = [];
    for (const n of r.names) {
      const both = common(n.index, n.fuse);
      for (const e of [n.index, n.fuse]) {
        const a = accuracy(e, both).all;
        const own = accuracy(e).all;
        rows.push([
          sizeLabel(n.size),
          e.engine === 'index' ? 'name index' : 'fuse.js',
          ms(e.buildMs),
          ms(e.latency.p50),
          ms(e.latency.p99),
          String(e.latency.runs),
          `${pct(a.top1)} / ${pct(a.top5)}`,
          String(a.n),
          `${pct(own.top1)} / ${pct(own.top5)}`,
          `${e.heldMb.toFixed(0)} MB`,
          e.capped ? `stopped after ${e.answered.length} of ${n.queries}` : '',
        ]);
      }
      rows.push([
        '',
        'fuse ÷ index',
        '',
        `${(n.fuse.latency.p50 / n.index.latency.p50).toFixed(0)}×`,
        `${(n.fuse.latency.p99 / n.index.latency.p99).toFixed(0)}×`,
        '',
        '',
        '',
        '',
        '',
        '',
      ]);
    }
    parts.push(
      `Autocomplete over synthetic names (query set: ${QUERY_KINDS.join(', ')})\n${table(
        ['names', 'engine', 'build ms', 'p50 ms', 'p99 ms', 'runs', 'top1 / top5 (common)', 'n', 'top1 / top5 (own)', 'held', 'note'], // prettier-ignore
        rows,
      )}`,
    );
    const kindRows: string[][] = [];
    for (const n of r.names) {
      const both = common(n.index, n.fuse);
      const a = accuracy(n.index, both).byKind;
      const f = accuracy(n.fuse, both).byKind;
      kindRows.push([
        sizeLabel(n.size),
        ...QUERY_KINDS.map((k) => `${pct(a[k]!.top5)} / ${pct(f[k]!.top5)} (${a[k]!.n})`),
      ]);
    }
    parts.push(`Top-5 accuracy by query kind, name index / fuse.js (queries)\n${table(['names', ...QUERY_KINDS], kindRows)}`); // prettier-ignore
  }

  if (r.ingest) {
    const i = r.ingest;
    parts.push(
      `Ingest\n${table(
        ['measure', 'value'],
        [
          [`seed from an empty store (${i.seedDocuments} documents, ${(i.seedBytes / 1048576).toFixed(2)} MB), median of ${i.seedRunsMs.length}`, `${ms(i.seedMedianMs)} ms`], // prettier-ignore
          [`newsroom articles, as beatbook ingest adds them (${i.articles.documents}, ${(i.articles.bytes / 1048576).toFixed(1)} MB)`, `${i.articles.mbPerS.toFixed(2)} MB/s, ${i.articles.docsPerS.toFixed(0)} docs/s`], // prettier-ignore
        ],
      )}`,
    );
  }

  const t = targets(r);
  parts.push(
    `Targets\n${table(
      ['target', 'goal', 'measured', ''],
      t.map((x) => [x.name, x.goal, x.measured, x.met === null ? '—' : x.met ? 'met' : 'MISSED']),
    )}`,
  );
  return `${parts.join('\n\n')}\n`;
}
