import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST to a response_url: which url, and the JSON body Bolt's respond() sent. */
export interface Responded {
  path: string;
  body: Record<string, unknown>;
}

/**
 * Stands in for Slack's response_url endpoint on 127.0.0.1: hands out fresh urls, records every POST, and can
 * fail the next ones (an expired response_url answers 404).
 */
export class ResponseUrlServer {
  readonly posts: Responded[] = [];
  private server: Server | undefined;
  private base = '';
  private n = 0;
  private failures: number[] = [];
  private waiters: (() => void)[] = [];

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          body = { unparsed: Buffer.concat(chunks).toString('utf8') };
        }
        this.posts.push({ path: req.url ?? '', body });
        const status = this.failures.shift() ?? 200;
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status === 200 ? 'ok' : 'expired_url');
        for (const w of this.waiters.splice(0)) w();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** A fresh response_url; posts to it are told apart by `path`. */
  url(label = 'r'): string {
    this.n += 1;
    return `${this.base}/respond/${label}-${this.n}`;
  }

  /** Posts made to one url. */
  to(url: string): Responded[] {
    const path = new URL(url).pathname;
    return this.posts.filter((p) => p.path === path);
  }

  /** The next `times` posts answer `status` (404 = an expired response_url). */
  fail(times: number, status = 404): void {
    for (let i = 0; i < times; i++) this.failures.push(status);
  }

  /** Resolves with the first post to `url`, waiting for it if need be. */
  async first(url: string, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.to(url)[0];
      if (hit) return hit.body;
      if (Date.now() > deadline) throw new Error(`nothing was posted to ${url} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
