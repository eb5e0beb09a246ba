import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../src/store/db.js';
import { tempDir } from './helpers/store.js';

const dir = tempDir();
const env = { ...process.env, BEATBOOK_DB: join(dir, 'cli.sqlite'), DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' };
const cli = (args: string[], input?: string, extraEnv: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'bin/beatbook.js'), ...args], {
    env: { ...env, ...extraEnv },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('the CLI contract', () => {
  it('builds the store on first use; stats --json has the agreed keys', () => {
    const r = cli(['stats', '--json']);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    for (const k of ['documents', 'passages', 'actors', 'aliases', 'events', 'policies', 'facts', 'quotes', 'mentions'])
      expect(typeof s[k]).toBe('number');
    expect(s.documents).toBe(14);
    expect(s.quotes).toBeGreaterThanOrEqual(30);
  });

  it('verify passes on the seeded store', () => {
    const r = cli(['verify']);
    expect(r.stdout).toMatch(/^verify: ok/);
    expect(r.status).toBe(0);
  });

  it('answers one command as text, or as {"ok","text","reply"} with --json', () => {
    const t = cli(['actor', 'cienfuegos']);
    expect(t.status).toBe(0);
    expect(t.stdout).toContain('Salvador Cienfuegos Zepeda');
    const j = JSON.parse(cli(['quote', 'speaker:zavala', '--json']).stdout);
    expect(j.ok).toBe(true);
    expect(j.text).toContain('Margarita Zavala');
    expect(j.reply.items.length).toBeGreaterThan(0);
  });

  it('exits 1 on a user error with a clear message, and 2 on a bad configuration naming the variable only', () => {
    const bad = cli(['timeline', 'from:someday']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('from:');
    const conf = cli(['stats'], undefined, { PORT: 'not-a-port-s3cret' });
    expect(conf.status).toBe(2);
    expect(conf.stderr).toContain('PORT');
    expect(conf.stderr).not.toContain('s3cret');
  });

  it('batch answers every line in order, empty and hostile ones included', () => {
    const lines = [
      'actor amlo',
      '',
      'search "unbalanced',
      '\u0000\u0007',
      'quote speaker:zavala',
      'nonsense here',
      `search ${'x'.repeat(5000)}`,
    ];
    const r = cli(['batch'], `${lines.join('\n')}\n`);
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(lines.length);
    expect(out.map((o) => o.ok)).toEqual([true, false, false, false, true, false, false]);
    for (const o of out) expect(typeof o.text).toBe('string');
  });

  it('ingest names a missing file and exits 1', () => {
    const r = cli(['ingest', join(dir, 'nope.md')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('nope.md: no such file');
  });
});
