import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../src/store/db.js';
import { median, now } from './measure.js';

export interface ColdStart {
  command: string;
  runs: number;
  /** Process start to the first byte of the answer on stdout, and to exit, in ms (medians). */
  firstOutputMs: number;
  exitMs: number;
  /** Exit codes seen (0 = answered). */
  exitCodes: number[];
}

function once(args: string[], env: NodeJS.ProcessEnv): Promise<{ first: number; exit: number; code: number }> {
  return new Promise((resolve, reject) => {
    const t = now();
    let first = Number.NaN;
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'beatbook.js'), ...args], {
      env,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    child.stdout.once('data', () => {
      first = now() - t;
    });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => resolve({ first, exit: now() - t, code: code ?? -1 }));
  });
}

/**
 * `node bin/beatbook.js <args>` against a built store (BEATBOOK_DB), `runs` times in a row; medians. The
 * first run is counted too: the OS file cache is warm from building the store, as on a server that just wrote it.
 */
export async function coldStart(dbPath: string, args: string[], runs: number): Promise<ColdStart> {
  const env: NodeJS.ProcessEnv = { ...process.env, BEATBOOK_DB: dbPath };
  delete env.DEBUG;
  const first: number[] = [];
  const exit: number[] = [];
  const exitCodes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await once(args, env);
    first.push(r.first);
    exit.push(r.exit);
    exitCodes.push(r.code);
  }
  return { command: args.join(' '), runs, firstOutputMs: median(first), exitMs: median(exit), exitCodes };
}
