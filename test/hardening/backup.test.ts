// `beatbook backup <path>`: SQLite's online backup of the live store, taken while other processes write to it
// (a serving bot's small transactions; `seed` rebuilding everything in one). The copy must be sound and a consistent
// snapshot — whole transactions only — and `verify` must pass on it. It never leaves a half-written file at
// the path, never overwrites without --force, and the documented restore brings it back.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { BackupError, backupDatabase } from '../../src/store/backup.js';
import { ROOT, openDb } from '../../src/store/db.js';
import { tempDir } from '../helpers/store.js';
import { writeArticles } from './faults/articles.js';
import { BIN, beatbook, cliEnv, requireBuilt, sha256 } from './faults/cli.js';
import { type FileDB, counts, duplicates, ftsProblems, integrity, openFile, documentShapes } from './faults/inspect.js';

const ARTICLES = 40;
const dir = tempDir();
let seeded = '';
let articles: string[] = [];
/** Per ingested article, what an uninterrupted ingest stores for it: the yardstick for "whole transactions". */
let reference = new Map<string, string>();

const writerRows = (db: FileDB) => ({
  subscriptions: (
    db.prepare("SELECT count(*) AS n FROM digest_subscriptions WHERE created_by = 'writer'").get() as { n: number }
  ).n,
  audit: (db.prepare("SELECT count(*) AS n FROM audit_log WHERE actor = 'writer'").get() as { n: number }).n,
});

/** A fresh copy of the seeded store, as a live database for one test. */
function liveCopy(name: string): string {
  const path = join(dir, `${name}.sqlite`);
  copyFileSync(seeded, path);
  return path;
}

beforeAll(() => {
  requireBuilt();
  seeded = join(dir, 'seeded.sqlite');
  expect(beatbook(seeded, ['seed']).status).toBe(0);
  mkdirSync(join(dir, 'articles'));
  articles = writeArticles(join(dir, 'articles'), ARTICLES);
  const ref = liveCopy('reference');
  expect(beatbook(ref, ['ingest', ...articles]).status).toBe(0);
  const db = openFile(ref);
  reference = documentShapes(db);
  db.close();
  expect(reference.size).toBe(ARTICLES);
}, 60_000);

interface Child {
  proc: ChildProcess;
  out: () => string;
  /** Resolves once the process has exited and all it wrote has been read. */
  closed: Promise<unknown>;
}

function child(args: string[], env: NodeJS.ProcessEnv): Child {
  const proc = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const closed = once(proc, 'close');
  onTestFinished(() => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  return { proc, out: () => out, closed };
}

describe('beatbook backup while the store is being written', () => {
  it('copies a store the bot keeps writing to: sound, whole transactions only, the bot never held up, verify passes', async () => {
    const live = liveCopy('live');
    const writer = child([join(ROOT, 'test/hardening/faults/writer-child.mjs'), ROOT, live], process.env);
    const committed = () => Number(writer.out().trim().split('\n').at(-1) ?? 0);
    await vi.waitFor(() => expect(committed()).toBeGreaterThanOrEqual(20), { timeout: 20_000, interval: 10 });
    const dest = join(dir, 'while-serving.sqlite');
    const before = committed();
    const backup = child([BIN, 'backup', dest, '--json'], cliEnv(live));
    await backup.closed;
    const code = backup.proc.exitCode;
    const after = committed();
    writer.proc.kill('SIGTERM');
    await writer.closed;
    const total = committed();

    expect(backup.out()).not.toMatch(/Error|\n\s+at /);
    expect(code).toBe(0);
    const result = JSON.parse(backup.out());
    expect(result).toMatchObject({ ok: true, path: dest, integrity: 'ok' });
    // The bot was not held up: it kept committing while the backup ran.
    expect(after).toBeGreaterThan(before);

    const db = openFile(dest);
    try {
      expect(integrity(db)).toEqual(['ok']);
      expect(ftsProblems(db)).toEqual([]);
      expect(duplicates(db)).toEqual([]);
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      const c = counts(db);
      expect(result.bytes).toBe(readFileSync(dest).length);
      for (const k of ['documents', 'passages', 'quotes', 'actors', 'mentions'] as const)
        expect(result.stats[k]).toBe(c[k]);
      expect(c.documents).toBe(14);
      // A snapshot: each writer transaction is there whole (subscription and audit line) or not at all.
      const w = writerRows(db);
      expect(w.subscriptions).toBe(w.audit);
      expect(w.subscriptions).toBeGreaterThanOrEqual(before);
      expect(w.subscriptions).toBeLessThanOrEqual(total);
      console.log(
        `backup while serving: ${result.bytes} bytes, ${w.subscriptions} writer transactions in the copy; the writer committed ${after - before} transactions while the backup process ran; ${result.restarts} restart(s)`,
      );
    } finally {
      db.close();
    }
    expect(existsSync(`${dest}-wal`)).toBe(false);
    const verify = beatbook(dest, ['verify']);
    expect(verify.stdout).toMatch(/^verify: ok/);
    expect(verify.status).toBe(0);
    // The live store is intact too.
    const liveDb = openFile(live);
    expect(integrity(liveDb)).toEqual(['ok']);
    expect(writerRows(liveDb).subscriptions).toBe(writerRows(liveDb).audit);
    liveDb.close();
  }, 60_000);

  it('a backup taken while `seed` rebuilds the store holds it whole, before or after the rebuild', async () => {
    const live = liveCopy('reseeding');
    expect(beatbook(live, ['ingest', ...articles]).status).toBe(0);
    const seededAt = (db: FileDB) =>
      (db.prepare("SELECT value FROM meta WHERE key = 'seeded_at'").get() as { value: string }).value;
    const db0 = openFile(live);
    const whole = counts(db0);
    const before = seededAt(db0);
    db0.close();
    // One transaction deletes and rebuilds everything; the backup starts at the same moment.
    const reseed = child([BIN, 'seed'], cliEnv(live));
    const dest = join(dir, 'during-reseed.sqlite');
    const backup = child([BIN, 'backup', dest, '--json'], cliEnv(live));
    await backup.closed;
    await reseed.closed;
    expect(backup.proc.exitCode, backup.out()).toBe(0);
    expect(reseed.proc.exitCode, reseed.out()).toBe(0);
    const liveDb = openFile(live);
    const after = seededAt(liveDb);
    liveDb.close();
    const copy = openFile(dest);
    try {
      expect(integrity(copy)).toEqual(['ok']);
      expect(ftsProblems(copy)).toEqual([]);
      expect(duplicates(copy)).toEqual([]);
      expect(counts(copy)).toEqual(whole);
      expect(documentShapes(copy)).toEqual(reference);
      expect([before, after]).toContain(seededAt(copy));
      console.log(
        `backup during a reseed: the copy holds the store ${seededAt(copy) === before ? 'before' : 'after'} the rebuild`,
      );
    } finally {
      copy.close();
    }
  }, 60_000);

  it('a copy that another connection keeps starting over finishes in one pass after two restarts', async () => {
    const live = liveCopy('restarts');
    const db = openDb(live, { readonly: true });
    const other = openFile(live);
    const note = other.prepare("INSERT INTO audit_log (actor, action, detail) VALUES ('writer', 'between steps', '')");
    const dest = join(dir, 'restarted.sqlite');
    let steps = 0;
    try {
      const r = await backupDatabase(db, dest, {
        pagesPerStep: 4,
        // Another connection commits between every two steps: SQLite restarts the copy each time.
        onProgress: () => {
          steps++;
          note.run();
        },
      });
      expect(r.restarts).toBe(2);
      const copy = openFile(dest);
      expect(integrity(copy)).toEqual(['ok']);
      // The one-pass copy came after the last write: it holds every row written between the steps.
      expect(writerRows(copy).audit).toBe(steps);
      copy.close();
    } finally {
      db.close();
      other.close();
    }
  });
});

describe('a backup while a write transaction is open', () => {
  it('does not wait for it, and holds none of its uncommitted rows', async () => {
    const live = liveCopy('open-transaction');
    const db = openDb(live, { readonly: true });
    const writer = openFile(live);
    const dest = join(dir, 'during-transaction.sqlite');
    try {
      writer.exec('BEGIN IMMEDIATE');
      writer.prepare("INSERT INTO audit_log (actor, action, detail) VALUES ('writer', 'uncommitted', '')").run();
      const r = await backupDatabase(db, dest, { pagesPerStep: 8 });
      writer.exec('COMMIT');
      const copy = openFile(dest);
      expect(integrity(copy)).toEqual(['ok']);
      expect(writerRows(copy).audit).toBe(0);
      expect(r.stats.documents).toBe(14);
      copy.close();
      expect(writerRows(writer).audit).toBe(1);
    } finally {
      if (writer.inTransaction) writer.exec('ROLLBACK');
      writer.close();
      db.close();
    }
  });
});

describe('never a half backup, never an overwrite by mistake', () => {
  it('refuses an existing file without --force (exit 1, file untouched) and replaces it with --force', () => {
    const live = liveCopy('force');
    const d = join(dir, 'force-target');
    mkdirSync(d);
    const dest = join(d, 'nightly.sqlite');
    writeFileSync(dest, 'yesterday’s backup\n');
    const refused = beatbook(live, ['backup', dest]);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `backup: ${dest} already exists — choose another path, or add --force to replace it.`,
    );
    expect(readFileSync(dest, 'utf8')).toBe('yesterday’s backup\n');
    const forced = beatbook(live, ['backup', dest, '--force']);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(
      /^Backed up .* to .*nightly\.sqlite: \d+\.\d MB — 14 documents, \d+ passages, \d+ quotes, .*integrity ok\.\n$/,
    );
    const db = openFile(dest);
    expect(integrity(db)).toEqual(['ok']);
    expect(counts(db).documents).toBe(14);
    db.close();
    expect(readdirSync(d)).toEqual(['nightly.sqlite']);
  });

  it('a backup that fails halfway leaves nothing at the path, no temporary file, and an older backup intact', async () => {
    const live = liveCopy('halfway');
    const d = join(dir, 'halfway-target');
    mkdirSync(d);
    const dest = join(d, 'beatbook.sqlite');
    const db = openDb(live, { readonly: true });
    const failHalfway = {
      pagesPerStep: 16,
      onProgress: (p: { totalPages: number; remainingPages: number }) => {
        if (p.remainingPages < p.totalPages / 2) throw new Error('disk unplugged');
      },
    };
    try {
      await expect(backupDatabase(db, dest, failHalfway)).rejects.toThrow('disk unplugged');
      expect(readdirSync(d)).toEqual([]);
      writeFileSync(dest, 'older backup');
      const older = sha256(dest);
      await expect(backupDatabase(db, dest, { ...failHalfway, force: true })).rejects.toThrow('disk unplugged');
      expect(sha256(dest)).toBe(older);
      expect(readdirSync(d)).toEqual(['beatbook.sqlite']);
    } finally {
      db.close();
    }
  });

  it('refuses the live database itself as the target, and a directory that does not exist', async () => {
    const live = liveCopy('self');
    const self = beatbook(live, ['backup', live]);
    expect(self.status).toBe(1);
    expect(self.stderr).toContain('is the live database itself');
    const nowhere = beatbook(live, ['backup', join(dir, 'no-such-dir', 'b.sqlite')]);
    expect(nowhere.status).toBe(1);
    expect(nowhere.stderr).toContain('does not exist — create it first');
    const db = openDb(live, { readonly: true });
    await expect(backupDatabase(db, live, {})).rejects.toBeInstanceOf(BackupError);
    db.close();
    expect(beatbook(live, ['backup']).status).toBe(1);
  });

  it('given a directory, writes a dated file inside it', () => {
    const live = liveCopy('into-dir');
    const d = join(dir, 'nightly');
    mkdirSync(d);
    const r = beatbook(live, ['backup', d, '--json']);
    expect(r.status).toBe(0);
    const { path } = JSON.parse(r.stdout) as { path: string };
    expect(path).toMatch(/\/nightly\/beatbook-\d{8}-\d{6}\.sqlite$/);
    expect(readdirSync(d)).toHaveLength(1);
  });
});

describe('restore, as the README documents it', () => {
  it('stop the bot, copy the backup over BEATBOOK_DB, remove -wal/-shm, start: the backup is the store', () => {
    const live = liveCopy('restore-live');
    const [article] = articles;
    expect(beatbook(live, ['ingest', article!]).status).toBe(0);
    const saved = join(dir, 'restore-backup.sqlite');
    expect(beatbook(live, ['backup', saved]).status).toBe(0);
    // Later the store is lost: here, a damaged file with a stale WAL beside it.
    writeFileSync(live, Buffer.alloc(4096, 7));
    writeFileSync(`${live}-wal`, 'stale');
    // The documented steps.
    copyFileSync(saved, live);
    rmSync(`${live}-wal`, { force: true });
    rmSync(`${live}-shm`, { force: true });
    const stats = beatbook(live, ['stats', '--json']);
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout).documents).toBe(15);
    expect(beatbook(live, ['verify']).status).toBe(0);
  });
});
