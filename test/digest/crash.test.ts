import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { startDigestScheduler } from '../../src/digest/schedule.js';
import { ROOT } from '../../src/store/db.js';
import type { DeliveryRow } from '../../src/store/digest.js';
import { httpPlatform } from './fixtures/http-platform.mjs';
import { inChannel, storeFactory } from './helpers.js';

// A real crash: a child process runs the built scheduler (dist/, as `serve` would) and is killed with SIGKILL
// while its post is in flight. The chat platform is a fake HTTP server on 127.0.0.1 that outlives the child.

const fresh = storeFactory();

interface Message {
  channelId: string;
  title: string;
  at: number;
}
const platform = {
  messages: [] as Message[],
  /** 'ok' answers posts; 'land-then-hang' stores the message and never answers; 'hang' neither. */
  mode: 'ok' as 'ok' | 'land-then-hang' | 'hang',
  posts: 0,
  held: [] as ServerResponse[],
};

const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'POST' && url.pathname === '/post') {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      platform.posts++;
      const m = JSON.parse(body) as { channelId: string; title: string };
      if (platform.mode !== 'hang') platform.messages.push({ ...m, at: Date.now() });
      if (platform.mode === 'ok') res.writeHead(200).end('{}');
      else platform.held.push(res);
    });
    return;
  }
  if (req.method === 'GET' && url.pathname === '/posted') {
    const q = url.searchParams;
    const posted = platform.messages.some(
      (m) => m.channelId === q.get('channelId') && m.title.includes(q.get('marker') ?? '\u0000'),
    );
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ posted }));
    return;
  }
  res.writeHead(404).end();
});
let port = 0;
beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const r of platform.held) r.destroy();
  server.closeAllConnections();
  server.close();
});

function serveInChild(dbPath: string, now: string): ChildProcess {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'test/digest/fixtures/crash-child.mjs'), ROOT, dbPath, String(port), now],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return child;
}

async function crash(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

function setup() {
  platform.messages.length = 0;
  platform.posts = 0;
  const { db, store, path } = fresh();
  inChannel(
    store,
    { platform: 'slack', channelId: 'C-1' },
    { at: '2026-09-24T20:00:00Z' },
    'digest subscribe time:08:00 tz:America/Mexico_City',
  );
  const rows = () => db.prepare('SELECT * FROM digest_deliveries').all() as DeliveryRow[];
  const restart = (now: string) => {
    const sched = startDigestScheduler({
      store,
      adapters: [httpPlatform('slack', port)],
      log: () => {},
      now: () => new Date(now),
    });
    onTestFinished(() => sched.stop());
    return sched;
  };
  return { path, rows, restart };
}

describe('a process killed in the middle of a digest post', () => {
  it('posted before it died: the restart finds the message and records it, without a second post', async () => {
    const s = setup();
    platform.mode = 'land-then-hang';
    const child = serveInChild(s.path, '2026-09-25T14:00:00Z');
    await vi.waitFor(() => expect(platform.messages).toHaveLength(1), { timeout: 20_000, interval: 50 });
    await crash(child);
    expect(s.rows().map((r) => r.status)).toEqual(['claimed']);

    platform.mode = 'ok';
    const sched = s.restart('2026-09-25T14:01:00Z');
    expect((await sched.started).map((e) => e.outcome)).toEqual(['already-posted']);
    await sched.runDue(new Date('2026-09-25T18:00:00Z'));
    expect(platform.messages.map((m) => m.title)).toEqual(['Beatbook digest — Friday 25 September 2026']);
    expect(s.rows().map((r) => r.status)).toEqual(['sent']);
  });

  it('died before its post reached the platform: the restart posts it, once', async () => {
    const s = setup();
    platform.mode = 'hang';
    const child = serveInChild(s.path, '2026-09-25T14:00:00Z');
    await vi.waitFor(() => expect(platform.posts).toBe(1), { timeout: 20_000, interval: 50 });
    await crash(child);
    expect(platform.messages).toHaveLength(0);
    expect(s.rows().map((r) => r.status)).toEqual(['claimed']);

    platform.mode = 'ok';
    const sched = s.restart('2026-09-25T14:01:00Z');
    expect((await sched.started).map((e) => e.outcome)).toEqual(['posted']);
    await sched.runDue(new Date('2026-09-25T18:00:00Z'));
    expect(platform.messages.map((m) => m.title)).toEqual(['Beatbook digest — Friday 25 September 2026']);
    expect(s.rows().map((r) => [r.status, r.attempts])).toEqual([['sent', 1]]);
  });
});
