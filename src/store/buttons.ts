import { createHash } from 'node:crypto';
import type { DB } from './db.js';

/**
 * Command lines behind chat buttons that are too long to carry in the button itself. Persisted so a button
 * keeps working after a restart; keyed by a hash of the line, so showing the same page twice adds no row.
 */
export class ButtonStates {
  private s;

  constructor(db: DB) {
    this.s = {
      upsert: db.prepare(
        `INSERT INTO button_state (key, command, used_at) VALUES (?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET used_at = excluded.used_at`,
      ),
      get: db.prepare('SELECT command, used_at FROM button_state WHERE key = ?'),
      prune: db.prepare('DELETE FROM button_state WHERE used_at < ?'),
    };
  }

  /** Stores `command` and returns its key (16 URL-safe characters). */
  save(command: string, now: Date): string {
    const key = createHash('sha256').update(command).digest('base64url').slice(0, 16);
    this.s.upsert.run(key, command, now.toISOString());
    return key;
  }

  /** The command line behind `key`, or undefined when it was never stored or has been pruned. */
  load(key: string): string | undefined {
    const row = this.s.get.get(key) as { command: string } | undefined;
    return row?.command;
  }

  /** Drops lines no live button can still point to: not used since `before`. Returns how many went. */
  prune(before: Date): number {
    return this.s.prune.run(before.toISOString()).changes;
  }
}
