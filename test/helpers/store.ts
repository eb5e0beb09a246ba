import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { seed } from '../../src/ingest/pipeline.js';
import { type DB, openDb } from '../../src/store/db.js';
import { Store } from '../../src/store/queries.js';
import type { Context } from '../../src/core/command.js';

/** A store seeded from the real seeds/ in a temporary directory, removed after the file's tests. */
export function seededStore(): { db: DB; store: Store; path: string; ctx: Context } {
  const dir = mkdtempSync(join(tmpdir(), 'beatbook-test-'));
  const path = join(dir, 'test.sqlite');
  const db = openDb(path);
  seed(db, undefined, { progress: false });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const store = new Store(db);
  return {
    db,
    store,
    path,
    ctx: { store, user: { id: 'tester', admin: false }, platform: 'cli', now: new Date('2026-11-23T12:00:00Z') },
  };
}

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'beatbook-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The tables that hold the store's content (what a count of rows compares). */
export const STORE_TABLES = [
  'documents',
  'passages',
  'actors',
  'aliases',
  'events',
  'policies',
  'facts',
  'quotes',
  'mentions',
  'date_mentions',
];

/** Row counts of every table, to prove that something did not change. */
export function snapshot(db: DB): Record<string, number> {
  const tables = STORE_TABLES;
  return Object.fromEntries(
    tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
}
