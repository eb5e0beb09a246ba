// A database Beatbook cannot use stops start-up with one sentence on stderr that names the file and says what to
// do — exit code 2, no stack trace (unless DEBUG), and nothing changed. A write-protected store still answers
// questions: it is opened read-only instead of refused, unless the command has to write.
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/store.js';
import { writeArticles } from './faults/articles.js';
import { beatbook, requireBuilt, sha256 } from './faults/cli.js';
import { counts, openFile } from './faults/inspect.js';

// root may write any file whatever its mode; the permission cases run the CLI as "nobody" then, as a bot's
// service account would run. As another user, the modes already bind.
const asRoot = process.getuid?.() === 0;
const unprivileged = asRoot ? { uid: 65534, gid: 65534 } : {};

const dir = tempDir();
// The unprivileged child must reach files in here; each case below sets the modes it needs on its own folder.
chmodSync(dir, 0o755);
let good = '';
const caseDirs: string[] = [];
// Give the folders their write bit back, or the temporary directory could not be removed by a non-root user.
afterAll(() => {
  for (const d of caseDirs) chmodSync(d, 0o755);
});

beforeAll(() => {
  requireBuilt();
  good = join(dir, 'good.sqlite');
  const r = beatbook(good, ['seed']);
  expect(r.status).toBe(0);
  chmodSync(good, 0o644);
}, 60_000);

/** A case folder with `mode`, holding a copy of the good store (mode `fileMode`) when asked. */
function caseDir(name: string, mode: number, withStore?: { file: string; mode: number }): string {
  const d = join(dir, name);
  mkdirSync(d);
  caseDirs.push(d);
  if (withStore) {
    copyFileSync(good, join(d, withStore.file));
    chmodSync(join(d, withStore.file), withStore.mode);
  }
  chmodSync(d, mode);
  return d;
}

/** The refusal every case must show: exit 2, one sentence naming the file, and no stack. */
function expectClearRefusal(r: ReturnType<typeof beatbook>, path: string, says: RegExp): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(path);
  expect(lines[0]).toMatch(says);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/SqliteError|node:internal/);
}

describe('a database path whose directory does not exist and cannot be created', () => {
  it('under a regular file: names the path, says to set BEATBOOK_DB, creates nothing', () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'notes\n');
    const path = join(file, 'sub', 'beatbook.sqlite');
    expectClearRefusal(
      beatbook(path, ['stats']),
      path,
      /cannot be created.*set BEATBOOK_DB to a path in a writable directory/,
    );
  });

  it('under a directory the user may not write: the same sentence, nothing created', () => {
    const parent = caseDir('locked-parent', 0o555);
    const path = join(parent, 'missing', 'beatbook.sqlite');
    expectClearRefusal(
      beatbook(path, ['stats'], unprivileged),
      path,
      /does not exist and cannot be created \(EACCES\)/,
    );
    expect(readdirSync(parent)).toEqual([]);
  });

  it('a new database file in an existing directory the user may not write', () => {
    const d = caseDir('locked-dir', 0o555);
    const path = join(d, 'beatbook.sqlite');
    expectClearRefusal(
      beatbook(path, ['stats'], unprivileged),
      path,
      /directory .* is not writable — make it writable/,
    );
    expect(readdirSync(d)).toEqual([]);
  });
});

describe('a read-only database file (chmod 0444)', () => {
  // The folder stays writable: SQLite may keep its -shm/-wal side files next to a WAL database it reads.
  const setup = () => {
    const d = caseDir(`ro-file-${Math.random().toString(36).slice(2, 8)}`, 0o777, {
      file: 'store.sqlite',
      mode: 0o444,
    });
    const path = join(d, 'store.sqlite');
    return { path, hash: sha256(path) };
  };

  it('still answers read-only one-shot queries, and the file is not modified', () => {
    const { path, hash } = setup();
    const stats = beatbook(path, ['stats', '--json'], unprivileged);
    expect(stats.stderr).toBe('');
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout).documents).toBe(14);
    const actor = beatbook(path, ['actor', 'cienfuegos'], unprivileged);
    expect(actor.status).toBe(0);
    expect(actor.stdout).toContain('Salvador Cienfuegos Zepeda');
    const verify = beatbook(path, ['verify'], unprivileged);
    expect(verify.stdout).toMatch(/^verify: ok/);
    expect(sha256(path)).toBe(hash);
  });

  it('refuses seed and ingest with one sentence saying how to make it writable, unchanged', () => {
    const { path, hash } = setup();
    const [article] = writeArticles(caseDir(`articles-${Math.random().toString(36).slice(2, 8)}`, 0o755), 1);
    for (const args of [['seed'], ['ingest', article!]]) {
      const r = beatbook(path, args, unprivileged);
      expectClearRefusal(r, path, /is read-only and this command needs to change it — make it writable \(chmod u\+w/);
    }
    expect(sha256(path)).toBe(hash);
    const db = openFile(path);
    expect(counts(db).documents).toBe(14);
    db.close();
  });
});

describe('a read-only directory holding the database', () => {
  it('explains that SQLite needs to keep its -wal and -shm files there, and changes nothing', () => {
    const d = caseDir('ro-dir', 0o755, { file: 'store.sqlite', mode: 0o644 });
    const path = join(d, 'store.sqlite');
    // The file itself is the user's and writable: only the folder is locked.
    if (asRoot) chownSync(path, 65534, 65534);
    chmodSync(d, 0o555);
    const hash = sha256(path);
    for (const args of [['stats'], ['seed']]) {
      const r = beatbook(path, args, unprivileged);
      expectClearRefusal(
        r,
        path,
        /its directory .* is read-only and SQLite needs to keep its -wal and -shm files there/,
      );
    }
    expect(sha256(path)).toBe(hash);
    expect(readdirSync(d)).toEqual(['store.sqlite']);
  });
});

describe('a file that is not a SQLite database', () => {
  it('is named as such, for a query and for seed alike, and left exactly as it was', () => {
    const path = join(dir, 'garbage.sqlite');
    // Deterministic garbage: bytes that are not the SQLite header.
    writeFileSync(path, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 251)));
    const hash = sha256(path);
    for (const args of [['stats'], ['seed'], ['actor', 'cienfuegos']]) {
      expectClearRefusal(
        beatbook(path, args),
        path,
        /is not a SQLite database — point BEATBOOK_DB at the Beatbook store/,
      );
    }
    expect(sha256(path)).toBe(hash);
    expect(existsSync(`${path}-wal`) || existsSync(`${path}-journal`)).toBe(false);
  });
});

describe('a database from the future', () => {
  it('(schema_migrations version 999) is refused before any migration touches it', () => {
    const path = join(dir, 'future.sqlite');
    copyFileSync(good, path);
    const db = openFile(path);
    db.prepare("INSERT INTO schema_migrations (version, name) VALUES (999, 'from_the_future')").run();
    const before = counts(db);
    db.close();
    const hash = sha256(path);
    for (const args of [['stats'], ['seed'], ['verify']]) {
      expectClearRefusal(
        beatbook(path, args),
        path,
        /written by a newer Beatbook \(schema version 999; this one knows up to \d+\) — upgrade Beatbook/,
      );
    }
    expect(sha256(path)).toBe(hash);
    const after = openFile(path);
    expect(counts(after)).toEqual(before);
    after.close();
  });
});

describe('DEBUG', () => {
  it('adds the stack trace under the same sentence', () => {
    const path = join(dir, 'not-a-folder-either', 'x', 'beatbook.sqlite');
    writeFileSync(join(dir, 'not-a-folder-either'), '');
    const r = beatbook(path, ['stats'], { extraEnv: { DEBUG: '1' } });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain('cannot be created');
    expect(r.stderr).toMatch(/^\s+at /m);
  });
});
