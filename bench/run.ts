import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type QueryResult, benchCommands } from './command-bench.js';
import { type ColdStart, coldStart } from './cold-start.js';
import { type IngestResult, benchIngest } from './ingest-bench.js';
import { peakRssMb } from './measure.js';
import { type EngineResult, benchEngine } from './name-bench.js';
import { type BenchResults, renderReport } from './report.js';
import { type ScaleResult, buildScaledStore } from './scale-store.js';

/**
 * `npm run bench` — measures Beatbook in one run and prints a table (`--json` for machines). Each store scale
 * and each name-list size runs in its own child process, so peak memory and JIT state do not bleed between
 * them. Never part of `npm test`.
 *
 *   --quick             scales 1,10; 10k names; fewer runs (a smoke run of a few minutes)
 *   --scales 1,10,100   store scales (×N the seeds); default 1,10,100,1000
 *   --names 10000       name-list sizes for autocomplete; default 10000,100000,1000000
 *   --runs 200          timed runs per command (fewer when --budget runs out first)
 *   --budget 20         seconds per command per scale at most
 *   --fuse-budget 90    seconds of fuse.js queries per name-list size at most
 *   --only stores,names,ingest   run only these sections
 *   --keep              keep the built stores (their paths are printed)
 *   --json              print the results as one JSON object
 *   --render file.json  print the table of a run saved with --json, without measuring anything
 */

interface Options {
  json: boolean;
  scales: number[];
  names: number[];
  runs: number;
  budgetMs: number;
  fuseBudgetMs: number;
  queries: number;
  coldRuns: number;
  only: Set<string>;
  keep: boolean;
}

const RESULT = '@@bench-result ';
const HERE = fileURLToPath(import.meta.url);

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const list = (name: string, fallback: number[]) =>
    value(name)
      ?.split(',')
      .map((x) => Number(x.trim()))
      .filter((x) => Number.isInteger(x) && x > 0) ?? fallback;
  const quick = argv.includes('--quick');
  return {
    json: argv.includes('--json'),
    scales: list('--scales', quick ? [1, 10] : [1, 10, 100, 1000]),
    names: list('--names', quick ? [10_000] : [10_000, 100_000, 1_000_000]),
    runs: Number(value('--runs') ?? (quick ? 50 : 200)),
    budgetMs: Number(value('--budget') ?? (quick ? 5 : 20)) * 1000,
    fuseBudgetMs: Number(value('--fuse-budget') ?? (quick ? 20 : 90)) * 1000,
    queries: quick ? 150 : 500,
    coldRuns: quick ? 3 : 7,
    only: new Set((value('--only') ?? 'stores,names,ingest').split(',')),
    keep: argv.includes('--keep'),
  };
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Runs this file as a worker in a child process and returns what it reports. */
function worker<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', HERE, '--worker', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT));
      if (code !== 0 || !line) reject(new Error(`bench worker ${args.join(' ')} failed (exit ${code})`));
      else resolve(JSON.parse(line.slice(RESULT.length)) as T);
    });
  });
}

/** Inside a child: do one measurement and print its result line. */
async function runWorker(argv: string[]): Promise<void> {
  const get = (name: string) => argv[argv.indexOf(name) + 1]!;
  const kind = argv[argv.indexOf('--worker') + 1];
  let result: unknown;
  if (kind === 'build') {
    const scale = Number(get('--scale'));
    let last = 0;
    const built = buildScaledStore(scale, get('--path'), (done, total) => {
      const pct = Math.floor((done / total) * 10);
      if (pct > last) {
        last = pct;
        log(`×${scale}: ${done}/${total} replicas`);
      }
    });
    result = { ...built, peakRssMb: peakRssMb() };
  } else if (kind === 'query') {
    result = benchCommands(get('--path'), { runs: Number(get('--runs')), budgetMs: Number(get('--budget')) });
  } else if (kind === 'names') {
    result = benchEngine(get('--engine') as 'index' | 'fuse', {
      names: Number(get('--size')),
      queries: Number(get('--queries')),
      budgetMs: Number(get('--budget')),
    });
  } else if (kind === 'ingest') {
    result = benchIngest({ seedRuns: Number(get('--seed-runs')), articles: Number(get('--articles')) });
  } else throw new Error(`unknown worker ${kind}`);
  process.stdout.write(`${RESULT}${JSON.stringify(result)}\n`);
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--worker')) return runWorker(argv);
  const saved = argv.indexOf('--render');
  if (saved >= 0) {
    process.stdout.write(renderReport(JSON.parse(readFileSync(argv[saved + 1]!, 'utf8')) as BenchResults));
    return;
  }
  const o = parseOptions(argv);
  const started = new Date();
  const results: BenchResults = {
    date: started.toISOString(),
    command: `npm run bench --${argv.length ? ` ${argv.join(' ')}` : ''}`,
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 1073741824),
      node: process.version,
      loadAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
      loadAtEnd: [],
    },
    stores: [],
    names: [],
    ingest: null,
  };

  if (o.only.has('stores')) {
    const dir = mkdtempSync(join(tmpdir(), 'beatbook-bench-'));
    try {
      for (const scale of o.scales) {
        const path = join(dir, `x${scale}.sqlite`);
        log(`×${scale}: building the store in ${path}`);
        const build = await worker<ScaleResult & { peakRssMb: number }>(['build', '--scale', String(scale), '--path', path]); // prettier-ignore
        log(`×${scale}: built in ${((build.seedMs + build.growMs) / 1000).toFixed(1)} s; timing commands`);
        const query = await worker<QueryResult>(['query', '--path', path, '--runs', String(o.runs), '--budget', String(o.budgetMs)]); // prettier-ignore
        log(`×${scale}: cold starts`);
        const cold: ColdStart[] = [
          await coldStart(path, ['actor', 'amlo'], o.coldRuns),
          await coldStart(path, ['actor', 'cienfuegoz'], o.coldRuns),
        ];
        results.stores.push({ scale, build, query, cold });
        if (!o.keep) rmSync(path, { force: true });
        else log(`×${scale}: kept ${path}`);
      }
    } finally {
      if (!o.keep) rmSync(dir, { recursive: true, force: true });
    }
  }

  if (o.only.has('names')) {
    for (const size of o.names) {
      log(`names ${size}: name index`);
      const index = await worker<EngineResult>(['names', '--engine', 'index', '--size', String(size), '--queries', String(o.queries), '--budget', '600000']); // prettier-ignore
      log(`names ${size}: fuse.js (at most ${o.fuseBudgetMs / 1000} s of queries)`);
      const fuse = await worker<EngineResult>(['names', '--engine', 'fuse', '--size', String(size), '--queries', String(o.queries), '--budget', String(o.fuseBudgetMs)]); // prettier-ignore
      results.names.push({ size, queries: o.queries, index, fuse });
    }
  }

  if (o.only.has('ingest')) {
    log('ingest: seed from empty, newsroom articles');
    results.ingest = await worker<IngestResult>(['ingest', '--seed-runs', '3', '--articles', '200']);
  }

  results.machine.loadAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  process.stdout.write(o.json ? `${JSON.stringify(results, null, 2)}\n` : renderReport(results));
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`bench failed: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
