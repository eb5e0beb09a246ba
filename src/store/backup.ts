/**
 * `beatbook backup <path>`: a consistent copy of the live store with SQLite's online backup API, safe while the
 * bot is serving and writing. The copy is written under a temporary name in the target directory, checked,
 * made self-contained (no -wal needed), flushed to disk and only then renamed into place — a crash or a full
 * disk never leaves a half backup at the path.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { DB } from './db.js';
import { type Stats, storeStats } from './stats.js';

/** A backup request that cannot be carried out; the message says why and what to do. */
export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupOptions {
  /** Replace an existing file at the path. */
  force?: boolean;
  /** Pages copied per step (4 KiB each by default); between steps the writer is never held up. */
  pagesPerStep?: number;
  /** Called after every step with how far the copy is. */
  onProgress?: (p: { totalPages: number; remainingPages: number }) => void;
}

export interface BackupResult {
  /** Where the backup now is (inside the directory when a directory was given). */
  path: string;
  bytes: number;
  stats: Stats;
  /** How often the copy began again because another connection wrote to the store in between steps. */
  restarts: number;
  /** `PRAGMA integrity_check` of the copy: 'ok'. */
  integrity: string;
}

/**
 * After this many restarts the rest is copied in one step: one read transaction over the whole file, which a
 * writer in WAL mode does not wait for, so a busy bot cannot keep the backup from finishing.
 */
const MAX_RESTARTS = 2;
const DEFAULT_PAGES_PER_STEP = 256;

/** Backs up the open store `db` (read-only is enough) to `target`, a file path or an existing directory. */
export async function backupDatabase(db: DB, target: string, opts: BackupOptions = {}): Promise<BackupResult> {
  const dest = resolveTarget(target);
  const source = db.name;
  if (sameFile(source, dest))
    throw new BackupError(`${dest} is the live database itself — back it up to another path.`);
  if (existsSync(dest) && !opts.force)
    throw new BackupError(`${dest} already exists — choose another path, or add --force to replace it.`);
  const dir = dirname(dest);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new BackupError(`The directory ${dir} does not exist — create it first, or choose another path.`);

  const temp = join(dir, `.${basename(dest)}.${process.pid}-${randomBytes(3).toString('hex')}.partial`);
  let restarts = 0;
  let lastRemaining = Number.POSITIVE_INFINITY;
  const step = Math.max(1, Math.floor(opts.pagesPerStep ?? DEFAULT_PAGES_PER_STEP));
  try {
    await db.backup(temp, {
      progress: (p) => {
        // A step always shrinks what is left, unless another connection wrote in between: then SQLite started
        // the copy over from the first page.
        if (p.remainingPages >= lastRemaining) restarts++;
        lastRemaining = p.remainingPages;
        opts.onProgress?.(p);
        return restarts >= MAX_RESTARTS ? 0x7fffffff : step;
      },
    });
    const checked = finish(temp);
    fsyncPath(temp);
    renameSync(temp, dest);
    // Makes the rename itself durable; some systems cannot open a directory for this, and then it is skipped.
    try {
      fsyncPath(dir);
    } catch {
      // EISDIR/EPERM on platforms without directory fsync: the file's own data is already on disk.
    }
    return { path: dest, bytes: statSync(dest).size, restarts, ...checked };
  } catch (e) {
    // Nothing half-written stays behind; a failure to clean up must not hide the error that matters.
    for (const f of [temp, `${temp}-journal`, `${temp}-wal`, `${temp}-shm`]) {
      try {
        rmSync(f, { force: true });
      } catch {
        // Left for the person at the shell: its hidden .partial name says what it is.
      }
    }
    if (e instanceof BackupError) throw e;
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'SQLITE_FULL' || err.code === 'ENOSPC')
      throw new BackupError(
        `The disk holding ${dir} is full — nothing was written to ${dest}; free some space and retry.`,
      );
    if (err.code === 'EACCES' || err.code === 'EPERM' || /CANTOPEN|READONLY/.test(String(err.code)))
      throw new BackupError(`Cannot write to ${dir} (${err.code}) — choose a writable directory.`);
    throw e;
  }
}

/** A directory gets a dated file name inside it; anything else is the file path itself. */
function resolveTarget(target: string): string {
  const abs = resolve(target);
  if (existsSync(abs) && statSync(abs).isDirectory()) {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    return join(abs, `beatbook-${stamp}.sqlite`);
  }
  return abs;
}

function sameFile(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
}

/**
 * Checks the finished copy and makes it stand alone: the source's WAL mode travels with the pages, so the copy is
 * switched to a rollback journal — restoring it is then copying one file. Returns its integrity and counts.
 */
function finish(path: string): { integrity: string; stats: Stats } {
  const copy = new Database(path, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    const integrity = rows.map((r) => r.integrity_check).join('; ');
    if (integrity !== 'ok') throw new BackupError(`The copy failed its integrity check (${integrity.slice(0, 200)}).`);
    return { integrity, stats: storeStats(copy) };
  } finally {
    copy.close();
  }
}

/** Flushes a file or a directory entry to disk, so the rename is durable before we report success. */
function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
