import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../commands/index.js';
import { ROOT, openDb } from '../../src/store/db.js';
import { Store } from '../../src/store/queries.js';
import { storeStats } from '../../src/store/stats.js';
import { expectNoOpenTcp, recordingLog } from '../adapters/slack/harness.js';
import { type SlackHttpApp, startSlackHttp } from '../adapters/slack/http-app.js';
import { seededStore, tempDir } from '../helpers/store.js';

/*
 * 1,000 slash commands in flight through the real Slack adapter (HTTP mode, signed requests) while another
 * process ingests four batches of newsroom articles into the same database file. The bot reads through a
 * read-only connection, one snapshot per command: every answer must be exactly the answer the store gave
 * before the ingest, or after one of its commits — never an error, never SQLITE_BUSY, never a mixture.
 */
const BOT_TOKEN = 'xoxb-3333-4444-concurrency';
const SECRET = 'signing-secret-for-concurrency-tests';
const IN_FLIGHT = 1000;
const BATCHES = 4;
const ARTICLES_PER_BATCH = 30;

const { db: writer, path } = seededStore();
const dir = tempDir();
const { log, entries } = recordingLog();
let reader: ReturnType<typeof openDb>;
let app: SlackHttpApp;

// Commands whose answers the new articles change (the new word, Cienfuegos's mentions) and some they don't.
const LINES = [
  'search zyxwbeat',
  'search Cienfuegos arrested',
  'actor cienfuegos',
  'quote speaker:zavala',
  'timeline actor:cienfuegos',
  'event ayotzinapa',
  'policy merida',
  'source P12',
  'ask When was Cienfuegos arrested?',
  'quote arrest',
];

// Sentences in the corpus's manner, with names the store knows, and a word no seed holds.
const SENTENCES = [
  'Former defense secretary Salvador Cienfuegos was arrested in Los Angeles, officials said.',
  'The zyxwbeat desk reviewed the extradition papers filed against Cienfuegos.',
  '“We will not accept interference in our affairs,” said Marcelo Ebrard, the foreign minister.',
  'Margarita Zavala said the Pegasus spyware had been used against her family.',
  'The Merida Initiative funded training for police in several states.',
  'Relatives of the 43 Ayotzinapa students marched again in Mexico City.',
];

function writeBatches(): string[][] {
  const batches: string[][] = [];
  for (let b = 0; b < BATCHES; b++) {
    const files: string[] = [];
    mkdirSync(join(dir, `batch-${b}`), { recursive: true });
    for (let a = 0; a < ARTICLES_PER_BATCH; a++) {
      const n = b * ARTICLES_PER_BATCH + a;
      const paragraphs = Array.from(
        { length: 24 },
        (_, p) => `${SENTENCES[(n + p) % SENTENCES.length]} Dispatch ${n}, item ${p}.`,
      );
      const file = join(dir, `batch-${b}`, `article-${n}.txt`);
      writeFileSync(file, `Newsroom dispatch ${n}\n\n${paragraphs.join('\n\n')}\n`);
      files.push(file);
    }
    batches.push(files);
  }
  return batches;
}

/** Runs `beatbook ingest` on one batch in a child process; resolves with its exit code and stderr. */
function ingest(files: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/beatbook.js'), 'ingest', ...files], {
      env: { ...process.env, BEATBOOK_DB: path, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

async function slash(text: string): Promise<{ status: number; body: Record<string, unknown>; at: number }> {
  const { ack, body } = await app.command(text, { label: 'c', timeoutMs: 120_000 });
  return { status: ack.status, body, at: Date.now() };
}

/** What each line answers now, through the adapter, asked one at a time. */
async function answers(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const line of LINES) out.set(line, JSON.stringify((await slash(line)).body));
  return out;
}

beforeAll(async () => {
  reader = openDb(path, { readonly: true });
  app = await startSlackHttp({
    botToken: BOT_TOKEN,
    signingSecret: SECRET,
    store: new Store(reader, { writer }),
    registry,
    log,
    clientOptions: { retryConfig: { retries: 0 }, timeout: 5000 },
  });
});

afterAll(async () => {
  await app.stop();
  reader.close();
  await expectNoOpenTcp();
});

describe('1,000 commands in flight while an ingest writes', () => {
  it('answers every one from a consistent snapshot, with no error and nothing lost', async () => {
    const batches = writeBatches();
    const before = storeStats(writer);
    const states: Map<string, string>[] = [await answers()];
    const windows: { start: number; end: number }[] = [];

    // The ingest, batch after batch, recording what every line answers between batches.
    const ingesting = (async () => {
      const results = [];
      for (const files of batches) {
        const start = Date.now();
        results.push(await ingest(files));
        windows.push({ start, end: Date.now() });
        states.push(await answers());
      }
      return results;
    })();
    const inFlight = Promise.all(Array.from({ length: IN_FLIGHT }, (_, i) => slash(LINES[i % LINES.length]!)));
    const [ingests, replies] = await Promise.all([ingesting, inFlight]);

    for (const r of ingests) expect(r).toEqual({ code: 0, stderr: '' });
    const after = storeStats(writer);
    expect(after.documents - before.documents).toBe(BATCHES * ARTICLES_PER_BATCH);

    // Each answer is one the store gave at some commit: before, or after batch 1, 2, 3 or 4.
    let changed = 0;
    replies.forEach((r, i) => {
      const line = LINES[i % LINES.length]!;
      expect(r.status).toBe(200);
      expect(r.body.text).not.toMatch(/Something went wrong|Slow down/);
      const seen = JSON.stringify(r.body);
      const matches = states.filter((s) => s.get(line) === seen).length;
      expect(matches, `"${line}" answered something no snapshot gave`).toBeGreaterThan(0);
      if (seen !== states[0]!.get(line)) changed++;
    });
    // The ingest really changed answers (the new word is found at the end, not at the start)…
    expect(states[0]!.get('search zyxwbeat')).toContain('Nothing in the store matches');
    expect(states[BATCHES]!.get('search zyxwbeat')).toContain('zyxwbeat');
    // …and commands really ran while it wrote: some answered during an ingest window, some saw a new state.
    const during = replies.filter((r) => windows.some((w) => r.at >= w.start && r.at <= w.end)).length;
    expect(during).toBeGreaterThan(0);
    process.stderr.write(
      `concurrency: ${IN_FLIGHT} in flight, ${during} answered while a batch was being written, ${changed} saw a later commit\n`,
    );

    // Nothing failed, nothing was busy, and the file is whole.
    const logged = JSON.stringify(entries);
    expect(logged).not.toMatch(/SQLITE_BUSY|database is locked|command failed/);
    expect(writer.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(() => writer.exec("INSERT INTO passages_fts(passages_fts) VALUES('integrity-check')")).not.toThrow();
  }, 300_000);
});
