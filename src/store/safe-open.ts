/**
 * Opening the store from the CLI without surprises: a database that cannot be used is refused before anything
 * touches it, with one sentence naming the file and what to do — never a SQLite stack. A read-only file is
 * still good for questions: it is opened read-only instead of refused, unless the verb needs to write.
 */
import { accessSync, closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { type DB, listMigrations, openDb } from './db.js';

/** A database file Beatbook cannot use; the message is the whole explanation for the person at the shell. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

export interface OpenedStore {
  db: DB;
  /** True when the file is write-protected and was opened read-only: answer from it as it is, build nothing. */
  readOnly: boolean;
}

/** The 16 bytes every SQLite 3 database file starts with. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

const canWrite = (path: string): boolean => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Opens (creating and migrating when needed) the database at `path` for a CLI verb. `write` says whether the
 * verb must change the store (seed, ingest, serve); without it a write-protected file is opened read-only.
 * Throws DatabaseOpenError (or the underlying error, for describeOpenError) when the file cannot be used.
 */
export function openStoreSafely(path: string, opts: { write: boolean }): OpenedStore {
  if (path === ':memory:') return { db: openDb(path), readOnly: false };
  let size = -1;
  try {
    const st = statSync(path);
    if (st.isDirectory())
      throw new DatabaseOpenError(
        `BEATBOOK_DB points at a directory, ${path} — set it to a file path such as ${join(path, 'beatbook.sqlite')}.`,
      );
    size = st.size;
  } catch (e) {
    if (e instanceof DatabaseOpenError) throw e;
    // Missing, or under a path that is not a directory: openDb's mkdir reports which.
    if (!['ENOENT', 'ENOTDIR'].includes(String((e as NodeJS.ErrnoException).code))) throw e;
  }
  if (size > 0) checkHeader(path);
  const writable = size < 0 || canWrite(path);
  if (!writable && opts.write)
    throw new DatabaseOpenError(
      `The database at ${path} is read-only and this command needs to change it — make it writable (chmod u+w "${path}") or set BEATBOOK_DB to a writable copy.`,
    );
  if (!writable) {
    const db = openDb(path, { readonly: true });
    try {
      checkSchema(db, path, { readOnly: true });
    } catch (e) {
      db.close();
      throw e;
    }
    return { db, readOnly: true };
  }
  if (size > 0) {
    // Look before migrating: a database from a newer Beatbook must not be half-upgraded by an older one. A plain
    // connection (not openDb) changes nothing, and as the last one to close it leaves no -wal/-shm behind.
    const probe = new Database(path, { fileMustExist: true });
    try {
      probe.pragma('busy_timeout = 5000');
      checkSchema(probe, path, { readOnly: false });
    } finally {
      probe.close();
    }
  }
  return { db: openDb(path), readOnly: false };
}

function checkHeader(path: string): void {
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (n < head.length || !head.equals(SQLITE_HEADER))
    throw new DatabaseOpenError(
      `The file at ${path} is not a SQLite database — point BEATBOOK_DB at the Beatbook store, or move this file away and Beatbook will build a new store there.`,
    );
}

/** Refuses a schema this build does not know (from a newer Beatbook), and a read-only one it would need to upgrade. */
function checkSchema(db: DB, path: string, opts: { readOnly: boolean }): void {
  const known = listMigrations().map((m) => m.version);
  const latest = Math.max(0, ...known);
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  const applied = hasTable
    ? (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version)
    : [];
  const newest = Math.max(0, ...applied);
  if (newest > latest)
    throw new DatabaseOpenError(
      `The database at ${path} was written by a newer Beatbook (schema version ${newest}; this one knows up to ${latest}) — upgrade Beatbook, or set BEATBOOK_DB to another file.`,
    );
  if (opts.readOnly && known.some((v) => !applied.includes(v)))
    throw new DatabaseOpenError(
      `The database at ${path} is read-only and from an older Beatbook, so it cannot be upgraded — make it writable (chmod u+w "${path}") once so Beatbook can upgrade it.`,
    );
}

/**
 * One sentence for an error met while opening the store: which file, what is wrong, what to do. SQLite's
 * and the file system's codes are translated; anything else keeps its message.
 */
export function describeOpenError(path: string, e: unknown): string {
  if (e instanceof DatabaseOpenError) return e.message;
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === 'string' ? err.code : '';
  const message = typeof err?.message === 'string' ? err.message : String(e);
  const dir = dirname(resolve(path));
  const elsewhere = 'set BEATBOOK_DB to a path in a writable directory';
  if (
    (/^(ENOENT|ENOTDIR|EACCES|EPERM|EROFS)$/.test(code) && /mkdir/.test(message)) ||
    /directory does not exist/.test(message)
  )
    return `Cannot create the database at ${path}: its directory ${dir} does not exist and cannot be created (${code || 'no such directory'}) — ${elsewhere}.`;
  if (code === 'SQLITE_CANTOPEN')
    return canWrite(dir)
      ? `Cannot open the database at ${path} (SQLite could not open the file) — check that it and its -wal/-shm files are readable and writable, or ${elsewhere}.`
      : `Cannot create or open the database at ${path}: the directory ${dir} is not writable — make it writable, or ${elsewhere}.`;
  if (code === 'SQLITE_READONLY_DIRECTORY')
    return `Cannot use the database at ${path}: its directory ${dir} is read-only and SQLite needs to keep its -wal and -shm files there — make the directory writable, or copy the database to a writable directory and set BEATBOOK_DB to the copy.`;
  if (code.startsWith('SQLITE_READONLY'))
    return `The database at ${path} is read-only (${code}) — make it and its -wal/-shm files writable, or set BEATBOOK_DB to a writable copy.`;
  if (code === 'SQLITE_NOTADB')
    return `The file at ${path} is not a SQLite database — point BEATBOOK_DB at the Beatbook store, or move this file away and Beatbook will build a new store there.`;
  if (code.startsWith('SQLITE_CORRUPT'))
    return `The database at ${path} is damaged (${message}) — restore it from a backup (beatbook backup; see README), or delete it and Beatbook rebuilds the store from seeds/.`;
  if (code === 'SQLITE_FULL') return `The disk holding ${path} is full — free some space and run the command again.`;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return `The database at ${path} stayed locked by another process — try again, or stop the other Beatbook process first.`;
  if (code.startsWith('SQLITE_IOERR'))
    return `Reading or writing the database at ${path} failed (${code}) — check the disk, then run the command again.`;
  return `Cannot open the database at ${path}: ${message}`;
}

/**
 * Whether an error met while using the store is about the file itself (read-only, full disk, damaged, locked)
 * rather than a bug — those get describeOpenError's sentence instead of a generic failure.
 */
export function isStorageError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    e instanceof DatabaseOpenError ||
    (typeof code === 'string' && /^SQLITE_(READONLY|FULL|CORRUPT|NOTADB|IOERR|BUSY|LOCKED|CANTOPEN)/.test(code))
  );
}
