import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call as the fake received it. `args` are the decoded parameters (blocks parsed from JSON). */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  /** The bearer token sent, so a test can check which token a call used. */
  token?: string;
}

/** A posted message as the fake keeps it (what conversations.history returns). */
export interface FakeMessage {
  type: 'message';
  ts: string;
  text: string;
  blocks?: unknown[];
  bot_id?: string;
  user?: string;
  channel: string;
}

/** A full HTTP answer, for statuses other than 200 (429 with Retry-After, 500…). */
export interface RawAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}
type Answer = Record<string, unknown> | RawAnswer;
type Handler = (args: Record<string, unknown>, call: ApiCall) => Answer | undefined;

const JSON_ARGS = ['blocks', 'attachments', 'metadata'];

export interface FakeSlackApiOptions {
  /** Tokens the fake accepts; other tokens get invalid_auth. Omitted: any token is accepted. */
  botToken?: string;
  appToken?: string;
  /** What apps.connections.open hands out (the fake Socket Mode server's url). */
  socketUrl?: string;
  /** Users that users.info reports as workspace admins. */
  admins?: string[];
}

/**
 * A Slack Web API on 127.0.0.1 for tests: answers auth.test, apps.connections.open, chat.postMessage,
 * conversations.history (from what was posted), users.info; records every call; per-method overrides,
 * rate limits and errors. Point WebClient at it with `slackApiUrl: api.url`.
 */
export class FakeSlackApi {
  readonly calls: ApiCall[] = [];
  readonly bot = { userId: 'U0BEATBOOK', botId: 'B0BEATBOOK', teamId: 'T0NEWSROOM' };
  private server: Server | undefined;
  private base = '';
  private readonly overrides = new Map<string, Handler[]>();
  private readonly posted = new Map<string, FakeMessage[]>();
  private readonly gone = new Map<string, string>();
  private clock = 0;

  constructor(private readonly opts: FakeSlackApiOptions = {}) {}

  /** The slackApiUrl for WebClient / Bolt clientOptions (ends in /api/). */
  get url(): string {
    return `${this.base}/api/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  set socketUrl(url: string) {
    this.opts.socketUrl = url;
  }

  /** Calls of one method, in order. */
  called(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /**
   * Overrides a method. The handler returns the answer, or undefined to fall through to the next handler
   * and finally the default behaviour. Later handlers are asked first.
   */
  on(method: string, handler: Handler): void {
    this.overrides.set(method, [handler, ...(this.overrides.get(method) ?? [])]);
  }

  /** The next `times` calls of `method` get HTTP 429 with Retry-After: `retryAfter` seconds. */
  rateLimit(method: string, times: number, retryAfter = 1): void {
    let left = times;
    this.on(method, () =>
      left-- > 0
        ? { status: 429, headers: { 'retry-after': String(retryAfter) }, body: { ok: false, error: 'ratelimited' } }
        : undefined,
    );
  }

  /** The next `times` calls of `method` answer `{ ok: false, error }`. */
  failWith(method: string, error: string, times = Number.POSITIVE_INFINITY): void {
    let left = times;
    this.on(method, () => (left-- > 0 ? { ok: false, error } : undefined));
  }

  /** chat.postMessage and conversations.history in this channel answer `error` (channel_not_found…). */
  removeChannel(channel: string, error = 'channel_not_found'): void {
    this.gone.set(channel, error);
  }

  /** Messages in a channel, oldest first: what the bot posted, plus any added with addMessage. */
  messages(channel: string): FakeMessage[] {
    return [...(this.posted.get(channel) ?? [])];
  }

  /** Puts a message into a channel's history (another user's, or an earlier post of the bot). */
  addMessage(channel: string, message: Partial<FakeMessage> & { text: string }): FakeMessage {
    const m: FakeMessage = { type: 'message', ts: this.nextTs(), channel, ...message };
    this.posted.set(channel, [...(this.posted.get(channel) ?? []), m]);
    return m;
  }

  /** Slack-style ts from the wall clock, strictly increasing so every message is distinct. */
  private nextTs(): string {
    this.clock = Math.max(this.clock + 0.0001, Date.now() / 1000);
    return this.clock.toFixed(6);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
    const args = decode(raw, req.headers['content-type'] ?? '');
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof args.token === 'string' ? args.token : undefined;
    const call: ApiCall = { method, args, ...(token ? { token } : {}) };
    this.calls.push(call);
    let answer: Answer | undefined;
    for (const h of this.overrides.get(method) ?? []) {
      answer = h(args, call);
      if (answer !== undefined) break;
    }
    answer ??= this.defaultAnswer(method, args, token);
    const rawAnswer: RawAnswer =
      'status' in answer && typeof answer.status === 'number' ? (answer as RawAnswer) : { status: 200, body: answer };
    res.writeHead(rawAnswer.status, { 'content-type': 'application/json', ...rawAnswer.headers });
    res.end(JSON.stringify(rawAnswer.body ?? {}));
  }

  private defaultAnswer(method: string, args: Record<string, unknown>, token: string | undefined): Answer {
    const expected = method === 'apps.connections.open' ? this.opts.appToken : this.opts.botToken;
    if (expected !== undefined && token !== expected) return { ok: false, error: 'invalid_auth' };
    const channel = typeof args.channel === 'string' ? args.channel : '';
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://newsroom.slack.com/',
          team: 'Newsroom',
          user: 'beatbook',
          team_id: this.bot.teamId,
          user_id: this.bot.userId,
          bot_id: this.bot.botId,
        };
      case 'apps.connections.open':
        return this.opts.socketUrl ? { ok: true, url: this.opts.socketUrl } : { ok: false, error: 'no_socket_server' };
      case 'users.info': {
        const id = String(args.user ?? '');
        const admin = (this.opts.admins ?? []).includes(id);
        return { ok: true, user: { id, name: id.toLowerCase(), is_admin: admin, is_owner: false } };
      }
      case 'chat.postMessage': {
        if (this.gone.has(channel)) return { ok: false, error: this.gone.get(channel) };
        const m = this.addMessage(channel, {
          text: String(args.text ?? ''),
          ...(Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
          bot_id: this.bot.botId,
          user: this.bot.userId,
        });
        return { ok: true, channel, ts: m.ts, message: m };
      }
      case 'conversations.history': {
        if (this.gone.has(channel)) return { ok: false, error: this.gone.get(channel) };
        const oldest = Number(args.oldest ?? 0);
        const messages = this.messages(channel)
          .filter((m) => Number(m.ts) >= oldest)
          .reverse();
        return { ok: true, messages, has_more: false };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function decode(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (JSON_ARGS.includes(k)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // keep the raw string: a test may want to see what was actually sent
      }
    }
    out[k] = v;
  }
  return out;
}
