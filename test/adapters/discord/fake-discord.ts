/**
 * A fake Discord for tests: the gateway (WebSocket) and the REST API on one 127.0.0.1 port, enough for the
 * real discord.js client to log in, receive interactions and answer them, post to channels and read history.
 * Every REST call is recorded; failures (429, 404, 403, …) can be scripted per route.
 *
 *   const fake = await FakeDiscord.start();
 *   new Client({ rest: { api: fake.api } }) … login(fake.token)
 *   fake.dispatchInteraction(raw); await fake.waitForRequest((r) => r.path.endsWith('/callback'));
 *   await fake.close();
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Decoded path without the /api/v10 prefix, e.g. "/interactions/1/tok/callback", "/webhooks/1/tok/messages/@original". */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON (the payload_json part of a multipart upload), or undefined for an empty body. */
  body: any;
  /** Whether the request carried `Authorization: Bot <the fake's token>`. */
  authorized: boolean;
  /** The status the fake answered with. */
  status: number;
}

export interface FailureRule {
  method?: string;
  /** Matched against RecordedRequest.path. */
  path: RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests fail before the rule is spent; Infinity for all. */
  times?: number;
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  author: { id: string; username: string; discriminator: string; bot?: boolean; avatar: null; global_name: null };
  content: string;
  timestamp: string;
  edited_timestamp: string | null;
  tts: false;
  mention_everyone: false;
  mentions: [];
  mention_roles: [];
  attachments: [];
  embeds: any[];
  components: any[];
  pinned: false;
  type: number;
  flags: number;
  [key: string]: unknown;
}

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  botUserId?: string;
  guildId?: string;
  /** Text channels that exist in the guild; posting anywhere else answers 404 Unknown Channel. */
  channelIds?: string[];
}

const EPOCH = 1420070400000n;

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** Messages per channel, oldest first. */
  readonly channels = new Map<string, FakeMessage[]>();
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: FakeMessage['author'];
  readonly guildId: string;
  /** Raw gateway frames the client sent (IDENTIFY, heartbeats, …). */
  readonly gatewayFrames: { op: number; d: unknown }[] = [];

  private rules: FailureRule[] = [];
  private sockets = new Set<Socket>();
  private clients = new Set<WebSocket>();
  private seq = 0;
  private lastSnowflake = 0n;
  private listeners = new Set<() => void>();
  private wss: WebSocketServer;
  private port = 0;
  private closed = false;

  private constructor(
    private server: Server,
    opts: FakeDiscordOptions,
  ) {
    this.token = opts.token ?? 'fake.bot.token-for-tests-only';
    this.applicationId = opts.applicationId ?? '900000000000000001';
    this.guildId = opts.guildId ?? '900000000000000100';
    this.botUser = {
      id: opts.botUserId ?? this.applicationId,
      username: 'Beatbook',
      discriminator: '0',
      bot: true,
      avatar: null,
      global_name: null,
    };
    for (const id of opts.channelIds ?? ['900000000000000200']) this.channels.set(id, []);
    this.wss = new WebSocketServer({ noServer: true });
    server.on('request', (req, res) => void this.onRequest(req, res));
    server.on('upgrade', (req, socket, head) => this.wss.handleUpgrade(req, socket, head, (ws) => this.onGateway(ws)));
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  /** Starts the fake on an ephemeral port of 127.0.0.1. */
  static async start(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const fake = new FakeDiscord(server, opts);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  /** What to give discord.js as `rest.api` (it appends /v10). */
  get api(): string {
    return `${this.url}/api`;
  }
  /** The first channel, for tests that need just one. */
  get channelId(): string {
    return [...this.channels.keys()][0]!;
  }

  /** Makes the next `times` requests matching the rule fail with its status, body and headers. */
  fail(rule: FailureRule): void {
    this.rules.push({ times: 1, ...rule });
  }

  /** A 429 with Retry-After, as Discord sends it, on the next matching request. */
  rateLimit(method: string, path: RegExp, retryAfterSeconds = 0.2): void {
    this.fail({
      method,
      path,
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
      headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-scope': 'user' },
    });
  }

  /** Sends a gateway dispatch (op 0) to every connected client. */
  dispatch(t: string, d: unknown): void {
    const frame = JSON.stringify({ op: 0, t, s: ++this.seq, d });
    for (const ws of this.clients) ws.send(frame);
  }

  /** Delivers an INTERACTION_CREATE; the raw interaction is completed with ids and a token if missing. */
  dispatchInteraction(raw: Record<string, unknown>): { id: string; token: string } {
    const id = (raw.id as string | undefined) ?? this.snowflake();
    const token = (raw.token as string | undefined) ?? `itoken-${id}`;
    this.dispatch('INTERACTION_CREATE', {
      version: 1,
      application_id: this.applicationId,
      entitlements: [],
      authorizing_integration_owners: {},
      locale: 'en-US',
      ...raw,
      id,
      token,
    });
    return { id, token };
  }

  /** Delivers an interaction and resolves with the bot's first successful callback to it. */
  async callback(raw: Record<string, unknown>): Promise<RecordedRequest> {
    const ids = this.dispatchInteraction(raw);
    return this.waitForRequest((r) => r.path === `/interactions/${ids.id}/${ids.token}/callback` && r.status < 300);
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  async waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const found = this.requests.find(match);
    if (found) return found;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error('fake discord: expected request never arrived'));
      }, timeoutMs);
      const check = () => {
        const r = this.requests.find(match);
        if (!r) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(r);
      };
      this.listeners.add(check);
    });
  }

  /** Requests made to one interaction's callback and webhook routes, in order. */
  interactionRequests(interaction: { id: string; token: string }): RecordedRequest[] {
    return this.requests.filter(
      (r) =>
        r.path.startsWith(`/interactions/${interaction.id}/${interaction.token}/`) ||
        r.path.startsWith(`/webhooks/${this.applicationId}/${interaction.token}`),
    );
  }

  /** A snowflake for `at` (default now), strictly increasing across calls. */
  snowflake(at: number = Date.now()): string {
    let s = (BigInt(at) - EPOCH) << 22n;
    if (s <= this.lastSnowflake) s = this.lastSnowflake + 1n;
    this.lastSnowflake = s;
    return s.toString();
  }

  /** A message as Discord returns it; author defaults to the bot. */
  message(channelId: string, body: Record<string, any>, author = this.botUser, at = Date.now()): FakeMessage {
    return {
      id: this.snowflake(at),
      channel_id: channelId,
      author,
      content: body.content ?? '',
      timestamp: new Date(at).toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      pinned: false,
      type: 0,
      flags: body.flags ?? 0,
    };
  }

  /** Stops the gateway and REST and drops every connection, so no socket outlives a test file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const ws of this.clients) ws.terminate();
    this.wss.close();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- gateway ----------------------------------------------------------------------------------------

  private onGateway(ws: WebSocket): void {
    this.clients.add(ws);
    ws.on('close', () => this.clients.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 } }));
    ws.on('message', (data) => {
      let frame: { op: number; d: any };
      try {
        frame = JSON.parse(String(data));
      } catch {
        return;
      }
      this.gatewayFrames.push(frame);
      if (frame.op === 1) ws.send(JSON.stringify({ op: 11 }));
      else if (frame.op === 2) this.identify(ws, frame.d);
      else if (frame.op === 6) ws.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++this.seq, d: {} }));
    });
  }

  private identify(ws: WebSocket, d: { token?: string }): void {
    if (d?.token !== this.token && d?.token !== `Bot ${this.token}`) {
      ws.close(4004, 'Authentication failed.');
      return;
    }
    const send = (t: string, payload: unknown) => ws.send(JSON.stringify({ op: 0, t, s: ++this.seq, d: payload }));
    send('READY', {
      v: 10,
      user: this.botUser,
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: 'fake-session',
      resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 },
    });
    send('GUILD_CREATE', {
      id: this.guildId,
      name: 'Newsroom',
      icon: null,
      owner_id: '900000000000000999',
      unavailable: false,
      joined_at: new Date().toISOString(),
      large: false,
      member_count: 2,
      features: [],
      roles: [
        {
          id: this.guildId,
          name: '@everyone',
          permissions: '1024',
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      channels: [...this.channels.keys()].map((id, position) => ({
        id,
        type: 0,
        name: `desk-${position}`,
        position,
        permission_overwrites: [],
        guild_id: this.guildId,
      })),
      threads: [],
      members: [],
      presences: [],
      voice_states: [],
      emojis: [],
      stickers: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    });
  }

  // ---- REST -------------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, ''));
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      body: parseBody(rawBody, String(req.headers['content-type'] ?? '')),
      authorized: req.headers.authorization === `Bot ${this.token}`,
      status: 0,
    };
    const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      this.requests.push(record);
      // A 204 has no body; a JSON content-type on it would make discord.js try to parse nothing.
      res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
      res.end(body === undefined ? undefined : JSON.stringify(body));
      for (const l of [...this.listeners]) l();
    };

    const rule = this.rules.find(
      (r) => (r.times ?? 1) > 0 && (!r.method || r.method === record.method) && r.path.test(path),
    );
    if (rule) {
      rule.times = (rule.times ?? 1) - 1;
      reply(rule.status, rule.body ?? { message: 'scripted failure', code: 0 }, rule.headers);
      return;
    }
    this.route(record, reply);
  }

  private route(r: RecordedRequest, reply: (status: number, body?: unknown) => void): void {
    const { method, path } = r;
    const bot = () => {
      if (!r.authorized) {
        reply(401, { message: '401: Unauthorized', code: 0 });
        return false;
      }
      return true;
    };
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      if (!bot()) return;
      reply(200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
      return;
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      reply(204);
      return;
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path))) {
      const channelId = this.channelId;
      if (method === 'DELETE') reply(204);
      else if (method === 'PATCH' || method === 'POST')
        reply(200, { ...this.message(channelId, r.body ?? {}), webhook_id: m[1], application_id: m[1] });
      else if (method === 'GET') reply(200, this.message(channelId, {}));
      else reply(405, { message: 'method not allowed', code: 0 });
      return;
    }
    if (method === 'PUT' && (m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      if (!bot()) return;
      const list = Array.isArray(r.body) ? r.body : [];
      reply(
        200,
        list.map((c: Record<string, unknown>) => ({
          ...c,
          id: this.snowflake(),
          application_id: m![1],
          ...(m![2] ? { guild_id: m![2] } : {}),
          version: this.snowflake(),
        })),
      );
      return;
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      if (!bot()) return;
      const messages = this.channels.get(m[1]!);
      if (!messages) {
        reply(404, { message: 'Unknown Channel', code: 10003 });
        return;
      }
      if (method === 'POST') {
        const msg = this.message(m[1]!, r.body ?? {});
        messages.push(msg);
        reply(200, msg);
        return;
      }
      if (method === 'GET') {
        const limit = Math.min(100, Number(r.query.limit ?? 50));
        let list = [...messages];
        if (r.query.after) {
          // Discord: the `limit` messages right after the id, returned newest first.
          const after = BigInt(r.query.after);
          list = list.filter((x) => BigInt(x.id) > after).slice(0, limit);
        } else {
          if (r.query.before) list = list.filter((x) => BigInt(x.id) < BigInt(r.query.before!));
          list = list.slice(-limit);
        }
        reply(200, list.reverse());
        return;
      }
    }
    reply(404, { message: '404: Not Found', code: 0 });
  }
}

function parseBody(raw: string, contentType: string): any {
  if (!raw) return undefined;
  if (contentType.startsWith('multipart/form-data')) {
    const m = /name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw);
    return m ? JSON.parse(m[1]!) : raw;
  }
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
