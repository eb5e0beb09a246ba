import { createHash } from 'node:crypto';
import type { DB } from '../../src/store/db.js';

/**
 * A content fingerprint of the whole database: the schema and, for every ordinary table (FTS shadow tables
 * included, so the full-text indexes are covered), its row count and a SHA-256 of its rows in rowid order.
 * Two equal fingerprints mean nothing was written; `except` leaves out tables a test expects to change.
 */
export function fingerprint(db: DB, except: string[] = []): Record<string, string> {
  const schema = db.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`).all() as {
    type: string;
    name: string;
    sql: string | null;
  }[];
  const out: Record<string, string> = {
    schema: createHash('sha256').update(JSON.stringify(schema)).digest('hex'),
  };
  for (const t of schema) {
    if (t.type !== 'table' || except.includes(t.name) || /^CREATE VIRTUAL/i.test(t.sql ?? '')) continue;
    if (t.name.startsWith('sqlite_')) continue;
    const withoutRowid = /WITHOUT\s+ROWID/i.test(t.sql ?? '');
    const hash = createHash('sha256');
    let n = 0;
    const rows = db.prepare(`SELECT * FROM "${t.name.replace(/"/g, '""')}"${withoutRowid ? '' : ' ORDER BY rowid'}`);
    for (const row of rows.iterate()) {
      n++;
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
      hash.update('\n');
    }
    out[t.name] = `${n}:${hash.digest('hex')}`;
  }
  return out;
}
