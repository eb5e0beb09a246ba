import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** What the app sent back for an envelope: `{ envelope_id, payload }`. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/**
 * Slack's Socket Mode endpoint on 127.0.0.1: greets each connection with `hello`, sends envelopes
 * (slash_commands, interactive, events_api) and collects the acks. Give `url` to apps.connections.open.
 */
export class FakeSocketMode {
  readonly acks: SocketAck[] = [];
  private wss: WebSocketServer | undefined;
  private readonly sockets = new Set<WebSocket>();
  private readonly pending = new Map<string, (ack: SocketAck) => void>();
  private connectedWaiters: (() => void)[] = [];
  port = 0;

  get url(): string {
    return `ws://127.0.0.1:${this.port}/`;
  }

  /** How many connections are open now. */
  get connections(): number {
    return this.sockets.size;
  }

  async start(): Promise<this> {
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.wss!.once('listening', () => resolve()));
    this.port = (this.wss.address() as AddressInfo).port;
    this.wss.on('connection', (ws) => {
      this.sockets.add(ws);
      ws.on('close', () => this.sockets.delete(ws));
      ws.on('message', (data) => {
        let msg: SocketAck;
        try {
          msg = JSON.parse(String(data)) as SocketAck;
        } catch {
          return;
        }
        if (!msg.envelope_id) return;
        this.acks.push(msg);
        this.pending.get(msg.envelope_id)?.(msg);
        this.pending.delete(msg.envelope_id);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0BEATBOOK' } }));
      for (const w of this.connectedWaiters.splice(0)) w();
    });
    return this;
  }

  /** Resolves once a client is connected. */
  async connected(): Promise<void> {
    if (this.sockets.size > 0) return;
    await new Promise<void>((resolve) => this.connectedWaiters.push(resolve));
  }

  /** Sends an envelope to the connected app and resolves with its ack (rejects after `timeoutMs`). */
  async send(type: string, payload: Record<string, unknown>, timeoutMs = 5000): Promise<SocketAck> {
    const ws = [...this.sockets].at(-1);
    if (!ws) throw new Error('no Socket Mode client is connected');
    const envelope_id = randomUUID();
    const acked = new Promise<SocketAck>((resolve, reject) => {
      const t = setTimeout(() => {
        this.pending.delete(envelope_id);
        reject(new Error(`no ack for ${type} envelope within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(envelope_id, (ack) => {
        clearTimeout(t);
        resolve(ack);
      });
    });
    ws.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== 'events_api' }));
    return acked;
  }

  async close(): Promise<void> {
    const wss = this.wss;
    this.wss = undefined;
    if (!wss) return;
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }
}
