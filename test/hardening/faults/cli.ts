/**
 * The built CLI (bin/beatbook.js → dist/) as a child process, the way a reporter or a supervisor runs it. Like
 * test/cli.test.ts, these tests need dist/ built (`npm test` builds first; alone: npx tsc -p tsconfig.build.json).
 */
import { type SpawnSyncOptions, type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../src/store/db.js';

export const BIN = join(ROOT, 'bin', 'beatbook.js');

/** Fails early with the fix when dist/ is missing, instead of twenty confusing child failures. */
export function requireBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'src', 'cli.js')))
    throw new Error('dist/ is not built: run "npx tsc -p tsconfig.build.json" (npm test does it) first');
}

/** An environment with no chat platform configured and the store at `db`. */
export function cliEnv(db: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, BEATBOOK_DB: db, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' };
  // A developer's DEBUG would add stacks to the messages the tests read; a test asks for it explicitly.
  delete env.DEBUG;
  return { ...env, ...extra };
}

/** Runs `beatbook <args>` to completion. */
export function beatbook(
  db: string,
  args: string[],
  opts: SpawnSyncOptions & { extraEnv?: Record<string, string> } = {},
): SpawnSyncReturns<string> {
  const { extraEnv, ...rest } = opts;
  return spawnSync(process.execPath, [BIN, ...args], {
    env: cliEnv(db, extraEnv),
    encoding: 'utf8',
    timeout: 60_000,
    ...rest,
  }) as SpawnSyncReturns<string>;
}

/** A file's SHA-256, to prove that something did not touch it. */
export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
