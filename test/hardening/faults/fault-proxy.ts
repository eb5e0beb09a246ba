/**
 * An HTTP proxy on 127.0.0.1 put between a real client library (discord.js REST, Slack's WebClient) and a fake
 * platform, to inject the faults a platform shows in production: a 5xx answer, or no answer at all (a hung
 * request, which only the client's own timeout ends). Everything else is passed through untouched; every
 * request is recorded with what the proxy did to it.
 *
 *   const proxy = await FaultProxy.start(fake.url);
 *   proxy.inject({ method: 'POST', path: /\/callback$/, action: { status: 503 } });
 *   proxy.inject({ path: /users\.info$/, action: 'hang' });
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer, request } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultAction = 'hang' | { status: number; body?: unknown; headers?: Record<string, string> };

export interface FaultRule {
  method?: string;
  /** Matched against the request path without its query. */
  path: RegExp;
  action: FaultAction;
  /** How many matching requests it applies to (default 1; Infinity for all). */
  times?: number;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  /** When it arrived, from performance.now(). */
  at: number;
  /** The request body as text (form fields or JSON), to tell apart calls to the same path. */
  body: string;
  /** 'hung' (never answered), the injected status, or 'forwarded' (with the upstream status). */
  outcome: 'hung' | 'forwarded' | number;
  upstreamStatus?: number;
}

export class FaultProxy {
  readonly requests: ProxiedRequest[] = [];
  private rules: (FaultRule & { left: number })[] = [];
  private sockets = new Set<Socket>();
  private held = new Set<ServerResponse>();
  private port = 0;

  private constructor(
    private server: Server,
    private upstream: URL,
  ) {
    server.on('request', (req, res) => void this.onRequest(req, res));
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  static async start(upstream: string): Promise<FaultProxy> {
    const proxy = new FaultProxy(createServer(), new URL(upstream));
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    proxy.port = (proxy.server.address() as AddressInfo).port;
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  inject(rule: FaultRule): void {
    this.rules.push({ ...rule, left: rule.times ?? 1 });
  }

  /** Requests whose path matches, in order. */
  matching(path: RegExp, method?: string): ProxiedRequest[] {
    return this.requests.filter((r) => path.test(r.path) && (!method || r.method === method));
  }

  async close(): Promise<void> {
    for (const res of this.held) res.destroy();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0]!;
    const record: ProxiedRequest = {
      method,
      path,
      body: body.toString('utf8'),
      at: performance.now(),
      outcome: 'forwarded',
    };
    this.requests.push(record);
    const rule = this.rules.find((r) => r.left > 0 && (!r.method || r.method === method) && r.path.test(path));
    if (rule) {
      rule.left--;
      if (rule.action === 'hang') {
        // Never answered: the client's timeout has to end it (its socket then closes and we forget it).
        record.outcome = 'hung';
        this.held.add(res);
        res.on('close', () => this.held.delete(res));
        return;
      }
      record.outcome = rule.action.status;
      const payload = JSON.stringify(rule.action.body ?? { message: 'injected fault', code: 0 });
      res.writeHead(rule.action.status, { 'content-type': 'application/json', ...rule.action.headers });
      res.end(payload);
      return;
    }
    const up = request(
      {
        host: '127.0.0.1',
        port: Number(this.upstream.port),
        method,
        path: req.url,
        headers: { ...req.headers, host: this.upstream.host },
      },
      (upRes) => {
        record.upstreamStatus = upRes.statusCode;
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    up.end(body);
  }
}
