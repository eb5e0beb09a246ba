import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/store/db.js';
import { tempDir } from '../helpers/store.js';

// The built CLI (dist/), as a reporter runs it: one digest command line per invocation.
const dir = tempDir();
const cli = (args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin/beatbook.js'), ...args], {
    env: { ...process.env, BEATBOOK_DB: join(dir, 'cli.sqlite'), DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('digest in the CLI', () => {
  it('digest preview date:2026-09-26 mentions Ayotzinapa, cited, and exits 0', () => {
    const r = cli(['digest', 'preview', 'date:2026-09-26', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; text: string; reply: { citations: { ref: string }[] } };
    expect(out.ok).toBe(true);
    expect(out.text).toContain('Disappearance of the 43 Ayotzinapa students');
    expect(out.text).toMatch(/Ayotzinapa students[^\n]*\[1\]/);
    expect(out.reply.citations[0]!.ref).toMatch(/^P\d+/);
  });

  it('subscribing from the shell explains that it belongs in a channel, with exit 1', () => {
    const r = cli(['digest', 'subscribe', 'time:08:00', 'tz:America/Mexico_City']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Discord or Slack channel');
  });
});
