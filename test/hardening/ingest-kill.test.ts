// Crash safety of building the store: the built CLI is killed with SIGKILL at seeded random moments of a seed
// or an ingest, twenty times. After every kill the file must be sound (SQLite's and FTS5's integrity checks),
// hold only whole transactions, and the same command run again must finish, leaving no row twice and a store
// that `verify` proves — identical in every count to a store built without interruption.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/store.js';
import { writeArticles, prng } from './faults/articles.js';
import { BIN, beatbook, cliEnv, requireBuilt } from './faults/cli.js';
import { counts, duplicates, ftsProblems, ftsTables, integrity, openFile, documentShapes } from './faults/inspect.js';

/** Change it (or set BEATBOOK_FAULT_SEED) to try other kill points; every round logs its own. */
const SEED = Number(process.env.BEATBOOK_FAULT_SEED ?? 20261123);
/**
 * Articles of the ingest rounds: enough that `ingest` commits them in more than one batch (it commits every 200
 * articles or 4 MiB), so a kill can fall between two commits. The first 40 also sit in the reseed rounds' store.
 */
const INGESTED = 250;
const KEPT = 40;

/**
 * seed: `seed` on a new file — the whole store from seeds/ in one transaction.
 * ingest: `ingest <250 articles>` on a seeded store — batches of articles, each batch one transaction with a
 * savepoint per article; killed at a random moment, or just after the first batch was reported committed.
 * reseed: `seed` over a store that already holds 40 ingested articles — one large transaction that deletes and
 * rebuilds everything while keeping the ingested articles.
 */
type Kind = 'seed' | 'ingest' | 'reseed';
const KINDS: Kind[] = [
  ...['seed', 'ingest', 'reseed', 'ingest', 'seed'],
  ...['ingest', 'reseed', 'seed', 'ingest', 'seed'],
  ...['reseed', 'ingest', 'seed', 'ingest', 'reseed'],
  ...['seed', 'ingest', 'reseed', 'seed', 'ingest'],
] as Kind[];
const ROUNDS = KINDS.length;

const dir = tempDir();
let articles: string[] = [];
type Template = 'seeded' | 'populated' | 'ingested';
/**
 * Stores built without interruption (closed cleanly) and their counts, what each kind of round must end with:
 * seeded (seeds only), populated (seeds and 40 articles), ingested (seeds and all 250 articles).
 */
const template: Record<Template, string> = { seeded: '', populated: '', ingested: '' };
const reference: Record<Template, Record<string, number>> = { seeded: {}, populated: {}, ingested: {} };
/** What an uninterrupted ingest stores for each article: a killed one must hold each article whole or not at all. */
let articleShapes = new Map<string, string>();
/**
 * How long each command worked uninterrupted, from opening the store (its -shm file appears) to its exit: the
 * window the random kill times are drawn from. Node's own start-up is left out — nothing of ours runs there.
 */
const workMs: Record<Kind, number> = { seed: 0, ingest: 0, reseed: 0 };

interface RoundLog {
  round: number;
  kind: Kind;
  killAtMs: number;
  phase: string;
  rerunMs: number;
  verifyMs: number;
}
const rounds: RoundLog[] = [];
/** Children still running if a round fails or times out mid-way; none may outlive the file. */
const running = new Set<ChildProcess>();
afterAll(() => {
  for (const c of running) c.kill('SIGKILL');
});

const command = (kind: Kind): string[] => (kind === 'ingest' ? ['ingest', ...articles] : ['seed']);
const expected = (kind: Kind) =>
  kind === 'seed' ? reference.seeded : kind === 'ingest' ? reference.ingested : reference.populated;

function timed(fn: () => void): number {
  const t = performance.now();
  fn();
  return Math.round(performance.now() - t);
}

function countsOf(path: string): Record<string, number> {
  const db = openFile(path);
  try {
    expect(duplicates(db)).toEqual([]);
    return counts(db);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  requireBuilt();
  mkdirSync(join(dir, 'articles'));
  articles = writeArticles(join(dir, 'articles'), INGESTED, { bytes: 2000 });
  template.seeded = join(dir, 'seeded.sqlite');
  const calibrate = async (path: string, kind: Kind, args = command(kind)) => {
    const r = await runAndKill(path, args, {});
    expect(r.exited, r.stdout).toBe(true);
    workMs[kind] = r.workMs;
  };
  await calibrate(template.seeded, 'seed');
  template.populated = join(dir, 'populated.sqlite');
  copyFileSync(template.seeded, template.populated);
  expect(beatbook(template.populated, ['ingest', ...articles.slice(0, KEPT)]).status).toBe(0);
  template.ingested = join(dir, 'ingested.sqlite');
  copyFileSync(template.seeded, template.ingested);
  await calibrate(template.ingested, 'ingest');
  const reseeded = join(dir, 'reseed-calibration.sqlite');
  copyFileSync(template.populated, reseeded);
  await calibrate(reseeded, 'reseed');
  for (const t of ['seeded', 'populated', 'ingested'] as const) reference[t] = countsOf(template[t]);
  expect(reference.seeded.documents).toBe(14);
  expect(reference.populated.documents).toBe(14 + KEPT);
  expect(reference.ingested.documents).toBe(14 + INGESTED);
  // A rebuild keeps the ingested articles and extracts exactly what ingest did.
  expect(countsOf(reseeded)).toEqual(reference.populated);
  const db = openFile(template.ingested);
  articleShapes = documentShapes(db);
  db.close();
  console.log(
    `ingest-kill: seed ${SEED}; uninterrupted, from opening the store to exit: seed ${workMs.seed} ms, ingest of ${INGESTED} articles ${workMs.ingest} ms, reseed ${workMs.reseed} ms`,
  );
}, 120_000);

afterAll(() => {
  if (rounds.length === 0) return;
  const lines = rounds.map(
    (r) =>
      `  #${String(r.round).padStart(2)} ${r.kind.padEnd(6)} killed ${String(r.killAtMs).padStart(4)} ms after opening the store — ${r.phase}; re-run ${r.rerunMs} ms, verify ${r.verifyMs} ms`,
  );
  console.log(`ingest-kill rounds (seed ${SEED}):\n${lines.join('\n')}`);
});

interface KillPlan {
  /** Kill this long after the child opened the store… */
  afterOpenMs?: number;
  /** …or this long after the first "added" line, which ingest prints once the first batch is committed. */
  afterFirstBatchMs?: number;
}

/**
 * Seeded kill points spread over each kind's run: round k of a kind gets the k-th slice of the run's working time
 * and a random point inside it, so kills land early, late and between. Every other ingest round is killed instead
 * a random 0–100 ms after the first batch was committed, inside the next one.
 */
function killPlans(): KillPlan[] {
  const random = prng(SEED);
  const seen: Record<Kind, number> = { seed: 0, ingest: 0, reseed: 0 };
  const total = (k: Kind) => KINDS.filter((x) => x === k).length;
  return KINDS.map((kind) => {
    const k = seen[kind]++;
    const u = (k + random()) / total(kind);
    if (kind === 'ingest' && k % 2 === 1) return { afterFirstBatchMs: Math.floor(random() * 100) };
    // The last 15% is left out: a run a little faster than the calibration would finish before the kill.
    return { afterOpenMs: Math.round(0.85 * u * workMs[kind]) };
  });
}

/**
 * Runs the command in a child and, with a plan, kills it with SIGKILL. The child opening the store shows as its
 * -shm file appearing (every store here starts closed, without one), polled every 2 ms.
 */
async function runAndKill(
  db: string,
  args: string[],
  plan: KillPlan,
): Promise<{ exited: boolean; stdout: string; killAtMs: number; workMs: number }> {
  const started = performance.now();
  let openedAt = Number.NaN;
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], {
    env: cliEnv(db),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let timer: NodeJS.Timeout | undefined;
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const arm = (ms: number) => (timer ??= setTimeout(kill, ms));
  const poll = setInterval(() => {
    if (!existsSync(`${db}-shm`)) return;
    clearInterval(poll);
    openedAt = performance.now();
    if (plan.afterOpenMs !== undefined) arm(plan.afterOpenMs);
  }, 2);
  child.stdout!.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
    if (plan.afterFirstBatchMs !== undefined && /^added /m.test(stdout)) arm(plan.afterFirstBatchMs);
  });
  child.stderr!.resume();
  // 'close', not 'exit': only then has every line the child wrote been read.
  const [code] = (await once(child, 'close')) as [number | null];
  running.delete(child);
  const ended = performance.now();
  clearInterval(poll);
  clearTimeout(timer);
  return {
    exited: code !== null,
    stdout,
    killAtMs: Math.round(ended - (Number.isNaN(openedAt) ? started : openedAt)),
    workMs: Math.round(ended - openedAt),
  };
}

/** What a kill left behind, in words for the round log; also asserts that only whole transactions are there. */
function inspectAfterKill(path: string, kind: Kind, stdout: string, exited: boolean): string {
  if (exited) {
    expect(countsOf(path)).toEqual(expected(kind));
    return 'finished before the kill';
  }
  if (!existsSync(path)) return 'killed before the database file was created';
  const db = openFile(path);
  try {
    expect(integrity(db)).toEqual(['ok']);
    expect(ftsProblems(db)).toEqual([]);
    expect(duplicates(db)).toEqual([]);
    const c = counts(db);
    if (c.documents === -1) return 'killed while creating the schema';
    // A document is stored with its passages in one transaction: never one without the other.
    const bare = db
      .prepare(
        'SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.document_id = d.id)',
      )
      .get() as { n: number };
    expect(bare.n).toBe(0);
    if (kind === 'reseed') {
      // The rebuild is one transaction: killed anywhere, the store is exactly what it was before.
      expect(c).toEqual(reference.populated);
      return 'killed before the rebuild committed; store unchanged';
    }
    if (kind === 'seed') {
      // The seed is one transaction: all of it, or nothing curated or extracted at all.
      if (c.documents === 0) {
        expect(c).toEqual(Object.fromEntries(Object.keys(c).map((k) => [k, 0])));
        return 'killed before the seed committed; store empty';
      }
      expect(c).toEqual(reference.seeded);
      return 'killed after the seed committed';
    }
    const added = (stdout.match(/^added /gm) ?? []).length;
    const ingested = (c.documents ?? 0) - 14;
    // Whatever was reported added is durable (reports follow the commit)…
    expect(ingested).toBeGreaterThanOrEqual(added);
    // …and every article in the store is whole: exactly what an uninterrupted ingest stores for it.
    for (const [slug, shape] of documentShapes(db)) expect(shape, slug).toBe(articleShapes.get(slug));
    if (ingested === INGESTED) return 'killed after the last batch committed';
    return `killed during ingest: ${ingested} of ${INGESTED} articles committed, ${added} reported`;
  } finally {
    db.close();
  }
}

describe(`SIGKILL at random points of seed and ingest (${ROUNDS} rounds)`, () => {
  it('the checks used below do catch a duplicated document and a broken full-text index', () => {
    const path = join(dir, 'sabotaged.sqlite');
    copyFileSync(template.populated, path);
    const db = openFile(path);
    try {
      expect(ftsTables(db)).toEqual(expect.arrayContaining(['passages_fts', 'quotes_fts', 'aliases_trigram']));
      db.prepare(
        "INSERT INTO documents (slug, title, source_file, content_hash, body) SELECT slug || '-again', title, source_file, content_hash || 'x', body FROM documents LIMIT 1",
      ).run();
      db.prepare("INSERT INTO passages_fts (rowid, text) VALUES (987654321, 'a row with no passage')").run();
      expect(duplicates(db)).toEqual(['documents by source file and body: 1 duplicated']);
      expect(ftsProblems(db).join('\n')).toMatch(/^passages_fts: /);
    } finally {
      db.close();
    }
  });

  // The kill points depend on the measured run times, so each round computes its plan once those are known.
  for (let i = 0; i < ROUNDS; i++) {
    const kind = KINDS[i]!;
    it(`round ${i + 1}: ${kind} killed mid-run, re-run, no duplicates, verify passes`, async () => {
      const plan = killPlans()[i]!;
      const path = join(dir, `round-${i + 1}.sqlite`);
      if (kind === 'ingest') copyFileSync(template.seeded, path);
      if (kind === 'reseed') copyFileSync(template.populated, path);
      const { exited, stdout, killAtMs } = await runAndKill(path, command(kind), plan);
      const phase = inspectAfterKill(path, kind, stdout, exited);

      let rerun: ReturnType<typeof beatbook> | undefined;
      const rerunMs = timed(() => (rerun = beatbook(path, command(kind))));
      expect(rerun!.stderr).toBe('');
      expect(rerun!.status).toBe(0);

      const db = openFile(path);
      try {
        expect(integrity(db)).toEqual(['ok']);
        expect(ftsProblems(db)).toEqual([]);
        expect(duplicates(db)).toEqual([]);
        expect(counts(db)).toEqual(expected(kind));
      } finally {
        db.close();
      }
      let verify: ReturnType<typeof beatbook> | undefined;
      const verifyMs = timed(() => (verify = beatbook(path, ['verify'])));
      expect(verify!.stdout).toMatch(/^verify: ok/);
      expect(verify!.status).toBe(0);
      rounds.push({ round: i + 1, kind, killAtMs, phase, rerunMs, verifyMs });
    }, 60_000);
  }

  it('the kills landed in every phase: before the seed committed, between ingest batches, before a rebuild committed', () => {
    expect(rounds).toHaveLength(ROUNDS);
    const phases = rounds.map((r) => r.phase);
    expect(phases.some((p) => p.startsWith('killed before the seed committed'))).toBe(true);
    const partial = phases.filter((p) => /^killed during ingest: [1-9]\d* of/.test(p));
    expect(partial.length, 'a kill between two ingest batches').toBeGreaterThan(0);
    expect(phases.some((p) => p.startsWith('killed before the rebuild committed'))).toBe(true);
    // Most rounds must have interrupted something, or this file proves nothing.
    expect(phases.filter((p) => p.startsWith('killed')).length).toBeGreaterThanOrEqual(ROUNDS / 2);
  });
});
