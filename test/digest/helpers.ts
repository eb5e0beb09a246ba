import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { registry } from '../../commands/index.js';
import type { Context } from '../../src/core/command.js';
import { dispatchLine } from '../../src/core/dispatch.js';
import type { Reply } from '../../src/core/reply.js';
import { type DB, openDb } from '../../src/store/db.js';
import { Store } from '../../src/store/queries.js';
import { seededStore, tempDir } from '../helpers/store.js';

/**
 * Seeding once per file and copying the database for every test keeps each scheduler test alone with its own
 * subscriptions and deliveries.
 */
export function storeFactory(): () => { db: DB; store: Store; path: string } {
  const template = seededStore();
  // Seeding stamps documents with the real clock; the tests run on a fake one, so the corpus is made old news.
  template.db.prepare("UPDATE documents SET added_at = '2020-01-01T00:00:00.000Z'").run();
  template.db.pragma('wal_checkpoint(TRUNCATE)');
  const dir = tempDir();
  const open: DB[] = [];
  afterAll(() => {
    for (const db of open) if (db.open) db.close();
  });
  let n = 0;
  return () => {
    const path = join(dir, `copy-${++n}.sqlite`);
    copyFileSync(template.path, path);
    const db = openDb(path);
    open.push(db);
    return { db, store: new Store(db), path };
  };
}

/** Runs a digest command line as a user in a channel, at a given instant. */
export function inChannel(
  store: Store,
  where: { platform: 'discord' | 'slack'; channelId: string },
  opts: { admin?: boolean; at: string },
  line: string,
): Reply {
  const ctx: Context = {
    store,
    user: { id: 'U-editor', name: 'editor', admin: opts.admin ?? true },
    platform: where.platform,
    channelId: where.channelId,
    now: new Date(opts.at),
  };
  return dispatchLine(registry, ctx, line);
}
