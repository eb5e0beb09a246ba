import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { registry } from '../commands/index.js';
import type { Context } from '../src/core/command.js';
import { dispatchLine } from '../src/core/dispatch.js';
import { storeNameIndex } from '../src/core/name-index.js';
import { autocomplete } from '../src/core/resolve.js';
import { openDb } from '../src/store/db.js';
import { Store } from '../src/store/queries.js';
import { type Latency, now, peakRssMb, summarize, timeRoundRobin } from './measure.js';
import { Rng } from './prng.js';

/**
 * The lines each command is timed on: names as reporters type them (exact, unaccented, typo'd, ambiguous),
 * dates and free text, all about the seed corpus — present at every scale, so a row compares across scales.
 * ×N stores mention these people N times as often (the synthetic prose is learnt from the corpus).
 */
export const COMMAND_LINES: Record<string, string[]> = {
  actor: [
    'actor cienfuegos',
    'actor AMLO',
    'actor pena nieto',
    'actor "Margarita Zavala"',
    'actor cisen',
    'actor cienfuegoz',
    'actor sedena',
    'actor lopez obrador',
  ],
  event: [
    'event ayotzinapa',
    'event 2014-09-26',
    'event tlatlaya',
    'event arrest of salvador cienfuegos',
    'event 2020',
  ],
  policy: ['policy merida', 'policy law of internal security', 'policy national guard', 'policy merida iniciative'],
  quote: [
    'quote speaker:zavala',
    'quote pegasus',
    'quote speaker:"Peña Nieto" about:pegasus',
    'quote about:cienfuegos',
    'quote spied on',
  ],
  timeline: [
    'timeline from:2014 to:2014',
    'timeline actor:cienfuegos',
    'timeline about:pegasus from:2016',
    'timeline actor:"Peña Nieto" to:2018',
  ],
  search: ['search pegasus journalists', 'search national guard', 'search extradited', 'search cienfuegos arrested'],
  ask: [
    'ask When was Cienfuegos arrested?',
    'ask Who said the use of Pegasus went wild?',
    'ask What is the Merida Initiative?',
    'ask Who is Tomás Zerón?',
  ],
};

const EVALUATION_SETS = ['ask-dev.yaml', 'ask-heldout.yaml'];

/** The questions (answerable and not) of ask's evaluation sets, as a reporter typed them. */
function evaluationQuestions(): string[] {
  const out: string[] = [];
  for (const file of EVALUATION_SETS) {
    // bench/ compiles to dist/bench/: the fixtures are two levels up, in the checkout.
    const set = parse(readFileSync(new URL(`../../test/fixtures/${file}`, import.meta.url), 'utf8')) as {
      answerable: { q: string }[];
      unanswerable: { q: string }[];
    };
    out.push(...set.answerable.map((a) => a.q), ...set.unanswerable.map((u) => u.q));
  }
  return out;
}

/** Commands not timed: help is static text, digest writes subscriptions. */
const SKIP = new Set(['help', 'digest']);

export interface CommandResult {
  command: string;
  lines: string[];
  latency: Latency;
  /** Lines that answered (ok), and the error codes of those that did not, from the warm-up pass. */
  answered: number;
  errors: string[];
}

export interface QueryResult {
  /** First use of the name index on this store: read every alias and build it. */
  indexBuildMs: number;
  indexNames: number;
  /** Store.aliasVersion(), paid by every resolution to know the index is current. */
  aliasVersionMs: number;
  commands: CommandResult[];
  autocomplete: Latency;
  /** Peak RSS after the fixed lines, before ask's evaluation questions (optional: older runs lack it). */
  peakBeforeQuestionsMb?: number;
  peakRssMb: number;
}

/** Autocomplete inputs from the store's own names: prefixes, typos and unaccented forms of real aliases. */
function autocompleteInputs(store: Store, count: number): string[] {
  const names = storeNameIndex(store);
  const rng = new Rng('bench-autocomplete');
  const out: string[] = [];
  while (out.length < count) {
    const a = names.index.alias(rng.int(0, names.index.size - 1));
    const roll = rng.next();
    if (roll < 0.4) out.push(a.slice(0, Math.max(3, Math.round(a.length * 0.5))));
    else if (roll < 0.7 && a.length > 5) {
      const i = rng.int(1, a.length - 2);
      out.push(a.slice(0, i) + a.slice(i + 1));
    } else out.push(a.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
  }
  return out;
}

/** Times every command through the shared dispatcher, and autocomplete, on the store at `path`. */
export function benchCommands(path: string, opts: { runs: number; budgetMs: number }): QueryResult {
  const db = openDb(path);
  const store = new Store(db);
  const ctx: Context = {
    store,
    user: { id: 'bench', name: 'bench', admin: false },
    platform: 'cli',
    now: new Date('2026-11-23T12:00:00Z'),
  };
  let t = now();
  const names = storeNameIndex(store);
  const indexBuildMs = now() - t;
  t = now();
  for (let i = 0; i < 200; i++) store.aliasVersion();
  const aliasVersionMs = (now() - t) / 200;

  const commands: CommandResult[] = [];
  const specs = registry.list().filter((c) => !SKIP.has(c.name));
  for (const spec of specs) {
    const lines = COMMAND_LINES[spec.name] ?? spec.examples;
    if (lines.length === 0) continue;
    const errors: string[] = [];
    let answered = 0;
    for (const line of lines) {
      const reply = dispatchLine(registry, ctx, line);
      if (reply.ok) answered++;
      else errors.push(`${line} → ${reply.error?.code ?? 'error'}`);
    }
    const ms = timeRoundRobin(lines, (line) => dispatchLine(registry, ctx, line), {
      runs: opts.runs,
      budgetMs: opts.budgetMs,
      warmup: false,
    });
    commands.push({ command: spec.name, lines, latency: summarize(ms), answered, errors });
  }
  // The four ask lines above repeat, so they time ask on sentences it has already read. A newsroom asks new
  // questions: every question of the development and held-out sets, once each, in order.
  const peakBeforeQuestionsMb = peakRssMb();
  const questions = evaluationQuestions();
  let answered = 0;
  const asked = timeRoundRobin(
    questions,
    (q) => {
      if (dispatchLine(registry, ctx, `ask ${q}`).ok) answered++;
    },
    { runs: questions.length, budgetMs: Number.POSITIVE_INFINITY, warmup: false },
  );
  commands.push({
    command: `ask ×${questions.length}`,
    lines: [`each question of test/fixtures/${EVALUATION_SETS.join(', ')} once`],
    latency: summarize(asked),
    answered,
    errors: [],
  });
  const inputs = autocompleteInputs(store, 200);
  const ac = timeRoundRobin(inputs, (q) => autocomplete(store, 'any', q), {
    runs: Math.max(opts.runs, inputs.length),
    budgetMs: opts.budgetMs,
  });
  db.close();
  return {
    indexBuildMs,
    indexNames: names.index.size,
    aliasVersionMs,
    commands,
    autocomplete: summarize(ac),
    peakBeforeQuestionsMb,
    peakRssMb: peakRssMb(),
  };
}
